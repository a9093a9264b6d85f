import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { needsSavingAsDocx, saveAsDocxAdvice } from '../document-kinds'
import { type WrittenDraft, fillInMark, writeDraft } from './draft-writer'
import type { ImportedArticle } from './imported-article'

/** The kinds of source the importer reads. */
export type SourceKind = 'html' | 'docx' | 'text'

/** A source file the importer cannot read, with a sentence saying what to do instead. */
export class ImportRefused extends Error {}

/** A source is larger than any article: a page saved from a browser is far smaller than this. */
export const largestSourceBytes = 50 * 1024 * 1024

/** Tells the kind of a source from its name, or from its first bytes when the name does not say. */
export function sourceKind(file: string, bytes: Uint8Array): SourceKind {
  const extension = extname(file).toLowerCase()
  if (extension === '.docx') return 'docx'
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') return 'html'
  if (extension === '.txt') return 'text'
  if (needsSavingAsDocx(extension)) {
    throw new ImportRefused(`${basename(file)}: ${extension} files cannot be imported; ${saveAsDocxAdvice}`)
  }
  if (extension === '.pdf') {
    throw new ImportRefused(
      `${basename(file)}: ${extension} files cannot be imported; open it in Word and save it as a .docx (Word Document)`
    )
  }
  if (extension === '.md') {
    throw new ImportRefused(
      `${basename(file)} is already an article file: put it in the content folder and check it with the content check`
    )
  }
  if (extension === '.mht' || extension === '.mhtml') {
    throw new ImportRefused(
      `${basename(file)}: a "single file" web page cannot be imported; save the page as "Web page, complete" (.html)`
    )
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx'
  const start = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\uFEFF/, '').trimStart().toLowerCase()
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<!-- saved from')
    ? 'html'
    : 'text'
}

/** Reads a source file of any kind the importer knows. The libraries load only here, when someone imports. */
export async function readSource(file: string): Promise<ImportedArticle> {
  const size = await stat(file).then(
    (found) => (found.isFile() ? found.size : Number.NaN),
    () => Number.NaN
  )
  if (Number.isNaN(size)) throw new ImportRefused(`${file} was not found (or is a folder, not a file)`)
  if (size > largestSourceBytes) throw new ImportRefused(`${basename(file)} is ${Math.round(size / 1048576)} MB, too large for an article`)
  const bytes = await readFile(file)
  switch (sourceKind(file, bytes)) {
    case 'html':
      return (await import('./html-importer')).importHtml(bytes, file)
    case 'docx':
      return (await import('./docx-importer')).importDocx(bytes, file)
    case 'text':
      return (await import('./flat-text-importer')).importFlatText(bytes, file)
  }
}

/** Imports one source into a draft article in `out` (YYYY-MM-DD `today` goes into its `source`). */
export async function importArticle(file: string, out: string, today: string): Promise<WrittenDraft> {
  return writeDraft(withText(await readSource(file), file), out, today)
}

/** An article with no text at all is no draft: the page was probably saved before it had loaded, or is all menus. */
export function withText(article: ImportedArticle, file: string): ImportedArticle {
  if (!article.body.children.some((node) => node.type !== 'heading')) {
    throw new ImportRefused(`${basename(file)} has no article text to import`)
  }
  return article
}

/** What the author reads after an import: where the draft is, what the check still asks for, and what to do next. */
export function formatImportReport(draft: WrittenDraft, checkCommand: string): string {
  const pictures = draft.images.length > 0 ? `, ${draft.images.length} picture(s) copied beside it` : ''
  const lines = [`Wrote the draft ${draft.file} (${draft.sections} sections${pictures}).`]
  if (draft.problems.length > 0) {
    lines.push('', 'The content check refuses it until these are filled in or fixed:')
    for (const problem of draft.problems) lines.push(`  ${problem.file}:${problem.line}  ${problem.message}`)
  }
  lines.push(
    '',
    'Next:',
    `  1. Fill in every field marked ${fillInMark} at the top of the file (owner, reviewed, nextReview).`,
    '  2. Read the draft against the original: the headings (each ## is one screen), lists and pictures.',
    `  3. Check it: ${checkCommand}`
  )
  return lines.join('\n')
}
