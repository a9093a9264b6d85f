import { opendir } from 'node:fs/promises'
import { join, posix, relative, sep } from 'node:path'
import { imageExtensions } from '../../shared/article-schema'
import type { ContentProblem } from '../../shared/domain'
import { contentLimits } from './content-limits'
import { followInside } from './content-links'
import { saveAsDocxAdvice, saveAsDocxExtensions } from './document-kinds'

/** The article files of a content folder, and the files an author probably meant as articles but the kiosk skips. */
export interface ContentFiles {
  /** Full paths, in name order, folder by folder. */
  articles: string[]
  skipped: ContentProblem[]
}

const importer =
  "turn it into an article with the installed app's --import-article (see docs/CONTENT.md), or copy its text into a .md file"

/** What each kind of document an author may drop in the folder is, and what to do with it. */
const documents: Record<string, string> = {
  '.docx': `a Word document, which the kiosk cannot show: ${importer}`,
  ...Object.fromEntries(
    saveAsDocxExtensions.map((extension) => [
      extension,
      `a word-processor document (${extension}), which the kiosk cannot show and the importer does not read: ` +
        `${saveAsDocxAdvice} with the installed app's --import-article (see docs/CONTENT.md), or copy its text into a .md file`
    ])
  ),
  '.html': `a web page, which the kiosk cannot show: ${importer}`,
  '.htm': `a web page, which the kiosk cannot show: ${importer}`,
  '.pdf': 'a PDF, which the kiosk cannot show: copy its text into a .md file, or move it out of the content folder'
}

/** Whether a file name is an article: `.md` in any capitals, as Windows (and so an author) sees no difference. */
export function isArticleName(name: string): boolean {
  const lower = name.toLowerCase()
  return lower.endsWith('.md') && lower !== 'readme.md'
}

/**
 * Why the kiosk skips a file an author probably meant as an article, or null for a file that is not one: a picture,
 * a README, Windows' and Word's own files.
 */
export function skippedReason(name: string): string | null {
  const lower = name.toLowerCase()
  const extension = posix.extname(lower)
  if (imageExtensions.has(extension) || lower.startsWith('readme.') || lower.startsWith('~$')) return null
  if (lower.endsWith('.md.txt')) {
    return (
      `saved as ${name}, so the kiosk skips it: Notepad added ".txt". Rename it to ${name.slice(0, -4)} (in File ` +
      'Explorer, turn on View › Show › File name extensions to see the ".txt")'
    )
  }
  if (extension === '.txt') {
    return (
      `a plain text file (.txt), which the kiosk skips: if it is an article, rename it to ${name.slice(0, -4)}.md; ` +
      'if not, move it out of the content folder'
    )
  }
  return documents[extension] ?? null
}

/** One name in a folder, as `fs.opendir` gives it (a symbolic link or a Windows junction is a link). */
export interface FolderEntry {
  name: string
  isFile: () => boolean
  isDirectory: () => boolean
  isSymbolicLink: () => boolean
}

/** Opens a folder to read its names one by one; tests pass a folder without end. */
export type OpenFolder = (path: string) => Promise<AsyncIterable<FolderEntry>>

/**
 * Reads at most `most` names of a folder as a stream, so a folder of millions of names costs no more than the limit;
 * `more` says whether it holds others. Leaving the loop early closes the folder.
 */
export async function readNames(
  folder: string,
  most: number,
  openFolder: OpenFolder = opendir
): Promise<{ entries: FolderEntry[]; more: boolean }> {
  const entries: FolderEntry[] = []
  for await (const entry of await openFolder(folder)) {
    if (entries.length >= most) return { entries, more: true }
    entries.push(entry)
  }
  return { entries, more: false }
}

/** A path as the problems name it: relative to the content folder, with forward slashes. */
const relativeName = (root: string, path: string) => relative(root, path).split(sep).join('/') || '.'

const folderLink =
  'is a link to a folder, which the kiosk does not follow (it could read a folder twice, or go round in a loop): ' +
  'put the folder itself here'

/**
 * Walks a content folder in name order. Names starting with `.` or `_` are skipped without a word (that is how
 * authors keep drafts, `_drafts`, and how systems keep their own files) but count toward `contentLimits.entries`,
 * as does every other name: a folder with more (a whole USB stick of photos) is read only up to the limit, as a
 * stream, and that is reported. A link (or junction) is followed only when it leads to somewhere inside the folder
 * itself and to a file (a folder link could loop, or show a folder twice); any other is refused by its name.
 */
export async function listContentFiles(root: string, openFolder: OpenFolder = opendir): Promise<ContentFiles> {
  const found: ContentFiles = { articles: [], skipped: [] }
  let seen = 0
  const refuse = (path: string, message: string) =>
    found.skipped.push({ file: relativeName(root, path), line: 0, message })
  const addFile = (path: string, name: string) => {
    if (isArticleName(name)) found.articles.push(path)
    const reason = isArticleName(name) ? null : skippedReason(name)
    if (reason) refuse(path, reason)
  }
  const walk = async (folder: string): Promise<boolean> => {
    const { entries, more } = await readNames(folder, contentLimits.entries - seen, openFolder)
    seen += entries.length
    // Only the bounded set read is sorted, so what is kept is in name order.
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
      const path = join(folder, entry.name)
      let kind: 'file' | 'folder' | 'other' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other'
      if (entry.isSymbolicLink()) {
        const link = followInside(root, path)
        if ('problem' in link) {
          refuse(path, link.problem)
          continue
        }
        if (link.kind === 'folder') {
          refuse(path, folderLink)
          continue
        }
        kind = link.kind === 'file' ? 'file' : 'other'
      }
      // A folder over the limit keeps the files read, but its sub-folders are not opened: the budget is spent.
      if (kind === 'folder' && !more && !(await walk(path))) return false
      if (kind === 'file') addFile(path, entry.name)
    }
    if (more) {
      refuse(
        folder,
        `the folder holds more than ${contentLimits.entries} files and folders; the kiosk stopped looking here. ` +
          'Keep only articles and their pictures in a content folder'
      )
    }
    return !more
  }
  await walk(root)
  return found
}
