import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { FeedbackRecord } from '../../../src/shared/feedback'
import {
  csvCells,
  countCsvRecords,
  countJsonRecords,
  csvColumns,
  csvPieces,
  jsonPieces,
  neutraliseFormula,
  toCsv,
  toJson
} from '../../../src/main/export/export-format'

const golden = (name: string) => resolve(import.meta.dirname, '../../fixtures/export', name)

function record(id: string, comment: string | null, overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    id,
    articleId: 'baclofen-piriformis-syndrome',
    sectionId: null,
    rating: 2,
    comment,
    language: 'en',
    contentVersion: 'e36acfcd1153',
    appVersion: '0.1.0',
    station: 'Room 2',
    time: '2026-11-24T10:15:00.000Z',
    ...overrides
  }
}

// Every awkward kind of comment a spreadsheet has trouble with.
const tricky: FeedbackRecord[] = [
  record('00000000-0000-4000-8000-000000000001', 'Plain, with a comma'),
  record('00000000-0000-4000-8000-000000000002', 'She said "very clear"'),
  record('00000000-0000-4000-8000-000000000003', 'Line one\nline two'),
  record('00000000-0000-4000-8000-000000000004', 'Great 👍🏽 thanks', { rating: 3 }),
  record('00000000-0000-4000-8000-000000000005', 'مفيد جدا، شكرا', { language: 'ar' }),
  record('00000000-0000-4000-8000-000000000006', '=HYPERLINK("http://evil.example","click")', { rating: 1 }),
  record('00000000-0000-4000-8000-000000000007', '+1+2', { sectionId: 'conclusion' }),
  record('00000000-0000-4000-8000-000000000008', '-2+3'),
  record('00000000-0000-4000-8000-000000000009', '@SUM(A1:A2)'),
  record('00000000-0000-4000-8000-000000000010', '\tindented'),
  record('00000000-0000-4000-8000-000000000011', null, { station: '=cmd|/C calc' })
]

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites the file on purpose after a deliberate format change. */
function matchesGolden(actual: string, name: string): void {
  if (process.env['UPDATE_GOLDEN']) writeFileSync(golden(name), actual)
  expect(actual).toBe(readFileSync(golden(name), 'utf8'))
}

describe('CSV export', () => {
  it('matches the golden file byte for byte', () => {
    matchesGolden(toCsv(tricky), 'feedback.csv')
  })

  it('starts with a byte-order mark and a header row, and ends rows with CRLF', () => {
    const csv = toCsv(tricky.slice(0, 1))
    expect(
      csv.startsWith(
        '\uFEFFid,time,station,article_id,section_id,rating,comment,language,content_version,app_version\r\n'
      )
    ).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('parses back to the same records, with formula cells shown as text', () => {
    const parsed = Papa.parse<Record<string, string>>(toCsv(tricky).slice(1), { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...csvColumns])
    expect(parsed.data).toHaveLength(tricky.length)
    parsed.data.forEach((row, index) => {
      const original = tricky[index] as FeedbackRecord
      expect(row['id']).toBe(original.id)
      expect(row['comment']).toBe(neutraliseFormula(original.comment ?? ''))
      expect(row['station']).toBe(neutraliseFormula(original.station))
      expect(row['rating']).toBe(String(original.rating))
      expect(row['section_id']).toBe(original.sectionId ?? '')
    })
  })

  it.each(['=1+1', '+1', '-1', '@A1', '\t1', '\r1', '\n1'])('neutralises a cell starting %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`)
  })

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Very clear - thanks')).toBe('Very clear - thanks')
  })

  it.each(['＝1+1', '＋1', '－1', '＠A1', '﹦1', '﹢1', '﹣1', '﹫A1', '⁺1', '₌1', '⩵1'])(
    'neutralises a cell starting with a character that stands for a formula starter: %j',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`)
      expect(toCsv([{ ...(tricky[0] as FeedbackRecord), comment: cell }])).toContain(`,'${cell},`)
    }
  )

  it('neutralises exactly the cells whose first character is, or normalises (NFKC) to, a formula starter', () => {
    // Every character that compatibility normalisation turns into something starting with = + - @.
    const starters: string[] = []
    for (let point = 0; point <= 0x10ffff; point += 1) {
      if (point >= 0xd800 && point <= 0xdfff) continue
      const character = String.fromCodePoint(point)
      if (/^[=+\-@]/.test(character.normalize('NFKC'))) starters.push(character)
    }
    expect(starters).toEqual(expect.arrayContaining(['=', '+', '-', '@', '＝', '＋', '－', '＠']))
    const starter = fc.constantFrom(...starters, '\t', '\r', '\n')
    const rest = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ maxLength: 12 })
    )
    const cell = fc.oneof(
      fc.tuple(starter, rest).map(([first, more]) => first + more),
      rest
    )
    fc.assert(
      fc.property(cell, (text) => {
        const first = String.fromCodePoint(text.codePointAt(0) ?? 0x20)
        const risky = starters.includes(first) || /^[\t\r\n]/.test(text)
        expect(neutraliseFormula(text)).toBe(risky ? `'${text}` : text)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('JSON export', () => {
  it('matches the golden file and parses back to the same records', () => {
    const json = toJson(tricky, { from: '2026-11-01T00:00:00.000Z', to: null }, '2026-11-24T12:00:00.000Z')
    matchesGolden(json, 'feedback.json')
    const parsed = JSON.parse(json)
    expect(parsed).toMatchObject({ format: 'waiting-room-kiosk-feedback', version: 1, count: tricky.length })
    expect(parsed.records).toEqual(tricky)
  })
})

// Text with everything a CSV or JSON writer can get wrong: quotes, commas, line breaks, formulas, emoji, escapes.
const awkward = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '"', ',', '\r', '\n', '=', '+', '-', '@', '\t', "'", 'é', '😀', '\\') }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 })
)
const records = fc.array(
  fc.record({
    id: fc.uuid(),
    articleId: awkward,
    sectionId: fc.option(awkward, { nil: null }),
    rating: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
    comment: fc.option(awkward, { nil: null }),
    language: fc.constantFrom('en', 'es'),
    contentVersion: awkward,
    appVersion: fc.constant('0.1.0'),
    station: awkward,
    time: fc.date({ noInvalidDate: true }).map((date) => date.toISOString())
  }),
  { maxLength: 12 }
)
const range = fc.record({ from: fc.option(fc.constant('2026-11-01'), { nil: null }), to: fc.constant(null) })

/** What csv-parse (the reader the kiosk used to verify with) counts, or -1 where it gives up. */
function csvParseCount(bytes: Buffer): number {
  try {
    return (parse(bytes.toString('utf8'), { bom: true, columns: true, skip_empty_lines: true }) as unknown[]).length
  } catch {
    return -1
  }
}

/** What JSON.parse finds as the length of the top-level records list, or -1. */
function jsonParseCount(bytes: Buffer): number {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return -1
    const list = (value as { records?: unknown }).records
    return Array.isArray(list) ? list.length : -1
  } catch {
    return -1
  }
}

/** A file as a drive might hand it back: a byte dropped, a byte added, cut short, or as written. */
const damage = fc.record({
  how: fc.constantFrom('none', 'drop', 'insert', 'cut'),
  where: fc.integer({ min: 0, max: 9999 }),
  byte: fc.constantFrom(...'",\r\n{}[]:a0\\ '.split('').map((character) => character.charCodeAt(0)), 0xff)
})
function damaged(bytes: Buffer, { how, where, byte }: { how: string; where: number; byte: number }): Buffer {
  const at = Math.floor((where / 10_000) * bytes.length)
  if (how === 'drop') return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)])
  if (how === 'insert') return Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)])
  if (how === 'cut') return bytes.subarray(0, at)
  return bytes
}

describe('exports written piece by piece', () => {
  it('writes the same CSV as csv-stringify, whatever the text and wherever the pieces break', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 1, max: 5 }), (list, perPiece) => {
        const rows = list.map((record) => csvCells(record).map(neutraliseFormula))
        const expected = `\uFEFF${stringify([[...csvColumns], ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ })}`
        expect([...csvPieces(list, perPiece)].join('')).toBe(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('writes the same JSON as JSON.stringify of the whole document, wherever the pieces break', () => {
    fc.assert(
      fc.property(records, range, fc.integer({ min: 1, max: 5 }), (list, covered, perPiece) => {
        const exportedAt = '2026-11-24T12:00:00.000Z'
        const document = { format: 'waiting-room-kiosk-feedback', version: 1, exportedAt, range: covered }
        const expected = `${JSON.stringify({ ...document, count: list.length, records: list }, null, 2)}\n`
        expect([...jsonPieces(list, covered, exportedAt, perPiece)].join('')).toBe(expected)
      }),
      { numRuns: 300 }
    )
  })
})

describe('counting the records of an export read back', () => {
  it('counts what csv-parse counts in every CSV export, and never a different number in a damaged one', () => {
    fc.assert(
      fc.property(records, damage, (list, harm) => {
        const written = Buffer.from(toCsv(list))
        expect(countCsvRecords(written)).toBe(list.length)
        const bytes = damaged(written, harm)
        const counted = countCsvRecords(bytes)
        if (counted !== -1) expect(counted).toBe(csvParseCount(bytes))
      }),
      { numRuns: 1000 }
    )
  })

  it('refuses a CSV with a stray quote, a lone line break, an unclosed quote or a row of the wrong width', () => {
    const header = `\uFEFF${csvColumns.join(',')}\r\n`
    const row = 'a,b,c,d,e,f,g,h,i,j\r\n'
    expect(countCsvRecords(Buffer.from(header + row + row))).toBe(2)
    expect(countCsvRecords(Buffer.from(header + row + '\r\n' + row.trimEnd()))).toBe(2)
    for (const bad of ['a,b,c,d,e,f,g"x,h,i,j\r\n', 'a,b\nc,d,e,f,g,h,i,j\r\n', '"a,b,c,d,e,f,g,h,i,j\r\n', 'a,b\r\n'])
      expect(countCsvRecords(Buffer.from(header + row + bad)), JSON.stringify(bad)).toBe(-1)
  })

  it('counts what JSON.parse finds in every JSON export and any JSON at all, damaged or not', () => {
    const anyJson = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify({ records: [value, value], other: value }, null, 1)),
      fc.constantFrom('{"records":[1,2],"records":"x"}', '{"rec\\u006frds":[1]}', ' {"records" : [ ] } ', '[1]')
    )
    fc.assert(
      fc.property(records, range, anyJson, damage, (list, covered, other, harm) => {
        const written = Buffer.from(toJson(list, covered, '2026-11-24T12:00:00.000Z'))
        expect(countJsonRecords(written)).toBe(list.length)
        for (const bytes of [damaged(written, harm), damaged(Buffer.from(other), harm)])
          expect(countJsonRecords(bytes)).toBe(jsonParseCount(bytes))
      }),
      { numRuns: 1000 }
    )
  })
})
