import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArticle } from '../../../../src/main/content/importers/import-article'
import type { Article, Block, Inline } from '../../../../src/shared/domain'
import { blockText } from '../../../../src/shared/reading-time'
import { fillIn, parseDraft } from '../../support/drafts'

const fixtures = resolve(import.meta.dirname, '../../../fixtures/import/word-processors')
const documents = ['medicines-table.docx', 'clinic-times.docx', 'fasting-before-surgery.docx']

/** Every word of a .docx as Word stores it: the `w:t` runs of `word/document.xml`, paragraph by paragraph. */
async function documentWords(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }
  const paragraphs = xml.split('</w:p>').map((paragraph) =>
    [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((run) => (run[1] ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => entities[entity] ?? entity))
      .join('')
  )
  return wordsOf(paragraphs.join(' '))
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Everything a patient reads of an article: title, summary, headings and every block, table cells included. */
function articleWords(article: Article): Set<string> {
  const text = [
    article.title,
    article.summary,
    ...article.sections.flatMap((section) => [section.title, ...section.blocks.map(blockText)])
  ]
  return new Set(wordsOf(text.join(' ')))
}

const cells = (row: Inline[][]) => row.map((cell) => cell.map((inline) => inline.text).join(''))
const tables = (article: Article) =>
  article.sections.flatMap((section) => section.blocks).filter((block): block is Extract<Block, { type: 'table' }> => block.type === 'table')
const lists = (article: Article) =>
  article.sections
    .flatMap((section) => section.blocks)
    .flatMap((block) => (block.type === 'list' ? [block.items.map((item) => item.map((inline) => inline.text).join(''))] : []))

describe('importing tables from Word documents made by a word processor', () => {
  let folder: string
  const imported = new Map<string, { article: Article; words: string[] }>()
  // One import per document serves every test: loading mammoth takes a few seconds on a busy machine.
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-import-docx-tables-'))
    for (const name of documents) {
      const draft = await importArticle(join(fixtures, name), join(folder, name), '2026-12-07')
      const outcome = await parseDraft(draft.file, fillIn)
      expect(outcome.problems).toEqual([])
      if (!outcome.article) throw new Error(`the filled-in draft of ${name} did not parse`)
      imported.set(name, { article: outcome.article, words: await documentWords(join(fixtures, name)) })
    }
  }, 60_000)
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it.each(documents)('keeps every word of %s, as its source field says', (name) => {
    const found = imported.get(name)
    if (!found) throw new Error(`${name} was not imported`)
    const kept = articleWords(found.article)
    expect(found.words.length).toBeGreaterThan(40)
    expect(found.words.filter((word) => !kept.has(word))).toEqual([])
    expect(found.article.source).toContain('kept word for word')
  })

  it('keeps a small table as a table the kiosk shows, a cell of two paragraphs joined', () => {
    const article = imported.get('medicines-table.docx')?.article
    const [table] = article ? tables(article) : []
    expect(table && cells(table.header)).toEqual(['Medicine', 'When', 'How much'])
    expect(table?.rows.map(cells)).toEqual([
      ['Paracetamol', 'Morning; Evening', 'Two tablets'],
      ['Ibuprofen', 'With food', 'One tablet'],
      ['Lansoprazole', 'Before breakfast', 'One capsule']
    ])
  })

  it('takes the first row as the heading row of a table that marks none, and says so', () => {
    const article = imported.get('fasting-before-surgery.docx')?.article
    const [table] = article ? tables(article) : []
    expect(table && cells(table.header)).toEqual(['What', 'Until'])
    expect(table?.rows).toHaveLength(2)
    expect(article?.source).toContain('its first row as the heading row')
  })

  it('makes a table with cells too long for a screen into a list, one row per item, and says why', () => {
    const article = imported.get('fasting-before-surgery.docx')?.article
    expect(article ? lists(article) : []).toEqual([
      [
        'Medicine – What to do',
        'Blood thinners such as warfarin – Stop them on the day the pre-operative assessment nurse tells you, which is ' +
          'usually five days before the operation. Bring the box with you.',
        'Insulin – Take half your usual evening dose the night before.'
      ]
    ])
    expect(article?.source).toContain('larger than a kiosk screen shows')
  })

  it('makes a wide table with merged cells, a list in a cell and a table in a cell into a list', () => {
    const article = imported.get('clinic-times.docx')?.article
    expect(article ? tables(article) : []).toEqual([])
    expect(article ? lists(article)[0] : []).toEqual([
      'Clinic – Monday – Tuesday – Wednesday – Thursday – Friday',
      'Physiotherapy – Morning sessions from nine – Closed – Afternoon – Evening',
      'Gym – Pool – Closed – Hydrotherapy; Walking group – Gym',
      'Wound care – Nurse led – Doctor led – Nurse led – Closed; Dressings Stitches out'
    ])
    expect(article?.source).toContain('has merged cells or a table inside a cell')
  })
})
