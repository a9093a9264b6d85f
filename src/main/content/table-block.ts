import type { Table, TableCell, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Block, ContentProblem, Inline } from '../../shared/domain'

/**
 * The largest table a kiosk screen shows well. Four columns of short cells fit a landscape screen at every text size
 * and a portrait one at the normal size; where they do not, each row is shown as a box of "heading: cell" lines
 * (SectionBody.svelte), which stays readable only while cells are short and rows few.
 */
export const tableLimits = { columns: 4, rows: 10, cellCharacters: 60 } as const

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1
}

/** The first words of a long text, for a message that names it. */
function opening(text: string): string {
  const cut = text.slice(0, 40)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : undefined)}…`
}

/**
 * A GFM table as a table block, or null after saying why it cannot be shown. `toInlines` turns a cell's Markdown
 * into inlines, reporting what a cell may not hold (a picture, raw HTML) as it does for a paragraph.
 */
export function tableBlock(
  node: Table,
  file: string,
  problems: ContentProblem[],
  toInlines: (cell: TableCell) => Inline[]
): Block | null {
  const [head, ...body] = node.children
  const columns = Math.max(...node.children.map((row) => row.children.length))
  const before = problems.length
  const problem = (line: number, message: string) => problems.push({ file, line, message })
  if (columns > tableLimits.columns) {
    problem(
      lineOf(node),
      `a table may have at most ${tableLimits.columns} columns to fit the kiosk's screen; this one has ${columns}. ` +
        'Split it into two tables, or write a list'
    )
  }
  if (body.length > tableLimits.rows) {
    problem(
      lineOf(node),
      `a table may have at most ${tableLimits.rows} rows under its heading row to fit the kiosk's screen; this one ` +
        `has ${body.length}. Split it over two sections, or write a list`
    )
  }
  for (const cell of node.children.flatMap((row) => row.children)) {
    const text = toString(cell).trim()
    if (text.length > tableLimits.cellCharacters) {
      problem(
        lineOf(cell),
        `a table cell may hold at most ${tableLimits.cellCharacters} characters to stay readable on the kiosk; ` +
          `this one has ${text.length} ("${opening(text)}"). Shorten it, or write a list`
      )
    }
  }
  if (!head || head.children.every((cell) => toString(cell).trim() === '')) {
    problem(lineOf(node), 'a table needs a heading row that names its columns')
  }
  // Cells are read the same way as paragraphs, so what they may not hold is reported too; a short row gets empty cells.
  const row = (cells: TableRow) =>
    Array.from({ length: columns }, (_, index) => {
      const cell = cells.children[index]
      return cell ? toInlines(cell) : []
    })
  const table: Block = { type: 'table', header: head ? row(head) : [], rows: body.map(row) }
  return problems.length > before ? null : table
}
