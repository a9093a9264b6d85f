import { createReadStream } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'
import type { FeedbackRecord, Rating } from '../../shared/feedback'
import type { TimeBuckets } from '../../shared/engagement'
import type { KioskStatus } from '../kiosk/status-file'
import { statusFormat } from '../kiosk/status-file'
import type { EngagementRow } from './engagement-format'
import { type Manifest, verifyExport } from './exporter'

// What the fleet report finds in a shared folder: exports (each checked against its manifest before anything in it is
// counted) and status files. Exports are read as streams, record by record, so a folder of a million records never
// sits in memory.

/** An export in the folder that matches its manifest: what it holds and when it was made. */
export interface VerifiedExport {
  kind: 'feedback' | 'engagement'
  path: string
  manifest: Manifest
}

/** A file the report leaves out of every figure, and why. */
export interface LeftOut {
  file: string
  reason: string
}

/** A kiosk's status file as found, or why it could not be read. */
export type FoundStatus = { file: string; status: KioskStatus } | { file: string; problem: string }

/** What a shared folder holds. */
export interface FleetFolder {
  exports: VerifiedExport[]
  statuses: FoundStatus[]
  leftOut: LeftOut[]
}

const exportName = /^(feedback|engagement)_.+\.(csv|json)$/

/** Reads a manifest, or says why it cannot be used. */
async function readManifest(path: string): Promise<Manifest | string> {
  let text: string
  try {
    text = await nodeFs.readFile(path, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'it has no manifest beside it (an unfinished or hand-made file)'
      : `its manifest could not be read: ${(error as Error).message}`
  }
  try {
    const manifest = JSON.parse(text) as Manifest
    if (typeof manifest.sha256 !== 'string' || typeof manifest.records !== 'number') return 'its manifest is damaged'
    return manifest
  } catch {
    return 'its manifest is damaged'
  }
}

/** Reads a status file; a half-written or foreign one is named with its problem. */
async function readStatus(folder: string, name: string): Promise<FoundStatus> {
  try {
    const status = JSON.parse(await nodeFs.readFile(join(folder, name), 'utf8')) as KioskStatus
    if (
      status?.format !== statusFormat.name ||
      typeof status.station !== 'string' ||
      typeof status.writtenAt !== 'string'
    )
      return { file: name, problem: 'not a kiosk status file' }
    return { file: name, status }
  } catch (error) {
    return { file: name, problem: error instanceof SyntaxError ? 'unreadable (cut short or damaged)' : String(error) }
  }
}

/**
 * Finds every export and status file in a folder. Each export is verified against its manifest (same SHA-256, same
 * record count, the manifest naming it); one that does not match, or has none, is left out and named.
 */
export async function scanFleetFolder(folder: string): Promise<FleetFolder> {
  const names = (await nodeFs.readdir(folder)).sort()
  const found: FleetFolder = { exports: [], statuses: [], leftOut: [] }
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith('.manifest.json')) continue
    if (name.endsWith('.status.json')) {
      found.statuses.push(await readStatus(folder, name))
      continue
    }
    const match = exportName.exec(name)
    if (!match) continue
    const manifest = await readManifest(join(folder, `${name}.manifest.json`))
    if (typeof manifest === 'string') {
      found.leftOut.push({ file: name, reason: manifest })
      continue
    }
    if (manifest.file !== name || manifest.format !== match[2]) {
      found.leftOut.push({ file: name, reason: `its manifest describes ${manifest.file}, not this file` })
      continue
    }
    const outcome = await verifyExport(folder, manifest, `${name}.manifest.json`)
    if (!outcome.ok) {
      found.leftOut.push({ file: name, reason: `it does not match its manifest: ${outcome.message}` })
      continue
    }
    found.exports.push({ kind: match[1] as VerifiedExport['kind'], path: join(folder, name), manifest })
  }
  return found
}

/** The cells of a CSV export, row by row (the header skipped), as a stream. */
function csvRows(path: string): AsyncIterable<string[]> {
  return createReadStream(path).pipe(parse({ bom: true, from_line: 2, relax_column_count: false }))
}

/**
 * The records of a JSON export, one by one. A verified file is exactly what the kiosk's exporter wrote (two-space
 * indentation, each record an object opening on a line of its own at four spaces), so the records are cut out line
 * by line and each parsed alone, rather than the whole document at once.
 */
async function* jsonRecords(path: string): AsyncGenerator<Record<string, unknown>> {
  let lines: string[] | null = null
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (lines === null) {
      if (line === '    {') lines = [line]
      continue
    }
    lines.push(line)
    if (line === '    }' || line === '    },') {
      lines[lines.length - 1] = '    }'
      yield JSON.parse(lines.join('\n')) as Record<string, unknown>
      lines = null
    }
  }
}

const ratingOf = (cell: string | undefined): Rating => Number(cell) as Rating

/** The feedback records of a verified export, one by one, as the kiosk stored them. */
export async function* feedbackRecordsOf(found: VerifiedExport): AsyncGenerator<FeedbackRecord> {
  if (found.manifest.format === 'json') {
    for await (const record of jsonRecords(found.path)) yield record as unknown as FeedbackRecord
    return
  }
  for await (const cells of csvRows(found.path)) {
    const [id, time, station, articleId, sectionId, rating, comment, language, contentVersion, appVersion] = cells
    yield {
      id: id ?? '',
      time: time ?? '',
      station: station ?? '',
      articleId: articleId ?? '',
      sectionId: sectionId ? sectionId : null,
      rating: ratingOf(rating),
      // The exporter put an apostrophe before a cell a spreadsheet would take for a formula; it is not the patient's.
      comment: comment ? comment.replace(/^'(?=[=+\-@\t\r\n])/, '') : null,
      language: language ?? '',
      contentVersion: contentVersion ?? '',
      appVersion: appVersion ?? ''
    }
  }
}

const count = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell))

/** The rows of a verified engagement export, one by one. */
export async function* engagementRowsOf(found: VerifiedExport): AsyncGenerator<EngagementRow> {
  if (found.manifest.format === 'json') {
    for await (const row of jsonRecords(found.path)) yield row as unknown as EngagementRow
    return
  }
  for await (const cells of csvRows(found.path)) {
    const [day, station, articleId, sectionId, visits, finished, feedback, reached, shown, ...time] = cells
    yield {
      day: day ?? '',
      station: station ?? '',
      articleId: articleId ?? '',
      sectionId: sectionId ? sectionId : null,
      visits: count(visits),
      finished: count(finished),
      feedback: count(feedback),
      reached: count(reached),
      shown: count(shown),
      time: time.length === 4 && time[0] !== '' ? (time.map(Number) as TimeBuckets) : null
    }
  }
}
