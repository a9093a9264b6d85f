import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WrittenDraft } from '../../../../src/main/content/importers/draft-writer'
import type { Article } from '../../../../src/shared/domain'
import { importArticle } from '../../../../src/main/content/importers/import-article'
import { articleTexts, fillIn, parseDraft } from '../../support/drafts'
import { clinicLeaflet } from '../../support/word-document'

describe('importing a Word document', () => {
  let folder: string
  let imported: { article: Article; text: string; draft: WrittenDraft }
  // One import serves every test: loading mammoth and building the document take a few seconds on a busy machine.
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-import-docx-'))
    const source = join(folder, 'knee-leaflet.docx')
    await writeFile(source, await clinicLeaflet())
    const draft = await importArticle(source, join(folder, 'out'), '2026-12-03')
    const outcome = await parseDraft(draft.file, fillIn)
    expect(outcome.problems).toEqual([])
    if (!outcome.article) throw new Error('the filled-in draft did not parse')
    imported = { article: outcome.article, text: await readFile(draft.file, 'utf8'), draft }
  }, 60_000)
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('takes the title from the Title style and sections from the heading styles, Heading 2 as a sub-section', () => {
    const { article } = imported
    expect([article.title, article.language, article.id]).toEqual([
      'Coming Home After Knee Surgery',
      'en',
      'coming-home-after-knee-surgery'
    ])
    expect(article.sections.map((section) => section.title)).toEqual([
      'Introduction',
      'Looking after the wound',
      'Exercises',
      'When to get help'
    ])
    expect(article.sections[1]?.blocks.map((block) => block.type)).toEqual(['paragraph', 'subheading', 'paragraph', 'list'])
    expect(article.source).toContain('the Word document knee-leaflet.docx on 2026-12-03')
  })

  it('keeps every sentence, bold and italic words, both lists, and the picture with its alt text', async () => {
    const { article, draft } = imported
    expect(articleTexts(article)).toEqual([
      'Introduction',
      'This leaflet explains how to look after your new knee in the first six weeks at home. Keep it somewhere you can find it.',
      'Looking after the wound',
      'Keep the dressing clean and dry. Do not take it off until the nurse tells you to.',
      'Signs of infection',
      'Call the ward if you notice any of these:',
      'the wound is red, hot or swollen',
      'fluid or pus comes out of the wound',
      'you have a temperature of 38°C or more',
      'Exercises',
      'Do these exercises three times a day, even if it is sore.',
      'Tighten the muscles at the front of your thigh and hold for five seconds.',
      'Bend and straighten your knee slowly ten times.',
      'A person bending the knee while sitting on a bed',
      'When to get help',
      'Call 999 if you have chest pain or find it hard to breathe.'
    ])
    const wound = article.sections[1]?.blocks[0]
    expect(wound?.type === 'paragraph' && wound.inlines.find((inline) => inline.strong)?.text).toBe('Do not')
    const exercises = article.sections[2]?.blocks
    expect(exercises?.[1]).toMatchObject({ type: 'list', ordered: true })
    expect(exercises?.[0]?.type === 'paragraph' && exercises[0].inlines.find((inline) => inline.emphasis)?.text).toBe(
      'even if it is sore'
    )
    expect(draft.images).toHaveLength(1)
    expect(await readdir(join(folder, 'out', 'images'))).toEqual(['picture-1.png'])
  })

  it("leaves out the page header and footer, which Word keeps apart from the document's text", () => {
    const { text } = imported
    expect(text).not.toContain('PIL-204')
    expect(text).not.toContain('uncontrolled')
  })

  it('refuses an old .doc file with a sentence saying to save it as .docx', async () => {
    const source = join(folder, 'old.doc')
    await writeFile(source, 'not really a Word file')
    await expect(importArticle(source, folder, '2026-12-03')).rejects.toThrow('save it as a .docx')
  })
})
