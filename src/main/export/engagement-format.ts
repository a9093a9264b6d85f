import type { TimeBuckets } from '../../shared/engagement'
import type { HeldDay } from '../feedback/engagement-store'
import { csvCell, type ExportRange, jsonPieces, neutraliseFormula } from './export-format'

// The engagement export, written beside the feedback export: one row per day and article (the article's visits,
// finished and feedback; no section) and one per day, article and section (reached, shown, time spread).

/** One row of an engagement export; the fields that do not apply to its kind of row are null. */
export interface EngagementRow {
  /** The clinic's local day, YYYY-MM-DD. */
  day: string
  station: string
  articleId: string
  /** Null on the article's own row. */
  sectionId: string | null
  visits: number | null
  finished: number | null
  feedback: number | null
  reached: number | null
  shown: number | null
  /** Views under 10 s, 10–30 s, 30–90 s, over 90 s. */
  time: TimeBuckets | null
}

/** The columns of an engagement CSV, in order. */
export const engagementColumns = [
  'day',
  'station',
  'article_id',
  'section_id',
  'visits',
  'finished',
  'feedback',
  'reached',
  'shown',
  'time_under_10s',
  'time_10s_to_30s',
  'time_30s_to_90s',
  'time_over_90s'
] as const

/** The name and version of the engagement JSON format, documented in docs/EXPORT.md. */
export const engagementJsonFormat = { name: 'waiting-room-kiosk-engagement', version: 1 } as const

/** The rows of the days held, in day order: each article's row, then its sections' rows. */
export function engagementRows(days: readonly HeldDay[], station: string): EngagementRow[] {
  const rows: EngagementRow[] = []
  for (const { day, articles } of days)
    for (const articleId of Object.keys(articles).sort()) {
      const article = articles[articleId]
      if (!article) continue
      const { visits, finished, feedback } = article
      rows.push({ day, station, articleId, sectionId: null, visits, finished, feedback, ...noSection })
      for (const [sectionId, { reached, shown, time }] of Object.entries(article.sections))
        rows.push({ day, station, articleId, sectionId, ...noArticle, reached, shown, time: [...time] })
    }
  return rows
}

const noSection = { reached: null, shown: null, time: null }
const noArticle = { visits: null, finished: null, feedback: null }

const number = (value: number | null) => (value === null ? '' : String(value))

function csvRow(row: EngagementRow): string {
  const cells = [
    row.day,
    row.station,
    row.articleId,
    row.sectionId ?? '',
    number(row.visits),
    number(row.finished),
    number(row.feedback),
    number(row.reached),
    number(row.shown),
    ...(row.time ?? ['', '', '', '']).map(String)
  ]
  return `${cells.map((cell) => csvCell(neutraliseFormula(cell))).join(',')}\r\n`
}

/** An engagement CSV in pieces, as the feedback CSV is written: byte-order mark, header row, CRLF, RFC 4180. */
export function* engagementCsvPieces(rows: readonly EngagementRow[], perPiece = 500): Generator<string> {
  yield `\uFEFF${engagementColumns.join(',')}\r\n`
  for (let start = 0; start < rows.length; start += perPiece)
    yield rows
      .slice(start, start + perPiece)
      .map(csvRow)
      .join('')
}

/** An engagement JSON document in pieces: `records` holds the rows. */
export function engagementJsonPieces(
  rows: readonly EngagementRow[],
  range: ExportRange,
  exportedAt: string
): Generator<string> {
  return jsonPieces(rows, range, exportedAt, 500, engagementJsonFormat)
}
