import { stringify } from 'csv-stringify/sync'
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
 * Stops a spreadsheet from reading a cell as a formula (CSV injection): a cell that starts with = + - @, a tab or a
 * line break gets a leading apostrophe, which Excel and LibreOffice show as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell
}

/** UTF-8 with a byte-order mark (so Excel reads accents right), RFC 4180 quoting, CRLF rows, a header row. */
export function toCsv(records: readonly FeedbackRecord[]): string {
  const rows = records.map((record) =>
    [
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
    ].map(neutraliseFormula)
  )
  return `\uFEFF${stringify([[...csvColumns], ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ })}`
}

/** What an export covers, written into the JSON export and the manifest. */
export interface ExportRange {
  from: string | null
  to: string | null
}

/** A versioned JSON document holding the records, with what it covers and when it was made. */
export function toJson(records: readonly FeedbackRecord[], range: ExportRange, exportedAt: string): string {
  return `${JSON.stringify(
    { format: jsonFormat.name, version: jsonFormat.version, exportedAt, range, count: records.length, records },
    null,
    2
  )}\n`
}
