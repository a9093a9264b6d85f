import { join } from 'node:path'
import { localDay } from '../src/shared/local-day'
import { formatImportReport, readSource, withText } from '../src/main/content/importers/import-article'
import { writeDraft } from '../src/main/content/importers/draft-writer'

/**
 * `npm run content:import -- <file> [--out <folder>]`: writes a draft article from a saved web page (.html), a Word
 * document (.docx) or a flattened page (.txt). Without --out the draft goes to content/<its language>/, where the
 * content check (and so `npm test`) refuses it until the author has filled in the fields it marks.
 * Exits 0 when the draft is written, 1 when the source cannot be imported, 2 on a usage mistake.
 */
const usage = 'Usage: npm run content:import -- <file.html|file.docx|file.txt> [--out <folder>]'
const argv = process.argv.slice(2)
const outAt = argv.indexOf('--out')
const out = outAt === -1 ? null : argv[outAt + 1]
const files = outAt === -1 ? argv : argv.filter((_argument, index) => index !== outAt && index !== outAt + 1)
const file = files.length === 1 ? files[0] : undefined
if (!file || file.startsWith('--') || (outAt !== -1 && (!out || out.startsWith('--')))) {
  console.error(usage)
  process.exitCode = 2
} else {
  try {
    const article = withText(await readSource(file), file)
    const folder = out ?? join('content', article.language ?? '')
    const draft = await writeDraft(article, folder, localDay(new Date()))
    console.log(formatImportReport(draft, `npm run content:check -- ${folder}`))
  } catch (error) {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
