import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { contentReviews } from '../../shared/content-review'
import { localDay } from '../../shared/local-day'
import { changedSettings } from '../../shared/config'
import type { FeedbackRecord } from '../../shared/feedback'
import { fail, ok, type Result } from '../../shared/result'
import type {
  DataHealth,
  Destination,
  ExportRangeChoice,
  ExportReceipt,
  PinChangeAnswer,
  StaffStatus,
  StaffSummary,
  StatusFolderState,
  UnlockAnswer
} from '../../shared/staff'
import type { ContentState } from '../content/content-library'
import type { RemovableDrive } from '../export/drives'
import { engagementRows } from '../export/engagement-format'
import { dayInRange, engagementDaysOf, writeExportSet } from '../export/export-set'
import { type ExportFormat, type Manifest, verifyExport } from '../export/exporter'
import { kioskReportHtml, type StatusLines } from '../export/report-html'
import type { HeldDay } from '../feedback/engagement-store'
import type { FeedbackReading } from '../feedback/feedback-store'
import { type KioskStatus, kioskStatusOf } from '../kiosk/status-file'
import { engagementSummaryOf } from './engagement-summary'
import { kioskStatusLines } from './kiosk-status'

import { sortedByTime } from '../feedback/time-order'

export { sortedByTime }
import { type JsonFile, openOrSetAside } from '../kiosk/json-file'
import { processReadings } from './machine-health'
import { SessionFolderPicker } from './session-folder-picker'
import { systemTimers } from '../../shared/timers'
import { articleSummariesOf, overallFiguresOf, smallGroup, tally, trendOf } from './summary'
import { type ExportExtras, type ExportLogData, exportLogOptions, type StaffServiceOptions } from './staff-options'

export type { AppControl, ExportExtras, StaffServiceOptions } from './staff-options'

interface Receipt {
  ids: Set<string>
  folder: string
  manifest: Manifest
  manifestFile: string
}

/** Staff mode's work in main: the session gate, the summary, exports and clearing, retention and app actions. */
export class StaffService {
  readonly #options: StaffServiceOptions
  readonly #log: JsonFile<ExportLogData>
  #destinations = new Map<string, { label: string; path: string; kind: Destination['kind'] }>()
  readonly #receipts = new Map<string, Receipt>()
  readonly #picker: SessionFolderPicker | null

  constructor(options: StaffServiceOptions) {
    this.#options = options
    const { pickFolder } = options.app
    const session = () => options.auth.currentSession()
    this.#picker = pickFolder ? new SessionFolderPicker(pickFolder, session, options.timers ?? systemTimers) : null
    this.#log = openOrSetAside(
      options.openJsonFile,
      options.dataFolder,
      'exports',
      exportLogOptions(),
      options.now
    ).file
  }

  /** Where staff mode stands; no secret in it (where the setup code is, never the code). */
  status(): StaffStatus {
    const { auth } = this.#options
    return {
      inSession: auth.inSession(),
      hasPin: auth.hasPin(),
      canCreatePin: auth.canCreatePinOnScreen(),
      lockedSeconds: auth.lockedSeconds(),
      setupCodeFile: auth.setupCodeFile()
    }
  }

  /**
   * First use: with the one-time setup code from the data folder, sets the PIN typed twice and opens a session. A
   * wrong code counts toward the lockout; once a PIN exists, only a change from staff mode or IT's --set-pin sets one.
   */
  async createPin(setupCode: string, pin: string, confirmation: string): Promise<Result<UnlockAnswer>> {
    const { auth } = this.#options
    if (!auth.canCreatePinOnScreen()) {
      return fail('staff-locked', 'a PIN is already set (or must be set by IT); staff change it from staff mode')
    }
    if (pin !== confirmation) return fail('invalid-input', 'the two PINs are different')
    const answer = await auth.createFirstPin(setupCode, pin)
    if (answer.ok) return ok({ unlocked: true })
    const refusal = answer.refusal
    if (refusal.reason === 'not-allowed') return fail('staff-locked', 'a PIN is already set, or must be set by IT')
    return ok({ unlocked: false, ...refusal })
  }

  /** Changes the PIN inside a session: the current one, then the new one twice; a wrong current PIN counts. */
  async changePin(current: string, pin: string, confirmation: string): Promise<Result<PinChangeAnswer>> {
    if (pin !== confirmation) return fail('invalid-input', 'the two new PINs are different')
    const answer = await this.#options.auth.changePin(current, pin)
    if (answer.ok) return ok({ changed: true })
    const refusal = answer.refusal
    if (refusal.reason === 'no-pin') return fail('staff-locked', 'there is no PIN to change; IT sets it')
    return ok({ changed: false, ...refusal })
  }

  /** Tries a PIN. */
  async unlock(pin: string): Promise<Result<UnlockAnswer>> {
    const answer = await this.#options.auth.unlock(pin)
    if (answer.ok) return ok({ unlocked: true })
    const refusal = answer.refusal
    if (refusal.reason === 'no-pin') {
      return ok({ unlocked: false, reason: this.#options.auth.canCreatePinOnScreen() ? 'no-pin' : 'reset-required' })
    }
    return ok({ unlocked: false, ...refusal })
  }

  /** Runs a staff-only operation inside a session, and keeps the session alive; refuses it outside one. */
  async inSession<T>(operation: () => Promise<Result<T>>): Promise<Result<T>> {
    if (!this.#options.auth.inSession()) return fail('staff-locked', 'staff mode is locked')
    this.#options.auth.touch()
    return operation()
  }

  /** Ends the session, and closes the folder picker if it is open. */
  end(): void {
    this.#options.auth.end()
    this.#picker?.sessionEnded()
  }

  /** Everything the summary screen shows. */
  async summary(): Promise<StaffSummary> {
    // Each month is counted up once and again only when its file changes, not read whole on every opening.
    const tallies = await this.#options.store.monthly(tally)
    const { content } = this.#options
    const overall = overallFiguresOf(tallies)
    const { articles, translations } = content().playlist
    return {
      overall,
      articles: articleSummariesOf(tallies, articles),
      trend: trendOf(tallies, this.#options.now()),
      health: await this.health(overall.count),
      smallGroup,
      engagement: engagementSummaryOf(this.#options.engagement?.days() ?? [], articles, translations)
    }
  }

  /** The data-health panel. */
  async health(records: number): Promise<DataHealth> {
    const { store, config } = this.#options
    const content = this.#options.latestContent ?? this.#options.content
    const machine = this.#options.machine ?? processReadings
    const files = await store.files()
    const retention = this.#log.get('retention')
    return {
      records,
      storeFiles: files.count,
      storeBytes: files.bytes,
      lastExport: this.#log.get('lastExport'),
      lastScheduledExport: this.#log.get('lastScheduledExport'),
      recoveredFiles: store
        .recoveries()
        .map(({ file, backup, time, recovered }) => ({ file, backup, time, recovered: recovered ?? 0 })),
      contentProblems: content().problems,
      contentReviews: contentReviews(content().playlist, localDay(this.#options.now()), config.hideArticlesPastReview),
      configProblems: this.#options.configProblems,
      retention: {
        days: config.retentionDays,
        lastRemoved: retention?.removed ?? 0,
        waitingForExport: retention?.waitingForExport ?? 0
      },
      appVersion: this.#options.appVersion,
      // The version patients see now; the problems and reviews above are of the newest read.
      contentVersion: this.#options.content().playlist.contentVersion,
      station: config.stationLabel,
      configFile: this.#options.configFile,
      recentErrors: this.#options.recentErrors(),
      dataFolder: this.#options.dataFolderInUse ?? { path: this.#options.dataFolder, source: 'user', passedOver: [] },
      newerDataFiles: store.newerFiles(),
      leftoverFilesRemoved: await store.leftoverFilesRemoved(),
      changedSettings: changedSettings(config),
      notInPlaylist: content().notInPlaylist.map(({ id, title, file }) => ({ articleId: id, title, file })),
      uptimeSeconds: Math.floor(machine.uptimeSeconds()),
      memoryBytes: machine.memoryBytes(),
      diskFreeBytes: await machine.diskFreeBytes(this.#options.dataFolder),
      engagementDays: this.#engagementDays(retention?.engagementDaysWaiting ?? 0),
      statusFolder: this.#statusFolder,
      contentSource: this.#options.contentSource?.() ?? { ...content().source, waiting: false }
    }
  }

  #statusFolder: StatusFolderState | null = null

  /** How the last write of the status file went, for data health. */
  noteStatusFolder(state: StatusFolderState): void {
    this.#statusFolder = state
  }

  /** The kiosk's status for the status file in `statusFolder`: how it stands, nothing about a patient. */
  async kioskStatus(): Promise<KioskStatus> {
    const reading = await this.#options.store.read()
    const { config, now } = this.#options
    const health = await this.health(reading.records.length)
    const { articles } = this.#options.content().playlist
    return kioskStatusOf(health, reading.unexported.length, config.clinicHours, now(), articles)
  }

  #engagementDays(waitingForExport: number): DataHealth['engagementDays'] {
    const days = this.#options.engagement?.days() ?? []
    return { held: days.length, unexported: days.filter((day) => !day.exported).length, waitingForExport }
  }

  /** The places an export can go now: plugged-in drives, the configured folder, and a folder picked this session. */
  async destinations(): Promise<{ destinations: Destination[]; canPickFolder: boolean }> {
    let drives: RemovableDrive[] = []
    try {
      drives = await this.#options.drives()
    } catch (error) {
      this.#options.logError('listing removable drives failed', error)
    }
    // The new list is built first and swapped in at once, so an export started meanwhile finds its destination.
    const offered = new Map<string, { label: string; path: string; kind: Destination['kind'] }>()
    drives.forEach((drive, index) => offered.set(`drive-${index + 1}`, { ...drive, kind: 'removable' }))
    const folder = this.#options.config.exportFolder
    if (folder) offered.set('configured', { label: folder, path: folder, kind: 'configured' })
    const picked = this.#destinations.get('picked')
    if (picked) offered.set('picked', picked)
    this.#destinations = offered
    return {
      destinations: [...this.#destinations].map(([id, place]) => ({ id, label: place.label, kind: place.kind })),
      canPickFolder: this.#options.app.pickFolder !== null
    }
  }

  /** Opens the system folder picker and offers the folder as a destination. */
  async pickFolder(): Promise<Result<Destination | null>> {
    if (!this.#picker) return fail('not-available', 'there is no folder picker in this mode')
    const outcome = await this.#picker.pick()
    if (outcome.kind === 'session-ended') return fail('staff-locked', 'staff mode closed while the picker was open')
    if (outcome.kind === 'cancelled') return ok(null)
    const { path } = outcome
    for (const [id, place] of this.#destinations) if (place.kind === 'picked') this.#destinations.delete(id)
    this.#destinations.set('picked', { label: path, path, kind: 'picked' })
    return ok({ id: 'picked', label: path, kind: 'picked' })
  }

  /** The records of a range in time order, and the reading they come from (for marking them exported after). */
  async #recordsIn(range: ExportRangeChoice): Promise<{ records: FeedbackRecord[]; reading: FeedbackReading }> {
    const reading = await this.#options.store.read()
    if (range.kind === 'unexported') return { records: sortedByTime(reading.unexported), reading }
    const all = sortedByTime(reading.records)
    if (range.kind === 'all') return { records: all, reading }
    // Dates are the clinic's days (local time), as staff think of them, not UTC days.
    const records = all.filter((record) => localDay(record.time) >= range.from && localDay(record.time) <= range.to)
    return { records, reading }
  }

  /**
   * Exports to a folder (the feedback, the engagement aggregates of the same range beside it, and report.html when
   * asked) and, once every file is verified, marks its records and its finished days as exported (unless `mark` is
   * false: the command line while the running kiosk owns the files). `reading`, the store reading the records come
   * from, spares reading every month again to mark them.
   */
  async exportTo(
    folder: string,
    place: string,
    format: ExportFormat,
    records: FeedbackRecord[],
    range: ExportRangeChoice,
    mark = true,
    reading?: FeedbackReading,
    extras: ExportExtras = {}
  ): Promise<Result<ExportReceipt>> {
    const station = this.#options.config.stationLabel
    const days = this.#engagementIn(range, extras.engagementFrom)
    const rows = engagementRows(days, station)
    const now = this.#options.now()
    const status = extras.report ? await this.statusLines() : []
    const outcome = await writeExportSet({
      folder,
      format,
      records,
      engagement: rows,
      range: range.kind === 'dates' ? { from: range.from, to: range.to } : { from: null, to: null },
      station,
      now,
      report: extras.report ? (files) => this.#reportPage(records, days, status, files) : null
    })
    if (!outcome.ok) return fail<ExportReceipt>(outcome.code, outcome.message)
    const first = (outcome.feedback ?? outcome.engagement) as NonNullable<typeof outcome.feedback>
    const receipt = {
      file: first.manifest.file,
      records: records.length,
      place,
      engagementFile: outcome.engagement?.manifest.file ?? null,
      reportFile: outcome.report === null ? null : basename(outcome.report)
    }
    if (!mark) return ok({ exportId: randomUUID(), ...receipt })
    const ids = new Set<string>()
    for (const record of records) ids.add(record.id)
    if (outcome.feedback) await this.#options.store.markExported(ids, reading)
    this.#options.engagement?.markExported(engagementDaysOf(rows))
    const exportId = randomUUID()
    if (outcome.feedback)
      this.#receipts.set(exportId, {
        ids,
        folder,
        manifest: outcome.feedback.manifest,
        manifestFile: outcome.feedback.manifestFile
      })
    this.#log.set('lastExport', {
      at: first.manifest.exportedAt,
      place,
      file: first.manifest.file,
      records: records.length
    })
    return ok<ExportReceipt>({ exportId, ...receipt })
  }

  /** The engagement days an export of `range` covers: the same choice as for records, by local day. */
  #engagementIn(range: ExportRangeChoice, from?: string): HeldDay[] {
    const days = this.#options.engagement?.days() ?? []
    if (from !== undefined) return days.filter((day) => day.day >= from)
    if (range.kind === 'unexported') return days.filter((day) => !day.exported)
    if (range.kind === 'dates') return days.filter((day) => dayInRange(day.day, range.from, range.to))
    return days
  }

  /** report.html for an export: its records and engagement days, figured as the summary figures them. */
  #reportPage(records: readonly FeedbackRecord[], days: HeldDay[], status: StatusLines, files: string[]): string {
    const { articles, translations } = this.#options.content().playlist
    const counted = tally(records)
    return kioskReportHtml({
      station: this.#options.config.stationLabel,
      generatedAt: this.#options.now(),
      files,
      overall: overallFiguresOf([counted]),
      trend: trendOf([counted], this.#options.now()),
      articles: articleSummariesOf([counted], articles),
      engagement: engagementSummaryOf(days, articles, translations).articles,
      engagementDays: days.length > 0 ? { from: days[0]?.day ?? '', to: days.at(-1)?.day ?? '' } : null,
      smallGroup,
      status
    })
  }

  /** How the kiosk stands, in words, for the report's status card; nothing about a patient. */
  async statusLines(): Promise<StatusLines> {
    const health = await this.health((await this.#options.store.read()).records.length)
    return kioskStatusLines(health)
  }

  /** Staff's export to one of the offered destinations. */
  async export(
    destinationId: string,
    format: ExportFormat,
    range: ExportRangeChoice,
    report = false
  ): Promise<Result<ExportReceipt>> {
    const destination = this.#destinations.get(destinationId)
    if (!destination) return fail('folder-missing', 'that destination is no longer offered; look again')
    const { records, reading } = await this.#recordsIn(range)
    return this.exportTo(destination.path, destination.label, format, records, range, true, reading, { report })
  }

  /**
   * Removes the records of a verified export from the kiosk, after checking once more that the export is still
   * there and intact; if it is not, nothing is removed.
   */
  async clearExported(exportId: string): Promise<Result<{ removed: number }>> {
    const receipt = this.#receipts.get(exportId)
    if (!receipt) return fail('invalid-input', 'that export is not known; export again first')
    const check = await verifyExport(receipt.folder, receipt.manifest, receipt.manifestFile)
    if (!check.ok) return fail('verify-failed', check.message)
    const removed = await this.#options.store.removeExported(receipt.ids)
    this.#receipts.delete(exportId)
    return ok({ removed })
  }

  /** When the scheduled export last ran, for catching up on one missed while the PC was off. */
  lastScheduledExportAt(): Date | null {
    const last = this.#log.get('lastScheduledExport')
    return last ? new Date(last.at) : null
  }

  /** The scheduled export: everything not yet exported, to the configured folder; the result shows in the summary. */
  async scheduledExport(folder: string, format: ExportFormat, report = false): Promise<boolean> {
    const { records, reading } = await this.#recordsIn({ kind: 'unexported' })
    const at = this.#options.now().toISOString()
    if (records.length === 0 && this.#engagementIn({ kind: 'unexported' }).length === 0) {
      this.#log.set('lastScheduledExport', { at, ok: true, message: 'nothing new to export' })
      return true
    }
    const result = await this.exportTo(folder, folder, format, records, { kind: 'unexported' }, true, reading, {
      report
    })
    this.#log.set('lastScheduledExport', {
      at,
      ok: result.ok,
      message: result.ok ? `${result.value.records} records to ${result.value.file}` : result.error.message
    })
    return result.ok
  }

  /** Reads the content again (after IT replaced it), keeping its problems for the summary. */
  reloadContent(): Promise<ContentState> {
    return this.#options.app.reloadContent()
  }

  /** Restarts the app (Electron relaunches itself). */
  restart(): null {
    this.end()
    this.#options.app.restart()
    return null
  }

  /** Quits the kiosk, for IT. */
  quit(): null {
    this.end()
    this.#options.app.quit()
    return null
  }

  /** Retention: removes exported records older than the configured days, and keeps the figures for the summary. */
  async applyRetention(): Promise<void> {
    const cutoff = new Date(this.#options.now().getTime() - this.#options.config.retentionDays * 86_400_000)
    const { removed, waitingForExport } = await this.#options.store.applyRetention(cutoff)
    // Engagement days go by the same rule: only days older than the cut-off that a verified export holds.
    const engagement = this.#options.engagement?.applyRetention(localDay(cutoff)) ?? { removed: 0, waitingForExport: 0 }
    this.#log.set('retention', {
      at: this.#options.now().toISOString(),
      removed,
      waitingForExport,
      engagementDaysRemoved: engagement.removed,
      engagementDaysWaiting: engagement.waitingForExport
    })
  }
}
