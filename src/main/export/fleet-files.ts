import { createReadStream } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { FeedbackRecord, Rating } from '../../shared/feedback'
import type { TimeBuckets } from '../../shared/engagement'
import type { KioskStatus } from '../kiosk/status-file'
import { articleTitlesProblem, statusFormat } from '../kiosk/status-file'
import type { EngagementRow } from './engagement-format'
import { type Manifest, verifyExport } from './exporter'

// What the fleet report finds in a shared folder: exports (each checked against its manifest before anything in it is
// counted) and status files. Exports are read one file at a time, so a folder of a million records never sits in
// memory.

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
    const titles = articleTitlesProblem(status.articleTitles)
    if (titles) return { file: name, problem: titles }
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

/**
 * The rows of a CSV export (the header left out). A file is read and parsed whole, one file at a time: the verification
 * before it has read it whole too, and kiosk exports are a few megabytes each, so the memory follows the largest file,
 * never the folder. papaparse, since it parses these rows about three times as fast as csv-parse.
 */
async function csvRows(path: string): Promise<string[][]> {
  const text = (await nodeFs.readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, newline: '\r\n' })
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]?.message ?? 'not CSV'}`)
  return parsed.data.slice(1)
}

/** The records of a JSON export, as the exporter wrote them under `records`. */
async function jsonRecords(path: string): Promise<unknown[]> {
  const document = JSON.parse(await nodeFs.readFile(path, 'utf8')) as { records?: unknown }
  if (!Array.isArray(document.records)) throw new Error(`${path}: no records in it`)
  return document.records
}

const ratingOf = (cell: string | undefined): Rating => Number(cell) as Rating

/** A row of a feedback CSV export as the record the kiosk stored. */
function feedbackRecordOf(cells: string[]): FeedbackRecord {
  const [id, time, station, articleId, sectionId, rating, comment, language, contentVersion, appVersion] = cells
  return {
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

/**
 * Hands the feedback records of a verified export to `take`, a few thousand at a time, as the kiosk stored them. A CSV
 * export is read and parsed as a stream, each part counted before the next is read, so its rows die young and the
 * report's memory stays flat however many files there are; a JSON export is parsed whole.
 */
export async function eachFeedbackBatch(
  found: VerifiedExport,
  take: (records: FeedbackRecord[]) => Promise<void>
): Promise<void> {
  if (found.manifest.format === 'json') return take((await jsonRecords(found.path)) as FeedbackRecord[])
  await new Promise<void>((resolve, reject) => {
    let header = true
    let failed = false
    Papa.parse<string[]>(createReadStream(found.path, { encoding: 'utf8', highWaterMark: 256 * 1024 }), {
      skipEmptyLines: true,
      newline: '\r\n',
      chunk: (results, parser) => {
        if (results.errors.length > 0) {
          failed = true
          parser.abort()
          reject(new Error(`${found.path}: ${results.errors[0]?.message ?? 'not CSV'}`))
          return
        }
        const rows = header ? results.data.slice(1) : results.data
        header = false
        parser.pause()
        take(rows.map(feedbackRecordOf)).then(
          () => parser.resume(),
          (error: unknown) => {
            failed = true
            parser.abort()
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        )
      },
      complete: () => {
        if (!failed) resolve()
      },
      error: (error: Error) => reject(error)
    })
  })
}

const count = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell))

/** The rows of a verified engagement export. */
export async function engagementRowsOf(found: VerifiedExport): Promise<EngagementRow[]> {
  if (found.manifest.format === 'json') return (await jsonRecords(found.path)) as EngagementRow[]
  return (await csvRows(found.path)).map((cells): EngagementRow => {
    const [day, station, articleId, sectionId, visits, finished, feedback, reached, shown, ...time] = cells
    return {
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
  })
}
