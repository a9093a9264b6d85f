import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { Image, Nodes, Root } from 'mdast'
import { stringify } from 'yaml'
import type { ContentProblem } from '../../../shared/domain'
import { countWords } from '../../../shared/reading-time'
import { parseArticle } from '../article-parser'
import { resolveImage } from '../content-library'
import type { ImportedArticle } from './imported-article'
import { bodyMarkdown } from './kiosk-markdown'

/** The mark on every front matter line the author must fill in; the content check refuses the draft until then. */
export const fillInMark = 'TO FILL IN'

/** A draft written to disk, and what the content check says of it. */
export interface WrittenDraft {
  /** The article file. */
  file: string
  /** The pictures copied beside it, as paths. */
  images: string[]
  /** What the kiosk's parser reports for the draft: the fields left for the author, and anything else. */
  problems: ContentProblem[]
  /** Sections of the draft (`##` headings). */
  sections: number
}

/** An id the kiosk accepts (lower-case ASCII words joined by hyphens), made from the title, at most 60 characters. */
export function articleId(title: string | null, fallback: string): string {
  const words = (value: string) =>
    value
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  // "Baclofen for Piriformis Syndrome: Can It Provide Relief?" names its subject before the colon.
  const subject = title?.split(/:| - | – | — /u)[0] ?? ''
  let id = (countWords(subject) >= 2 ? words(subject) : '') || words(title ?? '') || words(fallback) || 'imported-article'
  while (id.length > 60 && id.includes('-')) id = id.slice(0, id.lastIndexOf('-'))
  return id.slice(0, 60)
}

/** A front matter value on one line: a line break from the source (a page's address, say) would end the key's line. */
function scalar(value: string): string {
  return stringify(value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' '), { lineWidth: 0 }).trimEnd()
}

/** The front matter: what the source said, and the fields left for the author marked so nobody misses them. */
export function draftFrontMatter(article: ImportedArticle, id: string, today: string): string {
  const notes = article.notes.length > 0 ? ` ${article.notes.join(' ')}` : ''
  const source =
    `Imported from ${article.origin} on ${today} by the kiosk's importer; the article's text was kept word for ` +
    `word.${notes} Clinical review of the wording is still due.`
  const pageSaid = article.pageDates.length > 0 ? ` (the source said: ${article.pageDates.join('; ')})` : ''
  const known = (key: string, value: string | null, what: string) =>
    value ? `${key}: ${scalar(value)}` : `${key}: "" # ${fillInMark}: ${what}`
  return [
    '---',
    `# Draft made on ${today} by the kiosk's importer. Before the kiosk shows it: fill in every field marked`,
    `# ${fillInMark} below, read the text against the original, then run the content check (docs/CONTENT.md).`,
    `id: ${id}`,
    known('title', article.title, 'the title patients see'),
    known('language', article.language, 'the language code of the text, such as en or es'),
    known('summary', article.summary, 'one or two sentences for staff lists'),
    `owner: "" # ${fillInMark}: who answers for this text, a role such as "Patient education lead"`,
    `reviewed: YYYY-MM-DD # ${fillInMark}: the date of the clinical review${pageSaid}`,
    `nextReview: YYYY-MM-DD # ${fillInMark}: when the next review is due, after "reviewed"`,
    `source: ${scalar(source)}`,
    ...linkLines(article),
    '---',
    ''
  ].join('\n')
}

/** The draft's `link`: the page's own address when the importer found one, or a note saying why there is none. */
function linkLines(article: ImportedArticle): string[] {
  if (article.link) return [`link: ${scalar(article.link)}`]
  const how = 'add "link: https://…" with its address on the clinic\'s website to show patients a QR code to read it at home'
  if (article.linkNote) return [`# No link: ${article.linkNote}; ${how}.`]
  if (article.link === null)
    return [`# No link: the page named no https address of its own (canonical link or og:url); ${how}.`]
  return [`# No link: if this article is on the clinic's website, ${how}.`]
}

function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  return readFile(path).then(
    (existing) =>
      createHash('sha256').update(existing).digest('hex') === createHash('sha256').update(bytes).digest('hex'),
    () => false
  )
}

/** Writes a file only if nothing is there yet, through a temporary file so a half-written draft never appears. */
async function writeNew(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`
  await writeFile(temporary, bytes)
  try {
    // A hard link appears whole and refuses to replace a file that is already there.
    await link(temporary, path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error
    // File systems without hard links (FAT on a USB stick): look first, since rename would replace.
    if (existsSync(path)) throw Object.assign(new Error(`${path} already exists`), { code: 'EEXIST' })
    await rename(temporary, path)
  } finally {
    await rm(temporary, { force: true })
  }
}

function images(node: Nodes, found: Image[] = []): Image[] {
  if (node.type === 'image') found.push(node)
  if ('children' in node) for (const child of node.children) images(child, found)
  return found
}

/** A picture's file name in `images/`: its own, unless another picture already has it (then `-2`, `-3`, …). */
async function pictureFile(folder: string, name: string, bytes: Uint8Array): Promise<{ name: string; new: boolean }> {
  const stem = basename(name, extname(name))
  const extension = extname(name)
  for (let count = 1; ; count++) {
    const candidate = count === 1 ? name : `${stem}-${count}${extension}`
    const path = join(folder, candidate)
    try {
      await writeNew(path, bytes)
      return { name: candidate, new: true }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (await sameBytes(path, bytes)) return { name: candidate, new: false }
    }
  }
}

/**
 * Writes the draft `<out>/<id>.md` and its pictures under `<out>/images/`, never replacing an article that is
 * already there, and checks the draft with the kiosk's own parser.
 */
export async function writeDraft(article: ImportedArticle, out: string, today: string): Promise<WrittenDraft> {
  const id = articleId(article.title, 'imported-article')
  const file = join(out, `${id}.md`)
  await mkdir(out, { recursive: true })
  const body: Root = structuredClone(article.body)
  const copied: string[] = []
  if (article.images.length > 0) {
    const folder = join(out, 'images')
    await mkdir(folder, { recursive: true })
    const placed = new Map<string, string>()
    for (const image of article.images) {
      const file = await pictureFile(folder, image.name, image.bytes)
      placed.set(`images/${image.name}`, `images/${file.name}`)
      if (file.new) copied.push(join(folder, file.name))
    }
    for (const node of images(body)) node.url = placed.get(node.url) ?? node.url
  }
  const text = draftFrontMatter(article, id, today) + '\n' + bodyMarkdown(body)
  try {
    await writeNew(file, text)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${file} already exists; move it away or choose another folder with --out`, { cause: error })
    }
    throw error
  }
  const outcome = parseArticle(text, { file: basename(file), resolveImage: (src) => resolveImage(out, basename(file), src) })
  const sections = body.children.filter((node) => node.type === 'heading' && node.depth === 2).length
  const problems = outcome.problems.map((problem) => ({ ...problem, file }))
  return { file, images: copied, problems, sections }
}
