import { checkContent, formatContentCheck } from '../src/main/content/content-check'
import { localDay } from '../src/shared/local-day'

/**
 * `npm run content:check [folder...]` (default: content/): every article's review status and every section's words
 * and reading grade, for authors. Exits 1 only when some content is invalid; hard sections and due reviews warn.
 */
const folders = process.argv.slice(2)
const check = await checkContent(folders.length > 0 ? folders : ['content'], localDay(new Date()))
console.log(formatContentCheck(check))
process.exitCode = check.exitCode
