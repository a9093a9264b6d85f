import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  engagementCsvPieces,
  engagementJsonPieces,
  type EngagementRow
} from '../../../src/main/export/engagement-format'
import { countCsvRecords, countJsonRecords, toCsv, toJson } from '../../../src/main/export/export-format'
import { statusProblem } from '../../../src/main/export/fleet-checks'
import { writeFleetReport } from '../../../src/main/export/fleet-report'
import { kioskStatusOf } from '../../../src/main/kiosk/status-file'
import type { DataHealth } from '../../../src/shared/staff'
import { feedbackRecord } from '../support/records'
import { kioskStatus } from '../support/fleet-files'

const now = new Date('2026-11-24T15:00:00.000Z')
const range = { from: null, to: null }

const good = Array.from({ length: 4 }, (_, index) =>
  feedbackRecord({ station: 'Room 1', rating: ((index % 3) + 1) as 1 })
)
const target = Array.from({ length: 3 }, () => feedbackRecord({ station: 'Room 2', comment: 'Clear and kind' }))
const engagement: EngagementRow[] = [
  {
    day: '2026-11-24',
    station: 'Room 2',
    articleId: 'hand-washing',
    sectionId: null,
    visits: 6,
    finished: 2,
    feedback: 1,
    reached: null,
    shown: null,
    time: null
  },
  {
    day: '2026-11-24',
    station: 'Room 2',
    articleId: 'hand-washing',
    sectionId: 'why',
    visits: null,
    finished: null,
    feedback: null,
    reached: 5,
    shown: 6,
    time: [1, 2, 2, 1]
  }
]

/** Every path to a value inside a JSON value, the value itself included. */
function pathsOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const inner =
    value !== null && typeof value === 'object'
      ? Object.keys(value).flatMap((key) =>
          pathsOf((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key])
        )
      : []
  return [path, ...inner]
}

/** How one JSON value is broken: which value, and what is done to it. */
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('swap', 'drop', 'proto', 'constructor', 'huge', 'date', 'truncate'),
  replacement: fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(1e308, -1, 2 ** 53 + 1, 0.5, '', '2026-13-45T10:00:00.000Z', 'x'.repeat(600), [], {})
  ),
  cut: fc.double({ min: 0, max: 1, noNaN: true })
})
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

/** The text of `value` as JSON, broken as `change` says; __proto__ and constructor become keys of their own. */
function broken(value: unknown, change: Mutation): string {
  const copy = JSON.parse(JSON.stringify(value)) as unknown
  const paths = pathsOf(copy)
  const path = paths[change.at % paths.length] ?? []
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], copy) as Record<
    string | number,
    unknown
  >
  const key = path.at(-1)
  const set = (holder: object, name: string | number, next: unknown) =>
    Object.defineProperty(holder, name, { value: next, enumerable: true, writable: true, configurable: true })
  if (change.kind === 'truncate') {
    const text = JSON.stringify(copy, null, 2)
    return text.slice(0, Math.floor(text.length * change.cut))
  }
  if (key === undefined) return JSON.stringify(change.kind === 'drop' ? null : change.replacement)
  if (change.kind === 'swap') set(parent, key, change.replacement)
  else if (change.kind === 'drop') delete parent[key]
  else if (change.kind === 'huge') set(parent, key, 1e308)
  else if (change.kind === 'date') set(parent, key, '2026-02-30T25:61:00.000Z')
  else {
    const holder = parent[key] !== null && typeof parent[key] === 'object' ? (parent[key] as object) : parent
    set(holder, change.kind === 'proto' ? '__proto__' : 'constructor', change.replacement)
  }
  return JSON.stringify(copy, null, 2)
}

/** A CSV text with one cell changed, a cell dropped or the text cut short. */
function brokenCsv(text: string, change: Mutation): string {
  if (change.kind === 'truncate') return text.slice(0, Math.floor(text.length * change.cut))
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data
  const row = rows[1 + (change.at % (rows.length - 1))] ?? []
  const cell = change.at % row.length
  if (change.kind === 'drop') row.splice(cell, 1)
  else
    row[cell] =
      change.kind === 'huge'
        ? '1e308'
        : change.kind === 'date'
          ? '2026-13-45T10:00:00.000Z'
          : JSON.stringify(change.replacement)
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`
}

/** Writes an export and a manifest that matches it (the right hash and record count), as anyone could. */
async function withManifest(folder: string, name: string, text: string, manifest?: string): Promise<void> {
  await writeFile(join(folder, name), text)
  const bytes = Buffer.from(text)
  const records = name.endsWith('.json') ? countJsonRecords(bytes) : countCsvRecords(bytes)
  const fields = {
    file: name,
    format: name.endsWith('.json') ? 'json' : 'csv',
    records,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    range,
    station: 'Room 2',
    exportedAt: now.toISOString()
  }
  await writeFile(join(folder, `${name}.manifest.json`), manifest ?? JSON.stringify(fields))
}

const targets = ['feedback-json', 'feedback-csv', 'engagement-json', 'engagement-csv', 'manifest', 'status'] as const

describe('fleet report with hostile files', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kiosk-fleet-hostile-'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('accepts the status a kiosk writes, field for field', () => {
    const health = {
      station: 'Room 1',
      appVersion: '0.1.0',
      uptimeSeconds: 5,
      contentSource: { kind: 'bundled', since: now.toISOString() },
      contentVersion: 'abc',
      records: 3,
      engagementDays: { held: 1, unexported: 1 },
      lastExport: { at: now.toISOString(), place: 'share', file: 'x.csv', records: 3 },
      lastScheduledExport: { at: now.toISOString(), ok: false, message: 'the share is away' },
      recentErrors: [{}, {}]
    } as unknown as DataHealth
    expect(statusProblem(kioskStatusOf(health, 2, null, now))).toBeNull()
    const hours = { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' }
    expect(statusProblem(kioskStatusOf({ ...health, lastExport: null }, 0, hours, now))).toBeNull()
  })

  it('never stops on a broken export, manifest or status file, names it, and still counts the sound files', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), mutation, async (which, change) => {
        const folder = join(root, `run-${(run += 1)}`)
        const out = join(root, `out-${run}`)
        await Promise.all([folder, out].map((path) => import('node:fs/promises').then((fs) => fs.mkdir(path))))
        const keep = 'feedback_Room-1_2026-11-24_2026-11-24.csv'
        await withManifest(folder, keep, toCsv(good))
        await writeFile(join(folder, 'Room-1.status.json'), JSON.stringify(kioskStatus('Room 1')))
        const json = toJson(target, range, now.toISOString())
        const names = {
          'feedback-json': 'feedback_Room-2_2026-11-24_2026-11-24.json',
          'feedback-csv': 'feedback_Room-2_2026-11-24_2026-11-24.csv',
          'engagement-json': 'engagement_Room-2_2026-11-24_2026-11-24.json',
          'engagement-csv': 'engagement_Room-2_2026-11-24_2026-11-24.csv',
          manifest: 'feedback_Room-2_2026-11-24_2026-11-24.json',
          status: 'Room-2.status.json'
        }
        const name = names[which]
        if (which === 'feedback-json') await withManifest(folder, name, broken(JSON.parse(json), change))
        if (which === 'feedback-csv') await withManifest(folder, name, brokenCsv(toCsv(target), change))
        if (which === 'engagement-json') {
          const text = [...engagementJsonPieces(engagement, range, now.toISOString())].join('')
          await withManifest(folder, name, broken(JSON.parse(text), change))
        }
        if (which === 'engagement-csv')
          await withManifest(folder, name, brokenCsv([...engagementCsvPieces(engagement)].join(''), change))
        if (which === 'manifest') {
          await withManifest(folder, name, json)
          const manifest = JSON.parse(await readFile(join(folder, `${name}.manifest.json`), 'utf8')) as unknown
          await writeFile(join(folder, `${name}.manifest.json`), broken(manifest, change))
        }
        if (which === 'status') await writeFile(join(folder, name), broken(kioskStatus('Room 2'), change))

        const outcome = await writeFleetReport(folder, join(out, 'fleet.html'), now)
        const leftOut = outcome.leftOut.some((file) => file.file === name)
        const html = await readFile(outcome.html, 'utf8')
        // The sound kiosk is always there; the broken file adds nothing when it is left out, and is named.
        expect(html).toMatch(/<td>Room 1<\/td>\s*<td class="number">4<\/td>/)
        if (which.startsWith('feedback') || which === 'manifest') {
          expect(outcome.records).toBe(leftOut ? 4 : outcome.records)
          expect(outcome.records).toBeGreaterThanOrEqual(4)
          expect(outcome.records).toBeLessThanOrEqual(4 + target.length)
          if (leftOut) expect(html).toContain(name)
        }
        if (which === 'status') expect(html).toMatch(/Room-2\.status\.json|<td>[^<]*<\/td>\s*<td>0\.1\.0<\/td>/)
        const rows = Papa.parse((await readFile(outcome.csv, 'utf8')).replace(/^\uFEFF/, ''), {
          header: true,
          skipEmptyLines: true
        })
        expect(rows.errors).toEqual([])
        expect(rows.data).toHaveLength(outcome.records)
        expect(Object.keys(Object.prototype)).toEqual([])
        await rm(folder, { recursive: true, force: true })
        await rm(out, { recursive: true, force: true })
      }),
      { numRuns: 150 }
    )
  }, 120_000)
})
