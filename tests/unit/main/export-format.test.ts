import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { FeedbackRecord } from '../../../src/shared/feedback'
import { csvColumns, neutraliseFormula, toCsv, toJson } from '../../../src/main/services/export-format'

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
