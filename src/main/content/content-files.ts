import { readdir } from 'node:fs/promises'
import { join, posix, relative, sep } from 'node:path'
import { imageExtensions } from '../../shared/article-schema'
import type { ContentProblem } from '../../shared/domain'
import { contentLimits } from './content-limits'
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

/**
 * Walks a content folder in name order. Names starting with `.` or `_` are skipped without a word: that is how
 * authors keep drafts (`_drafts`) and how systems keep their own files. A folder with more files than any content
 * folder holds (a whole USB stick of photos) is walked only up to `contentLimits.entries`, and that is reported.
 */
export async function listContentFiles(root: string): Promise<ContentFiles> {
  const found: ContentFiles = { articles: [], skipped: [] }
  let seen = 0
  const walk = async (folder: string): Promise<boolean> => {
    const entries = await readdir(folder, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
      const path = join(folder, entry.name)
      seen += 1
      if (seen > contentLimits.entries) {
        found.skipped.push({
          file: relative(root, folder).split(sep).join('/') || '.',
          line: 0,
          message:
            `the folder holds more than ${contentLimits.entries} files and folders; the kiosk stopped looking here. ` +
            'Keep only articles and their pictures in a content folder'
        })
        return false
      }
      if (entry.isDirectory()) {
        if (!(await walk(path))) return false
      } else if (entry.isFile()) {
        if (isArticleName(entry.name)) found.articles.push(path)
        const reason = isArticleName(entry.name) ? null : skippedReason(entry.name)
        if (reason) found.skipped.push({ file: relative(root, path).split(sep).join('/'), line: 0, message: reason })
      }
    }
    return true
  }
  await walk(root)
  return found
}
