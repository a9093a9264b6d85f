import type { Element } from 'hast'
import { defaultHandlers, type Handle } from 'hast-util-to-mdast'
import type { List, ListItem, Nodes, PhrasingContent, Table, TableCell, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { ContentProblem } from '../../../shared/domain'
import { tableBlock } from '../table-block'

/** A picture found in a table cell; it cannot stay in the cell, so it goes after the table. */
export interface CellPicture {
  url: string
  alt: string
}

/** What became of a source table: the kiosk's table or a list of rows, and a sentence for the author. */
export interface ImportedTable {
  block: Table | List
  note: string
}

/** Marks set on a cell while converting from HTML, read back when the table is shaped. */
interface CellMarks {
  /** The cell spans rows or columns: on a kiosk screen its empty neighbours would misread. */
  spanned?: boolean
  /** The cell held a table of its own, which hast-util-to-mdast flattens into plain text. */
  nested?: boolean
}

function marks(cell: TableCell): CellMarks {
  return (cell.data ?? {}) as CellMarks
}

function holdsTable(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'table' || holdsTable(child)))
}

/** The default `td`/`th` handler, which also marks merged cells and cells holding a table. */
const markedCell: Handle = (state, node) => {
  const cell = defaultHandlers.td(state, node) as TableCell
  const span = (value: unknown) => Number.parseInt(String(value ?? '1'), 10) > 1
  const found: CellMarks = {}
  if (span(node.properties['rowSpan']) || span(node.properties['colSpan'])) found.spanned = true
  if (holdsTable(node)) found.nested = true
  if (found.spanned || found.nested) cell.data = { ...cell.data, ...found } as TableCell['data']
  return cell
}

/** Handlers for hast-util-to-mdast that let the importer tell a table the kiosk can show from one it cannot. */
export const tableCellHandlers: Record<string, Handle> = { td: markedCell, th: markedCell }

/**
 * A cell's words as one run of inline text. Word puts every cell's text in paragraphs (and HTML may put lists there),
 * which hast-util-to-mdast keeps as blocks inside the cell; each block becomes a piece, joined by "; " unless the
 * piece before ends a sentence, so no word is lost and none run together.
 */
export function cellPhrasing(
  cell: TableCell,
  clean: (nodes: PhrasingContent[], pictures: CellPicture[]) => PhrasingContent[],
  pictures: CellPicture[]
): PhrasingContent[] {
  const pieces: PhrasingContent[][] = [[]]
  const walk = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'break') {
        pieces.push([])
      } else if (node.type === 'paragraph' || node.type === 'heading') {
        pieces.push(clean(node.children, pictures), [])
      } else if (node.type === 'code') {
        pieces.push([{ type: 'text', value: node.value }], [])
      } else if (node.type === 'image') {
        pictures.push({ url: node.url, alt: node.alt ?? '' })
      } else if (isPhrasing(node)) {
        pieces[pieces.length - 1]?.push(...clean([node], pictures))
      } else if ('children' in node) {
        // Lists, quotes and anything else with blocks inside: their paragraphs are the pieces.
        pieces.push([])
        walk(node.children)
        pieces.push([])
      }
    }
  }
  walk(cell.children as Nodes[])
  const kept = pieces.filter((piece) => toString({ type: 'paragraph', children: piece }).trim() !== '')
  const joined: PhrasingContent[] = []
  kept.forEach((piece, index) => {
    if (index > 0) {
      const before = toString({ type: 'paragraph', children: joined }).trimEnd()
      joined.push({ type: 'text', value: /[.!?:;,]$/.test(before) ? ' ' : '; ' })
    }
    joined.push(...piece)
  })
  return trimText(joined.map(oneLine))
}

/** A cell is one line of Markdown: a line break in its text would end the table row. */
function oneLine(node: PhrasingContent): PhrasingContent {
  if (node.type === 'text' || node.type === 'inlineCode') return { ...node, value: node.value.replace(/\s+/g, ' ') }
  if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete' || node.type === 'link') {
    return { ...node, children: node.children.map(oneLine) } as PhrasingContent
  }
  return node
}

const phrasingTypes = new Set(['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'linkReference'])

function isPhrasing(node: Nodes): node is PhrasingContent {
  return phrasingTypes.has(node.type)
}

/** Trims white space at both ends of a run of inlines, so a cell's Markdown has no stray spaces. */
function trimText(nodes: PhrasingContent[]): PhrasingContent[] {
  const trimmed = [...nodes]
  const first = trimmed[0]
  if (first?.type === 'text') trimmed[0] = { ...first, value: first.value.trimStart() }
  const last = trimmed.at(-1)
  if (last?.type === 'text') trimmed[trimmed.length - 1] = { ...last, value: last.value.trimEnd() }
  return trimmed.filter((node) => node.type !== 'text' || node.value !== '')
}

function hasWords(nodes: PhrasingContent[]): boolean {
  return toString({ type: 'paragraph', children: nodes }).trim() !== ''
}

/** Each row as one list item, its cells joined by " – ": every word kept, whatever the table's shape. */
function rowsAsList(rows: PhrasingContent[][][]): List {
  const items: ListItem[] = rows.map((cells) => {
    const children: PhrasingContent[] = []
    cells
      .filter((cell) => hasWords(cell))
      .forEach((cell, index) => {
        if (index > 0) children.push({ type: 'text', value: ' – ' })
        children.push(...cell)
      })
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] }
  })
  return { type: 'list', ordered: false, spread: false, children: items }
}

/**
 * Shapes a table of the source for the kiosk. A table the kiosk can show (see table-block.ts: columns, rows and
 * characters a cell) stays a table, its first row the heading row; a larger one, or one with merged cells or a table
 * in a cell, becomes a list with one row per item. Null when the table holds no words at all.
 */
export function importTable(
  node: Table,
  clean: (nodes: PhrasingContent[], pictures: CellPicture[]) => PhrasingContent[],
  pictures: CellPicture[]
): ImportedTable | null {
  const complex = node.children.some((row) => row.children.some((cell) => marks(cell).spanned || marks(cell).nested))
  // hast-util-to-mdast puts an empty heading row over a table without one; rows without words carry nothing.
  const rows = node.children
    .map((row) => row.children.map((cell) => cellPhrasing(cell, clean, pictures)))
    .filter((cells) => cells.some((cell) => hasWords(cell)))
  if (rows.length === 0) return null
  const columns = Math.max(...rows.map((cells) => cells.length))
  const table: Table = {
    type: 'table',
    align: Array.from({ length: columns }, () => null),
    children: rows.map(
      (cells): TableRow => ({
        type: 'tableRow',
        children: Array.from({ length: columns }, (_, index) => ({ type: 'tableCell', children: cells[index] ?? [] }))
      })
    )
  }
  // The kiosk's own parser decides what fits, so a kept table is never one the content check then refuses.
  const refusals: ContentProblem[] = []
  tableBlock(table, '', refusals, () => [])
  const fits = !complex && columns >= 2 && rows.length >= 2 && refusals.length === 0
  if (fits) {
    return { block: table, note: 'A table was kept as a table, its first row as the heading row: check that it names the columns.' }
  }
  const why = complex
    ? 'has merged cells or a table inside a cell'
    : columns < 2 || rows.length < 2
      ? 'has only one row or one column'
      : 'is larger than a kiosk screen shows (see "Tables" in docs/CONTENT.md)'
  return {
    block: rowsAsList(rows),
    note: `A table that ${why} was made into a list, one row per item: check that it still reads well.`
  }
}
