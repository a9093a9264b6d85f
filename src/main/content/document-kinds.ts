/**
 * What the importer reads and what it refuses, in one place, so the content check, the importer, the CLI and
 * docs/CONTENT.md say the same thing about each kind of document an author has.
 */

/** File name endings the importer reads (`--import-article`, `npm run content:import`). */
export const importableExtensions = ['.docx', '.html', '.htm', '.xhtml', '.txt'] as const

/**
 * Word-processor formats the importer does not read: the app carries no maintained reader for them (mammoth reads
 * only .docx), and every word processor that writes them also saves .docx.
 */
export const saveAsDocxExtensions = ['.doc', '.odt', '.rtf'] as const

/** The one sentence that tells an author what to do with a .doc, .odt or .rtf file. */
export const saveAsDocxAdvice =
  'open it in Word or LibreOffice Writer, save it as a .docx (Word Document), then import the .docx'

/** Whether a lower-case file name ending (".odt") is one the importer refuses with `saveAsDocxAdvice`. */
export function needsSavingAsDocx(extension: string): boolean {
  return (saveAsDocxExtensions as readonly string[]).includes(extension)
}
