import type { FeedbackRecord } from '../../shared/feedback'

/** The columns of a CSV export, in order; the header row uses these names. */
export const csvColumns = [
  'id',
  'time',
  'station',
  'article_id',
  'section_id',
  'rating',
  'comment',
  'language',
  'content_version',
  'app_version'
] as const

/** The name and version of the JSON export format, documented in docs/EXPORT.md. */
export const jsonFormat = { name: 'waiting-room-kiosk-feedback', version: 1 } as const

/**
 * How many records go into one piece of an export written piece by piece: about 75 KB of JSON, under the 128 KB
 * above which V8 allocates a string in its large-object space. Pieces of a thousand records (about 370 KB of JSON)
 * went there, and making, slicing and freeing them cost the 100k-record JSON export about 60 ms; smaller pieces are
 * made and dropped in the young generation. The writer gathers pieces into larger writes.
 */
const recordsPerPiece = 200

/** The first characters that make a spreadsheet read a cell as a formula, or split it: = + - @, tab, CR, LF. */
const formulaStart = /^[=+\-@\t\r\n]/

/**
 * Stops a spreadsheet from reading a cell as a formula (CSV injection): a cell that starts with = + - @, a tab or a
 * line break, or with any character whose compatibility form (NFKC) starts with = + - @ (fullwidth ＝ ＋ － ＠, small
 * ﹦ ﹢ ﹣ ﹫, superscript ⁺ ⁼ and the like, which a spreadsheet may fold into them), gets a leading apostrophe, which
 * Excel and LibreOffice show as text.
 */
export function neutraliseFormula(cell: string): string {
  const first = cell.codePointAt(0)
  if (first === undefined) return cell
  // Most cells start with ASCII, which NFKC leaves as it is: only other characters are normalised.
  const risky =
    first < 0x80 ? formulaStart.test(cell) : formulaStart.test(String.fromCodePoint(first).normalize('NFKC'))
  return risky ? `'${cell}` : cell
}

/** RFC 4180 quoting: a cell holding a quote, a comma or a line break is quoted, its quotes doubled. */
export function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
}

/** A record's cells in the order of `csvColumns`, before quoting and formula neutralising. */
export function csvCells(record: FeedbackRecord): string[] {
  return [
    record.id,
    record.time,
    record.station,
    record.articleId,
    record.sectionId ?? '',
    String(record.rating),
    record.comment ?? '',
    record.language,
    record.contentVersion,
    record.appVersion
  ]
}

function csvRow(record: FeedbackRecord): string {
  return `${csvCells(record)
    .map((cell) => csvCell(neutraliseFormula(cell)))
    .join(',')}\r\n`
}

/**
 * A CSV export in pieces of a few hundred records, so a large one never sits in memory whole: UTF-8 with a byte-order
 * mark (so Excel reads accents right), RFC 4180 quoting, CRLF rows, a header row.
 */
export function* csvPieces(records: readonly FeedbackRecord[], perPiece = recordsPerPiece): Generator<string> {
  yield `\uFEFF${csvColumns.map(csvCell).join(',')}\r\n`
  for (let start = 0; start < records.length; start += perPiece) {
    let piece = ''
    for (let index = start; index < Math.min(start + perPiece, records.length); index += 1)
      piece += csvRow(records[index] as FeedbackRecord)
    yield piece
  }
}

/** A whole CSV export as one text; see csvPieces. */
export function toCsv(records: readonly FeedbackRecord[]): string {
  return [...csvPieces(records)].join('')
}

/** What an export covers, written into the JSON export and the manifest. */
export interface ExportRange {
  from: string | null
  to: string | null
}

/**
 * A versioned JSON document holding the records, with what it covers and when it was made, in pieces: the same bytes
 * as `JSON.stringify(document, null, 2)` and a line break, without ever holding them all at once.
 */
export function* jsonPieces(
  records: readonly object[],
  range: ExportRange,
  exportedAt: string,
  perPiece = recordsPerPiece,
  kind: { name: string; version: number } = jsonFormat
): Generator<string> {
  const document = { format: kind.name, version: kind.version, exportedAt, range, count: records.length }
  const shell = JSON.stringify({ ...document, records: [] }, null, 2)
  if (records.length === 0) {
    yield `${shell}\n`
    return
  }
  // The shell ends with `"records": []` and the closing brace; the records go between the brackets.
  yield `${shell.slice(0, shell.lastIndexOf('[]'))}[\n`
  // A piece of records wrapped the way the document holds them comes out indented as in the whole document.
  const before = '{\n  "records": [\n'.length
  const after = '\n  ]\n}'.length
  for (let start = 0; start < records.length; start += perPiece) {
    const wrapped = JSON.stringify({ records: records.slice(start, start + perPiece) }, null, 2)
    yield `${start > 0 ? ',\n' : ''}${wrapped.slice(before, wrapped.length - after)}`
  }
  yield '\n  ]\n}\n'
}

/** A whole JSON export as one text; see jsonPieces. */
export function toJson(records: readonly FeedbackRecord[], range: ExportRange, exportedAt: string): string {
  return [...jsonPieces(records, range, exportedAt)].join('')
}

const quote = 0x22
const comma = 0x2c
const carriageReturn = 0x0d
const lineFeed = 0x0a

/**
 * Counts the records of a CSV export read back from a drive, straight from its bytes (no text, no row objects, so a
 * large export is checked in little memory). Strict RFC 4180 as csvPieces writes it: an optional byte-order mark, CRLF
 * rows, quoted cells closed and followed by a comma or the row's end, every row as wide as the header; empty lines are
 * skipped. Returns -1 for anything else. Wherever it returns a count, csv-parse (bom, columns, skip_empty_lines) finds
 * the same.
 */
export function countCsvRecords(bytes: Uint8Array): number {
  const end = bytes.length
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  let width = -1
  let records = 0
  while (at < end) {
    if (bytes[at] === carriageReturn && bytes[at + 1] === lineFeed) {
      at += 2
      continue
    }
    let cells = 0
    for (;;) {
      if (bytes[at] === quote) {
        at += 1
        for (;;) {
          const next = bytes.indexOf(quote, at)
          if (next < 0) return -1
          if (bytes[next + 1] === quote) at = next + 2
          else {
            at = next + 1
            break
          }
        }
      } else {
        while (at < end) {
          const byte = bytes[at]
          if (byte === comma || byte === carriageReturn) break
          if (byte === quote || byte === lineFeed) return -1
          at += 1
        }
      }
      cells += 1
      if (at >= end) break
      if (bytes[at] === comma) {
        at += 1
        continue
      }
      if (bytes[at] === carriageReturn && bytes[at + 1] === lineFeed) {
        at += 2
        break
      }
      return -1
    }
    if (width < 0) width = cells
    else if (cells !== width) return -1
    else records += 1
  }
  return records
}

/** Bytes that end a run of ordinary characters inside a JSON string: a quote, a backslash, a control character. */
const stringStops = new Uint8Array(256).map((_, byte) => (byte === quote || byte === 0x5c || byte < 0x20 ? 1 : 0))
/** JSON whitespace. */
const spaces = new Uint8Array(256).map((_, byte) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 ? 1 : 0
)
/** What may follow a backslash in a JSON string, besides `u` and four hex digits. */
const escapes = new Uint8Array(256).map((_, byte) => ('"\\/bfnrt'.includes(String.fromCharCode(byte)) ? 1 : 0))
const hexDigits = new Uint8Array(256).map((_, byte) => (/[0-9a-fA-F]/.test(String.fromCharCode(byte)) ? 1 : 0))
const recordsKey = Buffer.from('"records"')

/** The end of the JSON string starting at `at` (the byte after its closing quote), or -1 if it is not one. */
function skipString(bytes: Uint8Array, start: number): number {
  let at = start + 1
  for (;;) {
    // Runs of ordinary bytes are skipped by table; only a quote, a backslash or a control byte stops the scan.
    const end = bytes.length
    while (at < end && stringStops[bytes[at] as number] === 0) at += 1
    const byte = bytes[at]
    if (byte === quote) return at + 1
    if (byte !== 0x5c) return -1
    const next = bytes[at + 1] as number
    if (next === 0x75) {
      for (let digit = 2; digit < 6; digit += 1) if (hexDigits[bytes[at + digit] as number] !== 1) return -1
      at += 6
    } else if (escapes[next] === 1) at += 2
    else return -1
  }
}

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39

/** The end of the JSON number starting at `at`, or -1 if it is not one. */
function skipNumber(bytes: Uint8Array, start: number): number {
  let at = start
  if (bytes[at] === 0x2d) at += 1
  if (bytes[at] === 0x30) at += 1
  else if (isDigit(bytes[at])) while (isDigit(bytes[at])) at += 1
  else return -1
  if (bytes[at] === 0x2e) {
    at += 1
    if (!isDigit(bytes[at])) return -1
    while (isDigit(bytes[at])) at += 1
  }
  if (bytes[at] === 0x65 || bytes[at] === 0x45) {
    at += 1
    if (bytes[at] === 0x2b || bytes[at] === 0x2d) at += 1
    if (!isDigit(bytes[at])) return -1
    while (isDigit(bytes[at])) at += 1
  }
  return at
}

/** The end of `word` (true, false, null) at `at`, or -1. */
function skipWord(bytes: Uint8Array, at: number, word: string): number {
  for (let index = 0; index < word.length; index += 1) if (bytes[at + index] !== word.charCodeAt(index)) return -1
  return at + word.length
}

/** Whether the key from `start` to `end` (quotes included) is `"records"`, escapes and all. */
function isRecordsKey(bytes: Uint8Array, start: number, end: number): boolean {
  const key = bytes.subarray(start, end)
  if (key.indexOf(0x5c) < 0) return Buffer.from(key).equals(recordsKey)
  return JSON.parse(Buffer.from(key).toString('utf8')) === 'records'
}

const inObject = 1
const inList = 2
const beforeValue = 0
const afterValue = 1
const beforeKey = 2

/**
 * Counts the records of a JSON export read back from a drive, straight from its bytes: checks that the whole file is
 * JSON (as JSON.parse would read its UTF-8 text) and counts the items of the top-level `records` list, without building
 * the records. Returns -1 when the file is not JSON or has no such list. One loop over the bytes, with the open objects
 * and lists on a stack, so that a large export is checked fast and in little memory.
 */
export function countJsonRecords(bytes: Uint8Array): number {
  const end = bytes.length
  const open: number[] = []
  let at = 0
  let records = -1
  /** Items so far of the top-level records list while it is open; -1 otherwise. */
  let counting = -1
  /** Whether the value about to be read is the one of the top-level key `records`. */
  let isRecords = false
  // The reader is in one of three places: before a value, after a value, or before a key.
  let place = beforeValue
  while (at < end && spaces[bytes[at] as number] === 1) at += 1
  if (bytes[at] !== 0x7b) return -1
  for (;;) {
    while (at < end && spaces[bytes[at] as number] === 1) at += 1
    const byte = bytes[at]
    if (place === beforeValue) {
      const recordsValue = isRecords
      isRecords = false
      if (recordsValue) records = -1
      if (byte === 0x7b) {
        open.push(inObject)
        at += 1
        while (at < end && spaces[bytes[at] as number] === 1) at += 1
        if (bytes[at] === 0x7d) {
          open.pop()
          at += 1
          place = afterValue
        } else place = beforeKey
        continue
      }
      if (byte === 0x5b) {
        open.push(inList)
        at += 1
        while (at < end && spaces[bytes[at] as number] === 1) at += 1
        if (bytes[at] === 0x5d) {
          open.pop()
          at += 1
          if (recordsValue) records = 0
          place = afterValue
        } else {
          if (recordsValue) counting = 1
          place = beforeValue
        }
        continue
      }
      if (byte === quote) at = skipString(bytes, at)
      else if (byte === 0x74) at = skipWord(bytes, at, 'true')
      else if (byte === 0x66) at = skipWord(bytes, at, 'false')
      else if (byte === 0x6e) at = skipWord(bytes, at, 'null')
      else at = skipNumber(bytes, at)
      if (at < 0) return -1
      place = afterValue
      continue
    }
    if (place === beforeKey) {
      if (byte !== quote) return -1
      const start = at
      at = skipString(bytes, at)
      if (at < 0) return -1
      isRecords = open.length === 1 && isRecordsKey(bytes, start, at)
      while (at < end && spaces[bytes[at] as number] === 1) at += 1
      if (bytes[at] !== 0x3a) return -1
      at += 1
      place = beforeValue
      continue
    }
    // After a value: the end of the file, a comma, or the end of what holds the value.
    const holder = open[open.length - 1]
    if (holder === undefined) return at === end ? records : -1
    if (byte === comma) {
      at += 1
      if (holder === inObject) place = beforeKey
      else {
        if (open.length === 2 && counting >= 0) counting += 1
        place = beforeValue
      }
      continue
    }
    if (byte !== (holder === inObject ? 0x7d : 0x5d)) return -1
    at += 1
    open.pop()
    if (holder === inList && open.length === 1 && counting >= 0) {
      records = counting
      counting = -1
    }
  }
}
