import * as nodeFs from 'node:fs/promises'
import { sectionIdPattern } from '../../shared/article-schema'
import { engagementSchemaParts } from '../feedback/engagement-store'
import { checkRecord } from '../feedback/month-file'
import { compileSchema } from '../feedback/schema-check'
import { statusFormat } from '../kiosk/status-file'

// Every file in a shared folder is untrusted: whoever can write an export can write a manifest that matches it. These
// checks hold each record, manifest and status file to the schema the kiosk stores it with, so a file that does not fit
// is named and left out before any of it reaches a figure.

/** Why an input file is left out; thrown by the readers, caught by the report, which names the file and goes on. */
export class FileProblem extends Error {
  override name = 'FileProblem'
}

/** The largest manifest or status file read (a kiosk writes about 1 KB): a larger one is left out unread. */
export const maxSmallFileBytes = 64 * 1024

/** The largest export read: a kiosk's export of years of feedback is tens of megabytes; more is no kiosk's. */
export const maxExportBytes = 256 * 1024 * 1024

/** Reads a small file whole, never more than `limit` bytes of it; a larger file is a FileProblem. */
export async function readBounded(path: string, limit = maxSmallFileBytes): Promise<Buffer> {
  const handle = await nodeFs.open(path, 'r')
  try {
    const buffer = Buffer.alloc(limit + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length > limit) throw new FileProblem(`it is larger than ${Math.round(limit / 1024)} KB`)
    }
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

/** Turns a schema check's "value/comment must be …" into "comment must be …" (the field, never its contents). */
const fieldWords = (problem: string): string =>
  problem.startsWith('value/') ? problem.slice('value/'.length) : problem.replace(/^value /, '')

/** "record 3: comment must be string,null": which record of a file, and which field of it, is wrong. */
export const recordProblem = (index: number, problem: string): string => `record ${index + 1}: ${fieldWords(problem)}`

/** Null when a feedback record is one the kiosk would store (its month file's schema, and a real time), else why not. */
export function feedbackRecordProblem(value: unknown): string | null {
  const problem = checkRecord(value)
  if (problem !== null) return problem
  // The store's pattern lets "2026-13-45T…" by; no figure can place it on a day.
  return Number.isFinite(Date.parse((value as { time: string }).time)) ? null : 'value/time must be a real time'
}

const { count, articleIdPattern, sectionDay } = engagementSchemaParts
/** A count as the store keeps it, bounded so that adding many up stays a number. */
const rowCount = { ...count, maximum: Number.MAX_SAFE_INTEGER }
const none = { type: 'null' }
const timeCounts = { ...sectionDay.properties.time, items: rowCount }

/** An engagement export's row: the day, station and article of the store's file, and an article's or a section's counts. */
const checkEngagementRow = compileSchema({
  type: 'object',
  additionalProperties: false,
  required: ['day', 'station', 'articleId', 'sectionId', 'visits', 'finished', 'feedback', 'reached', 'shown', 'time'],
  properties: {
    day: { type: 'string', format: 'date' },
    // As long as a feedback record's station may be.
    station: { type: 'string', maxLength: 80 },
    articleId: { type: 'string', maxLength: 100, pattern: articleIdPattern },
    sectionId: { type: ['string', 'null'], maxLength: 160, pattern: sectionIdPattern.source },
    visits: {},
    finished: {},
    feedback: {},
    reached: {},
    shown: {},
    time: {}
  },
  if: { properties: { sectionId: none } },
  then: {
    properties: { visits: rowCount, finished: rowCount, feedback: rowCount, reached: none, shown: none, time: none }
  },
  else: {
    properties: { visits: none, finished: none, feedback: none, reached: rowCount, shown: rowCount, time: timeCounts }
  }
})

/** Null when an engagement row is one the kiosk's store could have held, else why not. */
export const engagementRowProblem = (value: unknown): string | null => checkEngagementRow(value)

const checkManifest = compileSchema({
  type: 'object',
  required: ['file', 'format', 'records', 'sha256', 'range', 'station', 'exportedAt'],
  properties: {
    file: { type: 'string', maxLength: 255 },
    format: { enum: ['csv', 'json'] },
    records: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    range: {
      type: 'object',
      required: ['from', 'to'],
      properties: { from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] } }
    },
    station: { type: 'string', maxLength: 80 },
    exportedAt: { type: 'string', format: 'date-time' }
  }
})

/** Null when a manifest has every field the exporter writes, of its type, else which field is wrong. */
export const manifestProblem = (value: unknown): string | null => {
  const problem = checkManifest(value)
  return problem === null ? null : fieldWords(problem)
}

const isoTime = { type: 'string', format: 'date-time', maxLength: 40 }
const text = (maxLength: number) => ({ type: 'string', maxLength })
const whole = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }
const strict = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties
})
const orNull = (schema: object) => ({ oneOf: [none, schema] })

/** Fields a status file may lack: kiosks before them did not write them. */
const optionalStatusFields = new Set(['articleTitles'])

/** A strict object whose optional fields may be left out. */
const strictWithOptional = (properties: Record<string, unknown>) => {
  const schema = strict(properties)
  return { ...schema, required: schema.required.filter((key) => !optionalStatusFields.has(key)) }
}

/** The whole of a status file, field by field, as kioskStatusOf writes it (a test holds the two together). */
const checkStatus = compileSchema(
  strictWithOptional({
    format: { const: statusFormat.name },
    version: { const: statusFormat.version },
    writtenAt: isoTime,
    station: { type: 'string', minLength: 1, maxLength: 80 },
    appVersion: text(64),
    uptimeSeconds: { type: 'number', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    content: strict({
      source: { enum: ['folder', 'last-good-copy', 'pack', 'bundled'] },
      since: text(40),
      version: text(64)
    }),
    records: strict({ held: whole, notExported: whole }),
    engagementDays: strict({ held: whole, notExported: whole }),
    lastExport: orNull(strict({ at: isoTime, records: whole })),
    lastScheduledExport: orNull(strict({ at: isoTime, ok: { type: 'boolean' }, message: text(500) })),
    recentErrors: whole,
    clinicHours: { enum: ['open', 'closed', 'not-set'] },
    openingHours: orNull(
      strict({
        days: { type: 'array', maxItems: 7, items: { type: 'integer', minimum: 0, maximum: 6 } },
        open: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
        close: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }
      })
    ),
    everyMinutes: { type: 'number', exclusiveMinimum: 0, maximum: 10_000 },
    // Its ids and titles are checked one by one after the schema (articleTitlesProblem in status-file.ts).
    articleTitles: { type: 'object' }
  })
)

/** Null when a status file holds every field a kiosk writes, each of its type, and nothing else; else which is wrong. */
export const statusProblem = (value: unknown): string | null => {
  const problem = checkStatus(value)
  return problem === null ? null : fieldWords(problem)
}
