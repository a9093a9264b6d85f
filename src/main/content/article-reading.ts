import { isAbsolute, posix, relative, resolve, sep } from 'node:path'
import { imageExtensions } from '../../shared/article-schema'
import { type ParseOutcome, parseArticle } from './article-parser'
import { readArticleFile } from './article-file'
import { followInside } from './content-links'
import { type ReadingLevel, readingLevel, sectionText } from './reading-level'

/** One article file as the reading worker returns it: parsed, with the pictures it shows still to be measured. */
export interface ArticleReading {
  /** The file relative to the content folder, with forward slashes. */
  file: string
  outcome: ParseOutcome
  /** The pictures the article shows, as written and as resolved inside the folder, with their lines. */
  shown: Array<{ src: string; path: string; line: number }>
  /** A digest of the file's bytes, or '' when it could not be read. */
  digest: string
  /**
   * Each section's reading level, measured here in the worker with the parsing: on hostile text the measure is slow
   * too, and the content check and the stick review must not measure it again on the main thread.
   */
  levels?: ReadingLevel[]
}

/** Resolves an image link of an article inside the content folder, refusing anything that would leave it. */
export function resolveImage(root: string, articleFile: string, src: string): { path: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return { problem: `image "${src}" must be a file in the content folder, not an address` }
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(src)
  } catch {
    return { problem: `image "${src}" is not a valid file name (a "%" must be written %25)` }
  }
  const absolute = resolve(root, posix.dirname(articleFile), decoded)
  const inside = relative(root, absolute)
  if (inside.startsWith('..') || isAbsolute(inside)) return { problem: `image "${src}" is outside the content folder` }
  const extension = posix.extname(inside).toLowerCase()
  if (!imageExtensions.has(extension))
    return { problem: `image "${src}" is not a picture file (${[...imageExtensions].join(', ')})` }
  // Links are followed only inside the folder: a picture on a stick must not be a way to read any file of the PC.
  const found = followInside(root, absolute)
  if ('problem' in found) return { problem: `image "${src}" ${found.problem.replace('the file itself', 'the picture itself')}` }
  if (found.kind !== 'file') return { problem: `image "${src}" was not found` }
  return { path: inside.split(sep).join('/') }
}

/** The file of an article path relative to its content folder, with forward slashes. */
export function articleFileOf(root: string, path: string): string {
  return relative(root, path).split(sep).join('/')
}

/**
 * Reads (size and encoding checked first) and parses one article file: the heavy part of loading a folder, which
 * runs in the reading worker so that no file can hold up the main process.
 */
export async function readArticle(root: string, path: string): Promise<ArticleReading> {
  const file = articleFileOf(root, path)
  let read: Awaited<ReturnType<typeof readArticleFile>>
  try {
    read = await readArticleFile(path)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { file, outcome: { article: null, problems: [{ file, line: 0, message: `could not be read: ${reason}` }] }, shown: [], digest: '' }
  }
  if ('problem' in read) return { file, outcome: { article: null, problems: [{ file, ...read.problem }] }, shown: [], digest: '' }
  const shown: ArticleReading['shown'] = []
  const outcome = parseArticle(read.text, {
    file,
    resolveImage: (src, line) => {
      const resolved = resolveImage(root, file, src)
      if ('path' in resolved) shown.push({ src, path: resolved.path, line })
      return resolved
    }
  })
  const article = outcome.article
  const levels = article?.sections.map((section) => readingLevel(sectionText(section), article.language))
  return { file, outcome, shown, digest: read.digest, ...(levels ? { levels } : {}) }
}
