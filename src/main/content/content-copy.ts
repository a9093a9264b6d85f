import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, stat, statfs, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Article } from '../../shared/domain'
import { contentLimits, sizeInWords } from './content-limits'

/** An article to copy and the folder its file and pictures are in. */
export interface ArticleAt {
  article: Article
  root: string
}

/** How much a copy may take, and where the free space of the disk it goes to is read; tests pass their own. */
export interface PackSpace {
  /** Bytes free to this account on the disk holding a folder, or null when the system cannot tell. */
  freeBytes: (folder: string) => Promise<number | null>
  packBytes: number
  reserveBytes: number
}

/** The kiosk's own limits, and free space as the system reports it. */
export const packSpace: PackSpace = {
  freeBytes: async (folder) => {
    try {
      const disk = await statfs(folder)
      // Blocks free to this (unprivileged) account, not the reserve only an administrator may use.
      return disk.bavail * disk.bsize
    } catch {
      return null
    }
  },
  packBytes: contentLimits.packBytes,
  reserveBytes: contentLimits.freeSpaceReserveBytes
}

/** A copy refused before any byte was written: too large, or too little room on the disk; `reason` says which. */
export class PackRefused extends Error {
  constructor(
    readonly reason: 'too-large' | 'no-room',
    message: string
  ) {
    super(message)
  }
}

/** The pictures an article shows, as paths relative to its content folder. */
export function picturesOf(article: Article): string[] {
  return article.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.type === 'image' ? [block.src] : []))
  )
}

/** Each file to copy once (a picture two articles share is one file), with the folder it is read from. */
function filesOf(articles: ArticleAt[]): Array<{ file: string; root: string }> {
  const files = new Map<string, string>()
  for (const { article, root } of articles)
    for (const file of [article.file, ...picturesOf(article)]) if (!files.has(file)) files.set(file, root)
  return [...files].map(([file, root]) => ({ file, root }))
}

/**
 * Why a copy of `bytes` may not be written to `destination`, or null: more than `packBytes`, or more than the disk's
 * free space less the reserve (feedback must always have room to be saved).
 */
export async function packProblem(bytes: number, destination: string, space: PackSpace): Promise<PackRefused | null> {
  const size = `the articles and their pictures come to ${sizeInWords(bytes)}`
  if (bytes > space.packBytes) {
    return new PackRefused(
      'too-large',
      `${size}; the kiosk takes at most ${sizeInWords(space.packBytes)} at once: leave out articles or pictures, or ` +
        'save the pictures smaller'
    )
  }
  const free = await space.freeBytes(destination)
  if (free !== null && bytes > free - space.reserveBytes) {
    return new PackRefused(
      'no-room',
      `${size}, and the kiosk's disk has ${sizeInWords(free)} free; it keeps ${sizeInWords(space.reserveBytes)} free ` +
        "for feedback and for Windows: ask IT to free space on the kiosk's disk"
    )
  }
  return null
}

/**
 * Copies articles and the pictures they show into a folder, each at the same place relative to it as in its own
 * folder, so the copy reads as the original did. Only what is valid is ever copied: nothing else of a folder (a
 * broken draft, a stray document) goes along. The whole is measured first and refused (`PackRefused`, nothing
 * written) when it is over `space.packBytes` or would leave less than `space.reserveBytes` free on the disk.
 */
export async function copyArticles(
  articles: ArticleAt[],
  destination: string,
  space: PackSpace = packSpace
): Promise<void> {
  const files = await Promise.all(
    filesOf(articles).map(async (found) => ({ ...found, size: (await stat(join(found.root, found.file))).size }))
  )
  const problem = await packProblem(
    files.reduce((sum, { size }) => sum + size, 0),
    destination,
    space
  )
  if (problem) throw problem
  for (const { file, root, size } of files) {
    await mkdir(dirname(join(destination, file)), { recursive: true })
    // No more than was measured is copied: a file that grew on the stick since reads back changed, and is refused.
    if (size === 0) await writeFile(join(destination, file), '')
    else await pipeline(createReadStream(join(root, file), { end: size - 1 }), createWriteStream(join(destination, file)))
  }
}
