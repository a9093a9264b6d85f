import semver from 'semver'
import type { FeedbackRecord } from '../../shared/feedback'
import { commentMaxLength } from '../../shared/feedback'
import type { JsonFileOptions } from '../kiosk/json-file'
import { compileSchema } from './schema-check'

// The byte format of a month file: electron-store's JSON, written one record per line so an append encodes one record.

/** The format of a month file; bump it with a migration below when records change shape. */
export const feedbackDataVersion = '1.1.0'

/** What one month file holds. */
export interface MonthData extends Record<string, unknown> {
  records: FeedbackRecord[]
  /** Ids of this month's records that are in a verified export; only these may ever be removed. */
  exportedIds: string[]
}

const recordSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'articleId',
    'sectionId',
    'rating',
    'comment',
    'language',
    'contentVersion',
    'appVersion',
    'station',
    'time'
  ],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    articleId: { type: 'string', minLength: 1, maxLength: 100 },
    sectionId: { type: ['string', 'null'], maxLength: 160 },
    rating: { type: 'integer', minimum: 1, maximum: 3 },
    comment: { type: ['string', 'null'], maxLength: commentMaxLength },
    language: { type: 'string', maxLength: 16 },
    contentVersion: { type: 'string', maxLength: 64 },
    appVersion: { type: 'string', maxLength: 64 },
    station: { type: 'string', maxLength: 80 },
    time: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00\\.000Z$' }
  }
}

/** The options of a month file. */
export function monthFileOptions(): JsonFileOptions<MonthData> {
  return {
    schema: {
      records: { type: 'array', items: recordSchema },
      exportedIds: { type: 'array', items: { type: 'string' }, uniqueItems: true }
    },
    defaults: { records: [], exportedIds: [] },
    migrations: {
      // Files written before the data version was tracked hold the same records; this stamps them as 1.0.0, and
      // refuses (rather than repairs) one without a list of records, so the store moves it aside untouched.
      '1.0.0': (file) => {
        if (!Array.isArray(file.get('records'))) throw new Error('the file has no list of records')
      },
      // 1.1.0 remembers which records are in a verified export; records from before were never exported.
      '1.1.0': (file) => {
        if (!Array.isArray(file.get('exportedIds'))) file.set('exportedIds', [])
      }
    },
    projectVersion: feedbackDataVersion,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false
  }
}

/** The month a record is filed under: its (UTC) year and month. */
export function monthOf(time: string): string {
  return time.slice(0, 7)
}

/** One month as the store holds it between reading and writing its file. */
export interface Month {
  records: readonly FeedbackRecord[]
  exportedIds: readonly string[]
  /** The file's other top-level keys (electron-store's `__internal__` with the data version), written back as found. */
  rest: Readonly<Record<string, unknown>>
  /** Which file content this is (inode, size, modification time), to notice a change made by anyone else; null: none. */
  identity: string | null
  /** Each record as written, one line each; kept for a month being appended to, so an append encodes one record. */
  lines: Buffer[] | null
  /** The records as the file holds them (its lines and the commas between), while they are unchanged since read. */
  section: Buffer | null
  /** Why the store must never write this month's file (a newer kiosk version wrote it); absent when it may. */
  refusal?: string
}

/** The data version stamp electron-store keeps in each file, for a month that has no file yet. */
export const freshRest = () => ({ __internal__: { migrations: { version: feedbackDataVersion } } })

const checkMonth = compileSchema({ type: 'object', properties: monthFileOptions().schema })
/** Null when a record fits the schema every month file is held to, else what is wrong with it. */
export const checkRecord = compileSchema(recordSchema)

/** Why a record was not stored: it breaks the schema every month file is held to. */
export class RecordRefusedError extends Error {
  override name = 'RecordRefusedError'
}

/** How a month file this store writes begins, and what follows its last record. */
const layoutStart = Buffer.from('{\n"records": [\n')
const layoutRecordsEnd = Buffer.from('\n],\n"exportedIds": ')
const separator = Buffer.from(',\n')

/**
 * A file in this store's own layout, read record by record: each line between the start and the end of the list is
 * one record, so the list's bytes can be written again as they are (an export marked, a record added) without
 * encoding every record anew. Null for any other layout (electron-store's, a hand edit), which is read whole instead.
 * Each line and the rest are parsed on their own, so together they are the whole file's JSON.
 */
function parseLines(bytes: Buffer): { data: Record<string, unknown>; section: Buffer } | null {
  if (!bytes.subarray(0, layoutStart.length).equals(layoutStart)) return null
  const end = bytes.indexOf(layoutRecordsEnd, layoutStart.length)
  if (end < 0) return null
  const records: unknown[] = []
  try {
    for (let at = layoutStart.length; at < end;) {
      const lineFeed = bytes.indexOf(0x0a, at)
      const last = lineFeed < 0 || lineFeed >= end
      if (!last && bytes[lineFeed - 1] !== 0x2c) return null
      records.push(JSON.parse(bytes.toString('utf8', at, last ? end : lineFeed - 1)))
      if (last) break
      at = lineFeed + 1
    }
    const rest = JSON.parse(`{${bytes.toString('utf8', end + 3)}`) as Record<string, unknown>
    if (typeof rest !== 'object' || rest === null || Object.hasOwn(rest, 'records')) return null
    return { data: { ...rest, records }, section: bytes.subarray(layoutStart.length, end) }
  } catch {
    return null
  }
}

/** The lines of a records section that parseLines accepted: one per record, without the commas between. */
export function linesOf(section: Buffer): Buffer[] {
  const lines: Buffer[] = []
  for (let at = 0; at < section.length;) {
    const lineFeed = section.indexOf(0x0a, at)
    if (lineFeed < 0) {
      lines.push(section.subarray(at))
      break
    }
    lines.push(section.subarray(at, lineFeed - 1))
    at = lineFeed + 1
  }
  return lines
}

/**
 * A month read straight from its bytes, or null when electron-store has to look at it: an older data version to
 * migrate, or anything that is not JSON or breaks the schema (electron-store then refuses it and it is set aside).
 */
export function parseCurrent(bytes: Buffer): Omit<Month, 'identity'> | null {
  const split = parseLines(bytes)
  let data: unknown = split?.data
  if (!split) {
    try {
      data = JSON.parse(bytes.toString('utf8'))
    } catch {
      return null
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null
  const { records, exportedIds, ...rest } = data as Record<string, unknown>
  const version = (rest.__internal__ as { migrations?: { version?: unknown } } | undefined)?.migrations?.version
  if (version !== feedbackDataVersion || !Array.isArray(records) || !Array.isArray(exportedIds)) return null
  if (checkMonth({ records, exportedIds }) !== null) return null
  return {
    records: records as FeedbackRecord[],
    exportedIds: exportedIds as string[],
    rest,
    lines: null,
    section: split?.section ?? null
  }
}

/** A record as one line of a month file. */
export const lineOf = (record: FeedbackRecord) => Buffer.from(JSON.stringify(record))

/**
 * A month file's bytes: valid JSON that electron-store reads like its own, one record per line so that an append
 * re-encodes only the new record, and exportedIds and the data version after them. Without lines kept from earlier,
 * the records are encoded as one text (far fewer objects to allocate than a buffer per record).
 */
export function encodeMonth(month: Omit<Month, 'identity'>): Buffer {
  const parts: Buffer[] = [layoutStart]
  if (month.lines !== null)
    month.lines.forEach((line, index) => {
      if (index > 0) parts.push(separator)
      parts.push(line)
    })
  else if (month.section !== null) parts.push(month.section)
  else parts.push(Buffer.from(month.records.map((record) => JSON.stringify(record)).join(',\n')))
  let tail = `${layoutRecordsEnd.toString()}${JSON.stringify(month.exportedIds)}`
  for (const [key, value] of Object.entries(month.rest)) tail += `,\n${JSON.stringify(key)}: ${JSON.stringify(value)}`
  parts.push(Buffer.from(`${tail}\n}\n`))
  return Buffer.concat(parts)
}

/** The bytes of a month file holding these records, exactly as the store writes it (for seeding benchmarks). */
export function monthFileBytes(records: readonly FeedbackRecord[], exportedIds: readonly string[] = []): Buffer {
  return encodeMonth({ records, exportedIds, rest: freshRest(), lines: null, section: null })
}

/** What a month file is when it is not one this version reads straight away (see parseCurrent). */
export type MonthFileKind =
  /** Of this store's shape at an earlier data version (or this one): electron-store migrates it, or refuses it. */
  | { kind: 'older' }
  /** Written by a newer kiosk version: this one must not write into it. */
  | { kind: 'newer'; version: string }
  /** Anything else: kept aside byte for byte; `records` are the valid records found in it, each id once. */
  | { kind: 'unreadable'; reason: string; records: FeedbackRecord[] }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What a JSON value is, in a few words, for the reason a file was kept aside. */
function kindOfValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a bare list'
  return (
    { string: 'a text', number: 'a number', boolean: 'true or false', object: 'an object' }[typeof value as string] ??
    'nothing'
  )
}

/**
 * The data version a file is stamped with: undefined when it has none (written before versions were tracked), null
 * when the stamp is there but is not a version (electron-store would stop on it rather than migrate).
 */
function dataVersionOf(data: Record<string, unknown>): string | undefined | null {
  if (!Object.hasOwn(data, '__internal__')) return undefined
  const internal = data.__internal__
  if (!isPlainObject(internal)) return null
  if (!Object.hasOwn(internal, 'migrations')) return undefined
  const migrations = internal.migrations
  if (!isPlainObject(migrations)) return null
  if (!Object.hasOwn(migrations, 'version')) return undefined
  const version = migrations.version
  return typeof version === 'string' && semver.valid(version) !== null ? version : null
}

/** The valid records in a file's content (a bare list, or the list of a file refused as a whole), each id once. */
function recoverableRecords(data: unknown): FeedbackRecord[] {
  const items = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.records) ? data.records : []
  const seen = new Set<string>()
  const records: FeedbackRecord[] = []
  for (const item of items as unknown[]) {
    if (checkRecord(item) !== null) continue
    const record = item as FeedbackRecord
    if (seen.has(record.id)) continue
    seen.add(record.id)
    records.push(record)
  }
  return records
}

/**
 * Says what a month file that parseCurrent did not accept is, from its bytes, before electron-store may touch it:
 * electron-store merges any JSON it is given into its defaults and writes that back (a bare list, null, an object
 * without records would silently become an empty month), and stamps a newer file down to this version. Only a file of
 * this store's shape at an earlier (or the same) data version is left for electron-store to migrate or refuse.
 */
export function classifyMonthFile(bytes: Buffer): MonthFileKind {
  let data: unknown
  try {
    data = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not JSON (${(error as Error).message})`, records: [] }
  }
  const unreadable = (reason: string): MonthFileKind => ({
    kind: 'unreadable',
    reason,
    records: recoverableRecords(data)
  })
  if (!isPlainObject(data)) return unreadable(`it holds ${kindOfValue(data)}, not a month file's object`)
  const version = dataVersionOf(data)
  if (version === null) return unreadable('its data version stamp (__internal__.migrations.version) is damaged')
  if (version !== undefined && semver.gt(version, feedbackDataVersion)) return { kind: 'newer', version }
  if (!Object.hasOwn(data, 'records')) return unreadable('it has no list of records')
  if (!Array.isArray(data.records)) return unreadable(`its records are ${kindOfValue(data.records)}, not a list`)
  if (Object.hasOwn(data, 'exportedIds') && !Array.isArray(data.exportedIds))
    return unreadable(`its exportedIds are ${kindOfValue(data.exportedIds)}, not a list`)
  return { kind: 'older' }
}

/** The valid records in a file electron-store refused, each id once, so they can go back into the live month. */
export function recordsIn(bytes: Buffer): FeedbackRecord[] {
  try {
    return recoverableRecords(JSON.parse(bytes.toString('utf8')))
  } catch {
    return []
  }
}
