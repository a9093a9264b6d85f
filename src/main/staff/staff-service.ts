import { randomUUID } from 'node:crypto'
import { contentReviews } from '../../shared/content-review'
import { localDay } from '../../shared/local-day'
import { changedSettings, type ConfigProblem, type KioskConfig } from '../../shared/config'
import type { FeedbackRecord } from '../../shared/feedback'
import { fail, ok, type Result } from '../../shared/result'
import type {
  DataFolderInUse,
  DataHealth,
  Destination,
  ExportRangeChoice,
  ExportReceipt,
  PinChangeAnswer,
  StaffStatus,
  StaffSummary,
  UnlockAnswer
} from '../../shared/staff'
import type { ContentSource } from '../../shared/content-update'
import type { ContentState } from '../content/content-library'
import type { RemovableDrive } from '../export/drives'
import { type ExportFormat, type Manifest, verifyExport, writeExport } from '../export/exporter'
import type { FeedbackReading, FeedbackStore } from '../feedback/feedback-store'
import { type JsonFile, type JsonFileOptions, type OpenJsonFile, openOrSetAside } from '../kiosk/json-file'
import { type MachineReadings, processReadings } from './machine-health'
import type { StaffAuth } from './staff-auth'
import { articleSummariesOf, overallFiguresOf, smallGroup, tally, trendOf } from './summary'

interface ExportLogData extends Record<string, unknown> {
  lastExport: { at: string; place: string; file: string; records: number } | null
  lastScheduledExport: { at: string; ok: boolean; message: string } | null
  retention: { at: string; removed: number; waitingForExport: number } | null
}

const exportLogOptions = (): JsonFileOptions<ExportLogData> => ({
  schema: {
    lastExport: { type: ['object', 'null'] },
    lastScheduledExport: { type: ['object', 'null'] },
    retention: { type: ['object', 'null'] }
  },
  defaults: { lastExport: null, lastScheduledExport: null, retention: null },
  migrations: {},
  projectVersion: '1.0.0',
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false
})

/** What the app can do that the harness cannot, or does differently. */
export interface AppControl {
  reloadContent: () => Promise<ContentState>
  restart: () => void
  quit: () => void
  /** The system's folder picker; null where there is none (web mode). */
  pickFolder: (() => Promise<string | null>) | null
}

/** What staff mode works with. */
export interface StaffServiceOptions {
  auth: StaffAuth
  store: FeedbackStore
  content: () => ContentState
  /** Which articles are on screen, from when and why, and whether newer ones wait; from the content service. */
  contentSource?: () => ContentSource
  config: KioskConfig
  configProblems: ConfigProblem[]
  configFile: string
  dataFolder: string
  openJsonFile: OpenJsonFile
  appVersion: string
  now: () => Date
  drives: () => Promise<RemovableDrive[]>
  app: AppControl
  logError: (message: string, error: unknown) => void
  recentErrors: () => Array<{ time: string; message: string }>
  /** Why the kiosk runs on `dataFolder`; without it, the folder is taken as the account's own. */
  dataFolderInUse?: DataFolderInUse
  /** Uptime, memory and disk space for data health; this process and machine unless a test passes its own. */
  machine?: MachineReadings
}

interface Receipt {
  ids: Set<string>
  folder: string
  manifest: Manifest
  manifestFile: string
}

function byTime(a: FeedbackRecord, b: FeedbackRecord): number {
  return a.time.localeCompare(b.time)
}

const indexBits = 2 ** 20

/** The number written in `text` from `from` to `to` in ASCII digits; NaN if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - 0x30
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
  }
  return value
}

/** The minute since 1970 of a stored time (`YYYY-MM-DDTHH:MM:00.000Z`) read digit by digit, or NaN for anything else. */
function minuteOf(time: string): number {
  if (time.length !== 24 || time.charCodeAt(10) !== 0x54 || !time.endsWith(':00.000Z')) return Number.NaN
  const year = digits(time, 0, 4)
  const month = digits(time, 5, 7)
  const day = digits(time, 8, 10)
  const hour = digits(time, 11, 13)
  const minute = digits(time, 14, 16)
  // Out-of-range fields (month 13, 30 February, minute 99) would roll over; those go to the text comparison instead.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59)) return Number.NaN
  return Date.UTC(year, month - 1, day, hour, minute) / 60_000
}

/**
 * Records in time order, those of the same time in the order given: as sorting with byTime, but by sorting numbers
 * (the minute and the place, packed into one) rather than comparing texts, a few milliseconds for 100k records.
 */
export function sortedByTime(records: readonly FeedbackRecord[]): FeedbackRecord[] {
  if (records.length >= indexBits) return [...records].sort(byTime)
  const keys = new Float64Array(records.length)
  for (let index = 0; index < records.length; index += 1) {
    const minute = minuteOf((records[index] as FeedbackRecord).time)
    // Anything but a stored time from 1970 on is left to the text comparison.
    if (!Number.isInteger(minute) || minute < 0 || minute >= 2 ** 32) return [...records].sort(byTime)
    keys[index] = minute * indexBits + index
  }
  keys.sort()
  return Array.from(keys, (key) => records[key % indexBits] as FeedbackRecord)
}

/** Staff mode's work in main: the session gate, the summary, exports and clearing, retention and app actions. */
export class StaffService {
  readonly #options: StaffServiceOptions
  readonly #log: JsonFile<ExportLogData>
  #destinations = new Map<string, { label: string; path: string; kind: Destination['kind'] }>()
  readonly #receipts = new Map<string, Receipt>()

  constructor(options: StaffServiceOptions) {
    this.#options = options
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

  /** Ends the session. */
  end(): void {
    this.#options.auth.end()
  }

  /** Everything the summary screen shows. */
  async summary(): Promise<StaffSummary> {
    // Each month is counted up once and again only when its file changes, not read whole on every opening.
    const tallies = await this.#options.store.monthly(tally)
    const { content } = this.#options
    const overall = overallFiguresOf(tallies)
    return {
      overall,
      articles: articleSummariesOf(tallies, content().playlist.articles),
      trend: trendOf(tallies, this.#options.now()),
      health: await this.health(overall.count),
      smallGroup
    }
  }

  /** The data-health panel. */
  async health(records: number): Promise<DataHealth> {
    const { store, content, config } = this.#options
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
      contentVersion: content().playlist.contentVersion,
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
      contentSource: this.#options.contentSource?.() ?? { ...content().source, waiting: false }
    }
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
    const picker = this.#options.app.pickFolder
    if (!picker) return fail('not-available', 'there is no folder picker in this mode')
    const path = await picker()
    if (path === null) return ok(null)
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
   * Exports to a folder and, once the export is verified, marks its records as exported (unless `mark` is false: the
   * command line while the running kiosk owns the files). `reading`, the store reading the records come from, spares
   * reading every month again to mark them.
   */
  async exportTo(
    folder: string,
    place: string,
    format: ExportFormat,
    records: FeedbackRecord[],
    range: ExportRangeChoice,
    mark = true,
    reading?: FeedbackReading
  ): Promise<Result<ExportReceipt>> {
    const outcome = await writeExport({
      folder,
      format,
      records,
      range: range.kind === 'dates' ? { from: range.from, to: range.to } : { from: null, to: null },
      station: this.#options.config.stationLabel,
      now: this.#options.now()
    })
    if (!outcome.ok) return fail<ExportReceipt>(outcome.code, outcome.message)
    if (!mark) return ok({ exportId: randomUUID(), file: outcome.manifest.file, records: records.length, place })
    const ids = new Set<string>()
    for (const record of records) ids.add(record.id)
    await this.#options.store.markExported(ids, reading)
    const exportId = randomUUID()
    this.#receipts.set(exportId, { ids, folder, manifest: outcome.manifest, manifestFile: outcome.manifestFile })
    this.#log.set('lastExport', {
      at: outcome.manifest.exportedAt,
      place,
      file: outcome.manifest.file,
      records: records.length
    })
    return ok<ExportReceipt>({ exportId, file: outcome.manifest.file, records: records.length, place })
  }

  /** Staff's export to one of the offered destinations. */
  async export(destinationId: string, format: ExportFormat, range: ExportRangeChoice): Promise<Result<ExportReceipt>> {
    const destination = this.#destinations.get(destinationId)
    if (!destination) return fail('folder-missing', 'that destination is no longer offered; look again')
    const { records, reading } = await this.#recordsIn(range)
    return this.exportTo(destination.path, destination.label, format, records, range, true, reading)
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
  async scheduledExport(folder: string, format: ExportFormat): Promise<boolean> {
    const { records, reading } = await this.#recordsIn({ kind: 'unexported' })
    const at = this.#options.now().toISOString()
    if (records.length === 0) {
      this.#log.set('lastScheduledExport', { at, ok: true, message: 'nothing new to export' })
      return true
    }
    const result = await this.exportTo(folder, folder, format, records, { kind: 'unexported' }, true, reading)
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
    this.#log.set('retention', { at: this.#options.now().toISOString(), removed, waitingForExport })
  }
}
