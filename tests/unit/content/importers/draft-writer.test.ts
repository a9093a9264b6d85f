import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Root } from 'mdast'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkContent, formatContentCheck } from '../../../../src/main/content/content-check'
import { articleId, writeDraft } from '../../../../src/main/content/importers/draft-writer'
import type { ImportedArticle } from '../../../../src/main/content/importers/imported-article'
import { fillIn, parseDraft } from '../../support/drafts'

const body: Root = {
  type: 'root',
  children: [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Why it matters' }] },
    { type: 'paragraph', children: [{ type: 'text', value: 'Clean hands stop germs from spreading to you and others.' }] },
    { type: 'paragraph', children: [{ type: 'image', url: 'images/soap.png', alt: 'A bar of soap' }] }
  ]
}

function imported(overrides: Partial<ImportedArticle> = {}): ImportedArticle {
  return {
    title: 'Hand Washing: Why and How',
    language: 'en',
    summary: 'Why clean hands matter.',
    origin: 'the saved web page hands.html',
    body,
    images: [{ name: 'soap.png', bytes: Buffer.from('new soap picture') }],
    notes: [],
    pageDates: [],
    ...overrides
  }
}

describe('the draft writer', () => {
  let out: string
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'kiosk-draft-'))
  })
  afterEach(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('names the draft after its subject, in the lower-case words the kiosk accepts', () => {
    expect(articleId('Hand Washing: Why and How', 'x')).toBe('hand-washing')
    expect(articleId('La gripe – cómo cuidarse en casa', 'x')).toBe('la-gripe')
    expect(articleId('Ácido fólico', 'x')).toBe('acido-folico')
    expect(articleId(null, 'Leaflet 3.docx')).toBe('leaflet-3-docx')
    expect(articleId('A very long title that goes on and on about many things patients might want to know', 'x')).toBe(
      'a-very-long-title-that-goes-on-and-on-about-many-things'
    )
  })

  it('never replaces an article already in the folder', async () => {
    await writeFile(join(out, 'hand-washing.md'), 'the author’s finished article')
    await expect(writeDraft(imported(), out, '2026-12-03')).rejects.toThrow(
      `${join(out, 'hand-washing.md')} already exists; move it away or choose another folder with --out`
    )
    expect(await readFile(join(out, 'hand-washing.md'), 'utf8')).toBe('the author’s finished article')
    expect((await readdir(out)).filter((name) => name.includes('partial'))).toEqual([])
  })

  it('gives a picture a new name when another picture has its name, and reuses an identical one', async () => {
    await mkdir(join(out, 'images'))
    await writeFile(join(out, 'images', 'soap.png'), 'another article’s soap picture')
    const draft = await writeDraft(imported(), out, '2026-12-03')
    expect(await readFile(join(out, 'images', 'soap.png'), 'utf8')).toBe('another article’s soap picture')
    expect(await readFile(join(out, 'images', 'soap-2.png'), 'utf8')).toBe('new soap picture')
    expect(await readFile(draft.file, 'utf8')).toContain('![A bar of soap](images/soap-2.png)')

    const again = await writeDraft(imported({ title: 'Hand Washing at School' }), out, '2026-12-03')
    expect(again.images).toEqual([])
    expect(await readFile(again.file, 'utf8')).toContain('![A bar of soap](images/soap-2.png)')
  })

  it('marks what the source did not say, and the content check names each of those lines until it is filled in', async () => {
    const draft = await writeDraft(imported({ title: null, language: null, summary: null, images: [] }), out, '2026-12-03')
    const text = await readFile(draft.file, 'utf8')
    expect(text).toMatch(/^title: "" # TO FILL IN: the title patients see$/m)
    expect(text).toMatch(/^language: "" # TO FILL IN: /m)
    expect(text).toMatch(/^summary: "" # TO FILL IN: /m)
    const check = await checkContent([out], '2026-12-03')
    expect(check.exitCode).toBe(1)
    const report = formatContentCheck(check)
    for (const expected of [
      `${draft.file}:5  "title" must not be empty`,
      `${draft.file}:6  "language" must be a language code such as "en" or "es"`,
      `${draft.file}:7  "summary" must not be empty`,
      `${draft.file}:8  "owner" must not be empty`,
      `${draft.file}:9  "reviewed" must be a date written YYYY-MM-DD`,
      `${draft.file}:10  "nextReview" must be a date written YYYY-MM-DD`
    ])
      expect(report).toContain(expected)
  })

  it('passes the content check once the author has filled in the marked fields', async () => {
    // The check measures pictures, so this one must be a real PNG.
    const png = await readFile(join(import.meta.dirname, '../../../fixtures/import/hand-washing_files/soap-lather.png'))
    const draft = await writeDraft(imported({ images: [{ name: 'soap.png', bytes: png }] }), out, '2026-12-03')
    await writeFile(draft.file, fillIn(await readFile(draft.file, 'utf8')))
    const check = await checkContent([out], '2026-12-03')
    expect(formatContentCheck(check)).toContain('No problems: the kiosk can show this content.')
    expect((await parseDraft(draft.file)).article?.source).toBe(
      "Imported from the saved web page hands.html on 2026-12-03 by the kiosk's importer; the article's text was kept word for word. Clinical review of the wording is still due."
    )
  })
})
