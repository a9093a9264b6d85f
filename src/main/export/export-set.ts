import { basename } from 'node:path'
import type { FeedbackRecord } from '../../shared/feedback'
import { engagementCsvPieces, engagementJsonPieces, type EngagementRow } from './engagement-format'
import type { ExportRange } from './export-format'
import * as nodeFs from 'node:fs/promises'
import {
  type ExportErrorCode,
  type ExportFormat,
  type ExportFs,
  type Manifest,
  removeExport,
  stationFileLabel,
  writeCheckedFile,
  writeExport,
  writeExportFile
} from './exporter'

/** What one export writes: the feedback, the engagement aggregates beside it, and optionally a report of both. */
export interface ExportSetRequest {
  folder: string
  format: ExportFormat
  records: readonly FeedbackRecord[]
  /** The engagement rows of the days the export covers. */
  engagement: readonly EngagementRow[]
  range: ExportRange
  station: string
  now: Date
  /** The report's page, given the names of the files written (null: no report). */
  report: ((files: string[]) => string) | null
}

/** A finished, verified file of an export with its manifest. */
export interface WrittenExport {
  file: string
  manifestFile: string
  manifest: Manifest
}

/** Every file an export wrote, each verified; or why there is none. */
export type ExportSetOutcome =
  | { ok: true; feedback: WrittenExport | null; engagement: WrittenExport | null; report: string | null }
  | { ok: false; code: ExportErrorCode; message: string }

/** `engagement_<station label>_<first day>_<last day>.<format>`, as the feedback export is named. */
export function engagementFileName(rows: readonly EngagementRow[], station: string, format: ExportFormat): string {
  const days = rows.map((row) => row.day).sort()
  return `engagement_${stationFileLabel(station)}_${days[0] ?? ''}_${days.at(-1) ?? ''}.${format}`
}

/** The report's name: beside the data, named after the feedback (or engagement) file it describes. */
function reportName(written: WrittenExport): string {
  const name = basename(written.file)
  return `${name.slice(0, name.lastIndexOf('.'))}.report.html`
}

/**
 * Writes an export as one whole: the feedback file (when there are records), the engagement file (when there are
 * aggregates), each with its manifest and verified by the exporter, then the report. If any file fails, the files
 * already written are taken off the drive again, so an export is all there or not at all.
 */
export async function writeExportSet(request: ExportSetRequest, fs: ExportFs = nodeFs): Promise<ExportSetOutcome> {
  if (request.records.length === 0 && request.engagement.length === 0)
    return { ok: false, code: 'nothing-to-export', message: 'there is no feedback or engagement in that range' }
  const done: WrittenExport[] = []
  const failed = async (outcome: { code: ExportErrorCode; message: string }): Promise<ExportSetOutcome> => {
    for (const written of done.reverse()) await removeExport(written, fs)
    return { ok: false, code: outcome.code, message: outcome.message }
  }
  let feedback: WrittenExport | null = null
  if (request.records.length > 0) {
    const outcome = await writeExport(request, fs)
    if (!outcome.ok) return failed(outcome)
    done.push((feedback = outcome))
  }
  let engagement: WrittenExport | null = null
  if (request.engagement.length > 0) {
    const exportedAt = request.now.toISOString()
    const outcome = await writeExportFile(
      {
        ...request,
        name: engagementFileName(request.engagement, request.station, request.format),
        records: request.engagement.length,
        pieces:
          request.format === 'csv'
            ? engagementCsvPieces(request.engagement)
            : engagementJsonPieces(request.engagement, request.range, exportedAt)
      },
      fs
    )
    if (!outcome.ok) return failed(outcome)
    done.push((engagement = outcome))
  }
  let report: string | null = null
  const first = feedback ?? engagement
  if (request.report && first) {
    const page = request.report(done.map((written) => written.manifest.file))
    const outcome = await writeCheckedFile(request.folder, reportName(first), page, fs)
    if (!outcome.ok) return failed(outcome)
    report = outcome.file
  }
  return { ok: true, feedback, engagement, report }
}

/** The local days an engagement export covers, for marking them exported. */
export function engagementDaysOf(rows: readonly EngagementRow[]): string[] {
  return [...new Set(rows.map((row) => row.day))]
}

/** Whether a local day falls in an export's range of days (null ends: open). */
export function dayInRange(day: string, from: string | null, to: string | null): boolean {
  return (from === null || day >= from) && (to === null || day <= to)
}
