import { createHash } from 'node:crypto'
import { join, relative, sep } from 'node:path'
import type { ContentSource } from '../../shared/content-update'
import type { Article, ContentProblem, Playlist } from '../../shared/domain'
import type { ParseOutcome } from './article-parser'
import { type ContentReader, contentReader } from './content-reader'
import { listContentFiles } from './content-files'
import { contentLimits } from './content-limits'
import { checkImage, type ImageCheck } from './image-check'
import { linkCodeOf } from './link-code'
import { rememberReadingLevels } from './reading-level'

/** Every valid article of a folder, and what was wrong with the rest. */
export interface FolderContent {
  articles: Article[]
  problems: ContentProblem[]
  /** A short hash of every valid article and its pictures, so feedback can name the content it was about. */
  version: string
  /** Every article file found, valid or not (relative, forward slashes): a file not among them was removed. */
  files: string[]
  /** A digest of each valid article's file and pictures, by file: two folders holding the same article agree. */
  digests: Map<string, string>
}

export { resolveImage } from './article-reading'

/**
 * Articles that share an id and language are all refused: whichever sorts first is not more likely to be the right
 * one, and showing it would hide the other without a word.
 */
function sameIdProblems(found: Array<{ article: Article; idLine: number }>): ContentProblem[] {
  const files = found.map(({ article }) => article.file).sort()
  const none =
    found.length === 2
      ? 'neither article is shown until one of them has another id'
      : 'none of these articles is shown until each has an id of its own'
  return [...found]
    .sort((a, b) => a.article.file.localeCompare(b.article.file))
    .map(({ article, idLine }) => {
      const others = files.filter((file) => file !== article.file)
      const named = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`
      return {
        file: article.file,
        line: idLine,
        message: `id "${article.id}" (${article.language}) is also used by ${named}: ${none}`
      }
    })
}

/** The version of a set of articles: a short hash of their files and digests, in file order. */
export function contentVersion(articles: Article[], digests: Map<string, string>): string {
  const hash = createHash('sha256')
  for (const file of articles.map((article) => article.file).sort())
    hash.update(file).update('\0').update(digests.get(file) ?? '').update('\0')
  return hash.digest('hex').slice(0, 12)
}

/**
 * One article file: read and parsed by the reading worker (within its time budget), then its pictures measured. The
 * digest covers the file and its pictures, so replacing a picture is a change of content too.
 */
async function loadArticle(
  root: string,
  path: string,
  pictures: Map<string, Promise<ImageCheck>>,
  options: ReadOptions
): Promise<{ outcome: ParseOutcome; digest: string }> {
  const reading = await (options.reader ?? contentReader).read(root, path, options.budget)
  const { file, shown } = reading
  let outcome = reading.outcome
  // The grades the worker measured: the content check and the stick review need not measure them again here.
  if (outcome.article && reading.levels) rememberReadingLevels(outcome.article, reading.levels)
  if (!reading.digest) return { outcome, digest: '' }
  const digest = createHash('sha256').update(reading.digest)
  for (const picture of shown) {
    // A picture two articles share (a translation's) is read and measured once.
    let check = pictures.get(picture.path)
    if (!check) {
      check = checkImage(join(root, picture.path), picture.src).catch((error: unknown) => ({
        problem: `image "${picture.src}" could not be read: ${error instanceof Error ? error.message : String(error)}`
      }))
      pictures.set(picture.path, check)
    }
    const checked = await check
    if ('problem' in checked) outcome.problems.push({ file, line: picture.line, message: checked.problem })
    else digest.update(picture.path).update(checked.digest)
  }
  if (outcome.article?.link) {
    const code = await linkCodeOf(outcome.article.link)
    if ('problem' in code) outcome.problems.push({ file, line: outcome.idLine ?? 1, message: code.problem })
    else outcome.article.linkCode = code
  }
  if (outcome.problems.length > 0) outcome = { article: null, problems: outcome.problems }
  return { outcome, digest: digest.digest('hex') }
}

/** How a folder's files are read: by which reader, and within how many milliseconds each (tests make it tiny). */
export interface ReadOptions {
  reader?: ContentReader
  budget?: number
}

/**
 * Loads and validates every article under a folder; one broken or slow file never hides the others. At most
 * `contentLimits.articles` files are read; the rest are reported. Files are read in the reading worker, one at a time,
 * each within `contentLimits.readMilliseconds`, so no file can hold up the main process.
 */
export async function loadContentFolder(root: string, options: ReadOptions = {}): Promise<FolderContent> {
  const { articles: found, skipped } = await listContentFiles(root)
  const articles: Article[] = []
  const problems: ContentProblem[] = [...skipped]
  const digests = new Map<string, string>()
  const pictures = new Map<string, Promise<ImageCheck>>()
  const filesFor = new Map<string, Array<{ article: Article; idLine: number }>>()
  const files = found.map((path) => relative(root, path).split(sep).join('/'))
  for (const [index, path] of found.entries()) {
    if (index >= contentLimits.articles) {
      problems.push({
        file: files[index] ?? path,
        line: 0,
        message: `not read: a content folder may hold at most ${contentLimits.articles} articles, and this is number ${index + 1} of ${found.length}`
      })
      continue
    }
    const { outcome, digest } = await loadArticle(root, path, pictures, options)
    problems.push(...outcome.problems)
    if (!outcome.article) continue
    digests.set(outcome.article.file, digest)
    const key = `${outcome.article.language}/${outcome.article.id}`
    filesFor.set(key, [...(filesFor.get(key) ?? []), { article: outcome.article, idLine: outcome.idLine ?? 1 }])
  }
  for (const same of filesFor.values()) {
    if (same.length === 1) articles.push((same[0] as { article: Article }).article)
    else problems.push(...sameIdProblems(same))
  }
  articles.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file))
  return { articles, problems, version: contentVersion(articles, digests), files, digests }
}

/** Where the reader's articles come from and what went wrong on the way. */
export interface ContentState {
  playlist: Playlist
  /** The folder the articles came from, for serving their images. */
  root: string
  /** Which source, why, and from when (without `waiting`, which the content service knows). */
  source: Omit<ContentSource, 'waiting'>
  problems: ContentProblem[]
  /** Valid articles in the kiosk's language that the configured playlist leaves out, so patients never see them. */
  notInPlaylist: Array<{ id: string; title: string; file: string }>
  /** Every valid article of the source (any language, in the playlist or not), for comparing with a stick. */
  all: Article[]
  /** Each valid article's digest, by file. */
  digests: Map<string, string>
}

/** What decides which articles are shown and in which order. */
export interface ContentOptions {
  bundledFolder: string
  externalFolder: string | null
  language: string
  playlist: string[]
}

/**
 * The state a folder's articles make, or null when none of them would be shown (none in the kiosk's language that
 * the playlist names). `fallBack` shows every article of the language when the playlist names none (the bundled
 * sample: a playlist made for other content must not leave patients with nothing).
 */
export function stateOf(
  root: string,
  content: FolderContent,
  options: { language: string; playlist: string[] },
  source: ContentState['source'],
  problems: ContentProblem[],
  fallBack = false
): ContentState | null {
  const ordered = orderPlaylist(content.articles, options.language, options.playlist)
  const articles =
    ordered.articles.length > 0 || !fallBack
      ? ordered.articles
      : orderPlaylist(content.articles, options.language, []).articles
  if (articles.length === 0) return null
  return {
    playlist: { articles, translations: findTranslations(content.articles, articles), contentVersion: content.version },
    root,
    source,
    problems: [...problems, ...ordered.problems],
    notInPlaylist: notShown(content.articles, options.language, articles),
    all: content.articles,
    digests: content.digests
  }
}

/** Puts a language's articles in the configured order, or in file order when none is configured. */
export function orderPlaylist(
  articles: Article[],
  language: string,
  order: string[]
): { articles: Article[]; problems: ContentProblem[] } {
  const inLanguage = articles.filter((article) => article.language === language)
  if (order.length === 0) return { articles: inLanguage, problems: [] }
  const problems: ContentProblem[] = []
  const ordered: Article[] = []
  for (const id of order) {
    const article = inLanguage.find((candidate) => candidate.id === id)
    if (!article)
      problems.push({
        file: 'config.json',
        line: 0,
        message: `playlist names "${id}", which is not a valid article in "${language}"`
      })
    else if (!ordered.includes(article)) ordered.push(article)
  }
  return { articles: ordered, problems }
}

/** The articles of the kiosk's language that are not shown, for staff to see what a playlist hides. */
function notShown(all: Article[], language: string, shown: Article[]): ContentState['notInPlaylist'] {
  return all
    .filter((article) => article.language === language && !shown.includes(article))
    .map(({ id, title, file }) => ({ id, title, file }))
}

/**
 * The articles in other languages that translate a shown article: same id, any other language, in file order. An
 * article in another language with no shown article of its id is left out without a problem: a clinic may keep
 * translations of articles it does not show today, and nothing about them is broken.
 */
export function findTranslations(all: Article[], shown: Article[]): Article[] {
  const shownLanguageOf = new Map(shown.map((article) => [article.id, article.language]))
  return all.filter((article) => {
    const language = shownLanguageOf.get(article.id)
    return language !== undefined && article.language !== language
  })
}

/**
 * Whether feedback may name this article and section: the article is shown, and the section belongs to it or to one
 * of its translations (a patient reading the Spanish text names the Spanish section ids).
 */
export function isShownSection(playlist: Playlist, articleId: string, sectionId: string | null): boolean {
  if (!playlist.articles.some((article) => article.id === articleId)) return false
  if (sectionId === null) return true
  return [...playlist.articles, ...playlist.translations].some(
    (article) => article.id === articleId && article.sections.some((section) => section.id === sectionId)
  )
}

