import { createReadStream } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { FeedbackRecord, Rating } from '../../shared/feedback'
import type { TimeBuckets } from '../../shared/engagement'
import type { KioskStatus } from '../kiosk/status-file'
import { articleTitlesProblem, statusFormat } from '../kiosk/status-file'
import { engagementColumns, engagementJsonFormat, type EngagementRow } from './engagement-format'
import { csvColumns, jsonFormat } from './export-format'
import { type Manifest, verifyExport } from './exporter'
import {
  engagementRowProblem,
  feedbackRecordProblem,
  FileProblem,
  manifestProblem,
  maxExportBytes,
  readBounded,
  recordProblem,
  statusProblem
} from './fleet-checks'

// What the fleet report finds in a shared folder: exports (each checked against its manifest, and each record against
// the kiosk's schema, before anything in it is counted) and status files, each checked whole. Exports are read one
// file at a time, so a folder of a million records never sits in memory.

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
  let bytes: Buffer
  try {
    bytes = await readBounded(path)
  } catch (error) {
    if (error instanceof FileProblem) return `its manifest is damaged: ${error.message}`
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'it has no manifest beside it (an unfinished or hand-made file)'
      : `its manifest could not be read: ${(error as Error).message}`
  }
  try {
    const manifest: unknown = JSON.parse(bytes.toString('utf8'))
    const problem = manifestProblem(manifest)
    return problem === null ? (manifest as Manifest) : `its manifest is damaged: ${problem}`
  } catch {
    return 'its manifest is damaged: not JSON'
  }
}

/** Reads a status file; a half-written, foreign or incomplete one is named with its problem. */
async function readStatus(folder: string, name: string): Promise<FoundStatus> {
  try {
    const status: unknown = JSON.parse((await readBounded(join(folder, name))).toString('utf8'))
    if ((status as Partial<KioskStatus> | null)?.format !== statusFormat.name)
      return { file: name, problem: 'not a kiosk status file' }
    const problem = statusProblem(status) ?? articleTitlesProblem((status as Partial<KioskStatus>).articleTitles)
    return problem === null
      ? { file: name, status: status as KioskStatus }
      : { file: name, problem: `damaged: ${problem}` }
  } catch (error) {
    if (error instanceof SyntaxError) return { file: name, problem: 'unreadable (cut short or damaged)' }
    return { file: name, problem: error instanceof Error ? error.message : String(error) }
  }
}

/** Why a folder entry is no file the report may read (a link may lead out of the folder), or null for a plain file. */
async function notAPlainFile(path: string, limit: number): Promise<string | null> {
  const entry = await nodeFs.lstat(path)
  if (entry.isSymbolicLink()) return 'it is a link, not a file (links are not followed)'
  if (!entry.isFile()) return 'it is not a file'
  return entry.size > limit ? `it is larger than ${Math.round(limit / 1024 / 1024)} MB` : null
}

/** An export found in the folder, verified against its manifest, or why it is left out. */
async function verifiedExport(folder: string, name: string, match: RegExpExecArray): Promise<VerifiedExport | string> {
  const path = join(folder, name)
  const odd = await notAPlainFile(path, maxExportBytes)
  if (odd !== null) return odd
  const manifestOdd = await notAPlainFile(`${path}.manifest.json`, maxExportBytes).catch(() => null)
  if (manifestOdd !== null) return `its manifest: ${manifestOdd}`
  const manifest = await readManifest(`${path}.manifest.json`)
  if (typeof manifest === 'string') return manifest
  if (manifest.file !== name || manifest.format !== match[2])
    return `its manifest describes ${manifest.file}, not this file`
  const outcome = await verifyExport(folder, manifest, `${name}.manifest.json`)
  if (!outcome.ok) return `it does not match its manifest: ${outcome.message}`
  return { kind: match[1] as VerifiedExport['kind'], path, manifest }
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
    const match = exportName.exec(name)
    if (!name.endsWith('.status.json') && !match) continue
    // One file that cannot be read (gone meanwhile, locked, a folder by that name) is named; the rest goes on.
    try {
      if (name.endsWith('.status.json')) {
        const odd = await notAPlainFile(join(folder, name), maxExportBytes)
        found.statuses.push(odd === null ? await readStatus(folder, name) : { file: name, problem: odd })
        continue
      }
      const outcome = await verifiedExport(folder, name, match as RegExpExecArray)
      if (typeof outcome === 'string') found.leftOut.push({ file: name, reason: outcome })
      else found.exports.push(outcome)
    } catch (error) {
      found.leftOut.push({ file: name, reason: `it could not be read: ${(error as Error).message}` })
    }
  }
  return found
}

/** Throws a FileProblem when a CSV's header row is not the columns its kind of export is written with. */
function checkHeader(cells: readonly string[] | undefined, columns: readonly string[]): void {
  const first = cells?.[0]?.replace(/^\uFEFF/, '')
  if (
    cells?.length !== columns.length ||
    first !== columns[0] ||
    cells.some((cell, at) => at > 0 && cell !== columns[at])
  )
    throw new FileProblem(`its first row is not the header of this kind of export (${columns.join(',')})`)
}

/**
 * The rows of a CSV export (the header checked and left out). A file is read and parsed whole, one file at a time:
 * the verification before it has read it whole too, and kiosk exports are a few megabytes each, so the memory follows
 * the largest file, never the folder. papaparse, since it parses these rows about three times as fast as csv-parse.
 */
async function csvRows(path: string, columns: readonly string[]): Promise<string[][]> {
  const text = (await nodeFs.readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, newline: '\r\n' })
  const error = parsed.errors[0]
  if (error) throw new FileProblem(`record ${error.row ?? 0}: ${error.message}`)
  checkHeader(parsed.data[0], columns)
  return parsed.data.slice(1)
}

/** The records of a JSON export of the format named, as the exporter wrote them under `records`. */
async function jsonRecords(path: string, format: string): Promise<unknown[]> {
  let document: { format?: unknown; records?: unknown } | null
  try {
    document = JSON.parse(await nodeFs.readFile(path, 'utf8')) as typeof document
  } catch (error) {
    throw new FileProblem(error instanceof SyntaxError ? 'it is not JSON (cut short or damaged)' : String(error))
  }
  if (document?.format !== format) throw new FileProblem(`it is not a ${format} document`)
  if (!Array.isArray(document.records)) throw new FileProblem('it has no list of records')
  return document.records
}

/** Throws a FileProblem naming the first record that breaks `problemOf`, counting from `first`. */
function checkAll(records: readonly unknown[], problemOf: (record: unknown) => string | null, first = 0): void {
  for (let index = 0; index < records.length; index += 1) {
    const problem = problemOf(records[index])
    if (problem !== null) throw new FileProblem(recordProblem(first + index, problem))
  }
}

const ratingOf = (cell: string | undefined): Rating => Number(cell) as Rating

/** A row of a feedback CSV export as the record the kiosk stored, or why it cannot be one. */
function feedbackRecordOf(cells: string[], index: number): FeedbackRecord {
  if (cells.length !== csvColumns.length)
    throw new FileProblem(recordProblem(index, `has ${cells.length} cells, not ${csvColumns.length}`))
  const [id, time, station, articleId, sectionId, rating, comment, language, contentVersion, appVersion] = cells
  const record: FeedbackRecord = {
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
  const problem = feedbackRecordProblem(record)
  if (problem !== null) throw new FileProblem(recordProblem(index, problem))
  return record
}

/**
 * Hands the feedback records of a verified export to `take`, a few thousand at a time, as the kiosk stored them, each
 * checked against the kiosk's schema first. A CSV export is read and parsed as a stream, each part counted before the
 * next is read, so its rows die young and the report's memory stays flat however many files there are; a JSON export
 * is parsed whole. Rejects with a FileProblem when the file breaks (the caller then undoes what `take` counted of it),
 * or with take's own error.
 */
export async function eachFeedbackBatch(
  found: VerifiedExport,
  take: (records: FeedbackRecord[]) => Promise<void>
): Promise<void> {
  if (found.manifest.format === 'json') {
    const records = await jsonRecords(found.path, jsonFormat.name)
    checkAll(records, feedbackRecordProblem)
    return take(records as FeedbackRecord[])
  }
  await new Promise<void>((resolve, reject) => {
    let header = true
    let failed = false
    let counted = 0
    const fail = (error: unknown, parser?: Papa.Parser) => {
      failed = true
      parser?.abort()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    Papa.parse<string[]>(createReadStream(found.path, { encoding: 'utf8', highWaterMark: 256 * 1024 }), {
      skipEmptyLines: true,
      newline: '\r\n',
      chunk: (results, parser) => {
        if (failed) return
        let records: FeedbackRecord[]
        try {
          const error = results.errors[0]
          if (error) throw new FileProblem(`record ${counted + (error.row ?? 0)}: ${error.message}`)
          if (header) checkHeader(results.data[0], csvColumns)
          const rows = header ? results.data.slice(1) : results.data
          header = false
          records = rows.map((cells, index) => feedbackRecordOf(cells, counted + index))
          counted += rows.length
        } catch (error) {
          fail(error, parser)
          return
        }
        parser.pause()
        take(records).then(
          () => parser.resume(),
          (error: unknown) => fail(error, parser)
        )
      },
      complete: () => {
        if (failed) return
        if (header) reject(new FileProblem('it is empty: not even a header row'))
        else resolve()
      },
      error: (error: Error) => fail(new FileProblem(`it could not be read: ${error.message}`))
    })
  })
}

const count = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell))

/** The rows of a verified engagement export, each checked against the kiosk's schema; a FileProblem names the first bad one. */
export async function engagementRowsOf(found: VerifiedExport): Promise<EngagementRow[]> {
  if (found.manifest.format === 'json') {
    const rows = await jsonRecords(found.path, engagementJsonFormat.name)
    checkAll(rows, engagementRowProblem)
    return rows as EngagementRow[]
  }
  const rows = (await csvRows(found.path, engagementColumns)).map((cells, index): EngagementRow => {
    if (cells.length !== engagementColumns.length)
      throw new FileProblem(recordProblem(index, `has ${cells.length} cells, not ${engagementColumns.length}`))
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
      time: time.every((cell) => cell === '') ? null : (time.map(count) as TimeBuckets)
    }
  })
  checkAll(rows, engagementRowProblem)
  return rows
}
