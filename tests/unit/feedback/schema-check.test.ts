import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type MonthData, monthFileOptions } from '../../../src/main/feedback/month-file'
import type { JsonFile } from '../../../src/main/kiosk/json-file'
import { compileSchema } from '../../../src/main/feedback/schema-check'
import { openElectronStore } from '../support/open-json-file'
import { feedbackRecord } from '../support/records'

vi.mock('electron', () => ({ default: {} }))

const monthSchema = { type: 'object', properties: monthFileOptions().schema }

// A string of about `length` characters: plain, emoji (two UTF-16 units each), any code points, or lone surrogates.
const about = (length: number) =>
  fc
    .integer({ min: Math.max(0, length - 2), max: length + 2 })
    .chain((size) =>
      fc.oneof(
        fc.constant('x'.repeat(size)),
        fc.constant('😀'.repeat(size)),
        fc.constant('\ud800'.repeat(size)),
        fc.string({ unit: 'binary', minLength: size, maxLength: size })
      )
    )
const anything = fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 5 }), fc.double(), fc.boolean(), fc.anything())
const time = fc.oneof(
  fc.constantFrom('2026-11-24T10:15:00.000Z', '2026-11-24T10:15:30.000Z', '2026-11-24 10:15:00.000Z', ''),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => `${date.toISOString().slice(0, 16)}:00.000Z`),
  fc.string({ unit: 'grapheme', maxLength: 30 })
)
// Each field near its limits, so a wrong limit, count or pattern in the checker shows as a disagreement.
const nearLimits: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.oneof(about(1), about(64), fc.uuid()),
  articleId: fc.oneof(about(1), about(100)),
  sectionId: fc.oneof(about(160), fc.constant(null)),
  rating: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(1.5, 2.0000001, -0, '2')),
  comment: fc.oneof(about(500), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constant(null)),
  language: about(16),
  contentVersion: about(64),
  appVersion: about(64),
  station: about(80),
  time,
  extra: anything
}
// A valid record with one or two fields moved to or past a limit, sometimes to anything at all, or taken away.
const nearRecord = fc
  .array(
    fc.record({
      key: fc.constantFrom(...Object.keys(nearLimits)),
      how: fc.constantFrom('limit', 'limit', 'limit', 'anything', 'delete')
    }),
    { minLength: 1, maxLength: 2 }
  )
  .chain((changes) =>
    fc
      .tuple(...changes.map(({ key, how }) => (how === 'limit' ? (nearLimits[key] ?? anything) : anything)))
      .map((values) => {
        const record: Record<string, unknown> = { ...feedbackRecord() }
        changes.forEach(({ key, how }, index) => {
          if (how === 'delete') delete record[key]
          else record[key] = values[index]
        })
        return record
      })
  )

describe('schema check', () => {
  let folder: string
  let file: JsonFile<MonthData>
  const check = compileSchema(monthSchema)

  /** electron-store's own verdict: it refuses to write what its schema refuses. */
  function storeAccepts(data: Record<string, unknown>): boolean {
    try {
      file.set('records', data.records as MonthData['records'])
      file.set('exportedIds', data.exportedIds as string[])
      return true
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('Config schema violation')) throw error
      return false
    }
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-schema-'))
    file = openElectronStore(folder, 'feedback-2026-11', monthFileOptions())
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('accepts a valid month and names what is wrong with an invalid record', () => {
    expect(check({ records: [feedbackRecord()], exportedIds: ['a'] })).toBeNull()
    expect(check({ records: [feedbackRecord({ comment: 'x'.repeat(501) })], exportedIds: [] })).toBe(
      'value/records/0/comment must NOT have more than 500 characters'
    )
    expect(check({ records: [], exportedIds: ['a', 'a'] })).toContain('value/exportedIds must NOT have duplicate items')
    expect(check({ records: [{ ...feedbackRecord(), extra: 1 }], exportedIds: [] })).toContain('additional')
  })

  it('checks formats as electron-store does, rather than ignoring them', () => {
    const email = compileSchema({ type: 'string', format: 'email' })
    expect(email('someone@example.org')).toBeNull()
    expect(email('not an address')).toContain('must match format')
  })

  it('agrees with electron-store on every record, valid or not', () => {
    fc.assert(
      fc.property(nearRecord, fc.constantFrom('unique', 'repeated'), (record, ids) => {
        const data = { records: [record], exportedIds: ids === 'unique' ? ['a', 'b'] : ['a', 'a'] }
        // JSON round trip: what the store checks is what a file can hold.
        const stored = JSON.parse(JSON.stringify(data)) as Record<string, unknown>
        expect(check(stored) === null).toBe(storeAccepts(stored))
      }),
      { numRuns: 1000 }
    )
    // A thousand electron-store writes, each flushed to disk: seconds on a busy machine, past vitest's default 5 s.
  }, 60_000)
})
