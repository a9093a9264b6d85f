import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importArticle } from '../../../../src/main/content/importers/import-article'
import { fillIn, parseDraft } from '../../support/drafts'

const fixtures = resolve(import.meta.dirname, '../../../fixtures/import')

/** A small saved page whose head is `head`. */
const page = (head: string) => `<!doctype html><html lang="en"><head><title>Knee care</title>${head}</head><body>
<main><h1>Knee care</h1><h2>First days</h2><p>Rest the knee and keep it raised when you sit down for a while.</p></main>
</body></html>`

// Generous: the first import loads the extraction libraries, which takes seconds on a busy two-core machine.
describe("the importer keeps a web page's own address as the draft's link", { timeout: 60_000 }, () => {
  let out: string
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'kiosk-import-link-'))
  })
  afterEach(async () => {
    await rm(out, { recursive: true, force: true })
  })

  /** The draft written for a page, read back once its author filled it in. */
  async function draftOf(source: string) {
    const draft = await importArticle(source, out, '2026-12-03')
    const outcome = await parseDraft(draft.file, fillIn)
    expect(outcome.problems).toEqual([])
    return { link: outcome.article?.link, text: await readFile(draft.file, 'utf8') }
  }

  async function draftOfHead(head: string) {
    const source = join(out, 'page.html')
    await writeFile(source, page(head))
    return draftOf(source)
  }

  it('from its canonical link', async () => {
    const { link } = await draftOf(join(fixtures, 'hospital-page.html'))
    expect(link).toBe('https://www.example-hospital.nhs.test/conditions/sprained-ankle/')
  })

  it('from its og:url when it has no canonical link', async () => {
    const { link } = await draftOf(join(fixtures, 'blog-post.html'))
    expect(link).toBe('https://healthyspine.example.test/2026/02/sleep-better-back-pain/')
  })

  it('prefers a usable og:url to a canonical link the kiosk would refuse, and says nothing of the refused one', async () => {
    const { link } = await draftOfHead(
      '<link rel="canonical" href="http://clinic.example.org/knee"><meta property="og:url" content="https://clinic.example.org/knee">'
    )
    expect(link).toBe('https://clinic.example.org/knee')
  })

  it('leaves out an address that is not https and says why in the draft', async () => {
    const { link, text } = await draftOfHead('<link rel="canonical" href="http://clinic.example.org/knee">')
    expect(link).toBeUndefined()
    expect(text).toContain(
      `# No link: the page's own address http://clinic.example.org/knee was not kept: "link" must start with https://`
    )
  })

  it('says in the draft when the page named no address of its own', async () => {
    const { link, text } = await draftOfHead('')
    expect(link).toBeUndefined()
    expect(text).toContain('# No link: the page named no https address of its own (canonical link or og:url)')
  })

  it('keeps a line break in a refused address from starting a front matter line of its own', async () => {
    const { link, text } = await draftOfHead('<link rel="canonical" href="http://a.example.org/&#10;owner: injected">')
    expect(link).toBeUndefined()
    expect(text).not.toMatch(/^owner: injected/m)
  })
})
