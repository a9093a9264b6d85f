import fc from 'fast-check'
import { fromHtml } from 'hast-util-from-html'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '../../../../src/main/content/article-parser'
import { articleFromHtml } from '../../../../src/main/content/importers/html-importer'
import { bodyMarkdown } from '../../../../src/main/content/importers/kiosk-markdown'
import { blockText } from '../../../../src/shared/reading-time'

const frontMatter = [
  '---',
  'id: tables',
  'title: "Tables"',
  'language: en',
  'summary: "Tables."',
  'owner: "Tests"',
  'reviewed: 2026-11-24',
  'nextReview: 2027-05-24',
  'source: "Tests."',
  '---',
  ''
].join('\n')

/** Imports the HTML of an article's content as the Word and web importers do, and reads the draft back as the kiosk. */
function importAndRead(html: string) {
  const imported = articleFromHtml(fromHtml(`<h2>Times</h2><p>Before the table.</p>${html}`, { fragment: true }), {
    title: 'Tables',
    language: 'en',
    sourceFile: '/nowhere/tables.html'
  })
  const markdown = bodyMarkdown(imported.body)
  const outcome = parseArticle(frontMatter + markdown, { file: 'tables.md', resolveImage: () => ({ problem: 'no pictures in these tests' }) })
  const blocks = outcome.article?.sections.flatMap((section) => section.blocks) ?? []
  return { imported, markdown, problems: outcome.problems, blocks }
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

describe('importing a table', () => {
  it('makes a small table with a cell merged over two rows into a list, as empty cells beside it would misread', () => {
    const { blocks, imported } = importAndRead(
      '<table><tr><th>Clinic</th><th>Day</th></tr><tr><td rowspan="2">Physio</td><td>Monday</td></tr><tr><td>Friday</td></tr></table>'
    )
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'list'])
    expect(blocks[1] && blockText(blocks[1])).toBe('Clinic – Day\nPhysio – Monday\nFriday')
    expect(imported.notes.join(' ')).toContain('merged cells')
  })

  it('keeps a cell that a web page wrapped over lines on one line of the table', () => {
    const { blocks } = importAndRead(
      '<table><thead><tr><th>Medicine</th><th>When</th></tr></thead><tr><td>Ibuprofen\n   tablets</td><td>With<br>food</td></tr></table>'
    )
    const table = blocks[1]
    expect(table?.type === 'table' && table.rows[0]?.map((cell) => cell.map((inline) => inline.text).join(''))).toEqual([
      'Ibuprofen tablets',
      'With; food'
    ])
  })

  it('keeps every word of any table, and the kiosk reads the draft without a problem', { timeout: 120_000 }, () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}$/)
    const cell = fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
    const table = fc.record({
      heading: fc.boolean(),
      rows: fc.integer({ min: 1, max: 13 }).chain((rows) =>
        fc.integer({ min: 1, max: 6 }).chain((columns) =>
          fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })
        )
      )
    })
    fc.assert(
      fc.property(table, ({ heading, rows }) => {
        const html = rows
          .map((row, index) => {
            const tag = heading && index === 0 ? 'th' : 'td'
            const cells = row.map((paragraphs) => paragraphs.map((words) => `<p>${words.join(' ')}</p>`).join(''))
            return `<tr>${cells.map((content) => `<${tag}>${content}</${tag}>`).join('')}</tr>`
          })
          .join('')
        const { blocks, problems } = importAndRead(`<table>${html}</table>`)
        expect(problems).toEqual([])
        const kept = new Set(wordsOf(blocks.map(blockText).join(' ')))
        expect(wordsOf(rows.flat(3).join(' ')).filter((found) => !kept.has(found))).toEqual([])
      }),
      { numRuns: 100 }
    )
  })
})
