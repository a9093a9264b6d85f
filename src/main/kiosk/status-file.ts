import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import { type ClinicHours, isDisplayAwake } from '../../shared/display-schedule'
import type { KioskConfig } from '../../shared/config'
import type { ContentSourceKind } from '../../shared/content-update'
import type { DataHealth, StatusFolderState } from '../../shared/staff'
import type { Timers } from '../../shared/timers'
import { stationFileLabel } from '../export/exporter'

// The status file a kiosk keeps in the configured `statusFolder`, so one report can show a whole fleet: how the kiosk
// stands, never anything about a patient. Written whole to a temporary file and renamed over the last one, so a reader
// finds the previous status or the new one, never half of one.

/** The name and version of the status file's format, documented in docs/DEPLOYMENT.md. */
export const statusFormat = { name: 'waiting-room-kiosk-status', version: 1 } as const

/** How often a kiosk writes its status: a kiosk not seen for three times this in clinic hours is flagged. */
export const statusEveryMilliseconds = 5 * 60_000

/** How soon a status that could not be written is tried again. */
export const statusRetryMilliseconds = 60_000

/** What `<station label>.status.json` holds. */
export interface KioskStatus {
  format: typeof statusFormat.name
  version: typeof statusFormat.version
  writtenAt: string
  station: string
  appVersion: string
  uptimeSeconds: number
  /** Which content is on screen (the configured folder, its last good copy, a staff install, the bundled articles),
   * since when, and its version. */
  content: { source: ContentSourceKind; since: string; version: string }
  /** Feedback records held on the kiosk, and those in no verified export yet. */
  records: { held: number; notExported: number }
  engagementDays: { held: number; notExported: number }
  lastExport: { at: string; records: number } | null
  lastScheduledExport: { at: string; ok: boolean; message: string } | null
  /** Errors in the kiosk's recent-error list (the last hours), not their text. */
  recentErrors: number
  /** Whether the clinic is open now by `clinicHours`; "not-set" without them. */
  clinicHours: 'open' | 'closed' | 'not-set'
  /** The configured clinic hours (PC time), so the fleet report can tell a kiosk missing in clinic hours; or null. */
  openingHours: ClinicHours | null
  /** When the next status is due, so a reader can tell a late kiosk from a slow one. */
  everyMinutes: number
  /** The title of each article on screen, by id, so the fleet report can name articles; absent in older files. */
  articleTitles?: Record<string, string>
}

/** At most this many titles in a status file: a content folder holds at most 300 articles. */
export const statusTitlesMax = 300

/** At most this many characters of one title in a status file (longer ones are cut, with "…"). */
export const statusTitleLength = 200

const articleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The titles a status file carries: the first `statusTitlesMax` articles, each title on one line and cut short. */
export function articleTitlesOf(articles: ReadonlyArray<{ id: string; title: string }>): Record<string, string> {
  const titles: Record<string, string> = {}
  for (const { id, title } of articles.slice(0, statusTitlesMax)) {
    const oneLine = title.replace(/\s+/g, ' ').trim()
    titles[id] = oneLine.length > statusTitleLength ? `${oneLine.slice(0, statusTitleLength - 1)}…` : oneLine
  }
  return titles
}

/**
 * Why a status file's `articleTitles` cannot be trusted, or null when it can (or is absent): an object of at most
 * `statusTitlesMax` article ids, each naming a title of 1 to `statusTitleLength` characters without control characters.
 */
export function articleTitlesProblem(value: unknown): string | null {
  if (value === undefined) return null
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'articleTitles is not a map of article ids to titles'
  const entries = Object.entries(value)
  if (entries.length > statusTitlesMax) return `articleTitles has ${entries.length} titles; at most ${statusTitlesMax}`
  for (const [id, title] of entries) {
    if (id.length > 100 || !articleIdPattern.test(id))
      return `articleTitles names "${id.slice(0, 40)}", which is no article id`
    if (typeof title !== 'string' || title.length === 0 || title.length > statusTitleLength || /\p{Cc}/u.test(title))
      return `articleTitles gives "${id}" no title of 1 to ${statusTitleLength} characters on one line`
  }
  return null
}

/** The status of a kiosk from its data health; the count of records not yet exported comes from the store. */
export function kioskStatusOf(
  health: DataHealth,
  notExported: number,
  clinicHours: KioskConfig['clinicHours'],
  now: Date,
  articles: ReadonlyArray<{ id: string; title: string }> = []
): KioskStatus {
  return {
    format: statusFormat.name,
    version: statusFormat.version,
    writtenAt: now.toISOString(),
    station: health.station,
    appVersion: health.appVersion,
    uptimeSeconds: health.uptimeSeconds,
    content: { source: health.contentSource.kind, since: health.contentSource.since, version: health.contentVersion },
    records: { held: health.records, notExported },
    engagementDays: { held: health.engagementDays.held, notExported: health.engagementDays.unexported },
    lastExport: health.lastExport ? { at: health.lastExport.at, records: health.lastExport.records } : null,
    lastScheduledExport: health.lastScheduledExport,
    recentErrors: health.recentErrors.length,
    clinicHours: clinicHours === null ? 'not-set' : isDisplayAwake(now, clinicHours) ? 'open' : 'closed',
    openingHours: clinicHours,
    everyMinutes: statusEveryMilliseconds / 60_000,
    articleTitles: articleTitlesOf(articles)
  }
}

/**
 * The status file's name for a station: `<station label>.status.json`, the label made safe and unique as export names
 * are (stationFileLabel). Kiosks before it wrote `<fileSafe(station)>.status.json`; the fleet report reads both.
 */
export const statusFileName = (station: string): string => `${stationFileLabel(station)}.status.json`

/** The file operations the status writer uses; node:fs/promises unless a test passes its own. */
export type StatusFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink'>

/** Writes a status file atomically: a temporary file beside it, flushed to disk, then renamed over the old one. */
export async function writeStatusFile(folder: string, status: KioskStatus, fs: StatusFs = nodeFs): Promise<string> {
  const name = statusFileName(status.station)
  const target = join(folder, name)
  const temporary = join(folder, `.${name}.${randomBytes(4).toString('hex')}.partial`)
  try {
    const handle = await fs.open(temporary, 'w')
    try {
      await handle.writeFile(`${JSON.stringify(status, null, 2)}\n`, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temporary, target)
    return target
  } catch (error) {
    await fs.unlink(temporary).catch(() => {})
    throw error
  }
}

/** What the status writer works with. */
export interface StatusWriterOptions {
  folder: string
  /** The kiosk's status now. */
  status: () => Promise<KioskStatus>
  timers: Timers
  now: () => Date
  /** Told after every try, so data health can show it. */
  onState: (state: StatusFolderState) => void
  /** Told once when writing starts to fail, not at every retry: an unreachable share is no flood of errors. */
  logError: (message: string, error: unknown) => void
  fs?: StatusFs
}

/**
 * Writes the status file at start and every 5 minutes. When the folder cannot be reached it tries again every minute,
 * quietly: the first failure is logged and every try shows in data health, until a write works again.
 */
export class StatusWriter {
  readonly #options: StatusWriterOptions
  #handle: unknown = null
  #failing = false
  #lastWritten: string | null = null
  #stopped = false

  constructor(options: StatusWriterOptions) {
    this.#options = options
  }

  /** Writes the first status now and schedules the next ones. */
  start(): Promise<void> {
    this.#stopped = false
    return this.#write()
  }

  /** Stops writing. */
  stop(): void {
    this.#stopped = true
    if (this.#handle !== null) this.#options.timers.clearTimeout(this.#handle)
    this.#handle = null
  }

  async #write(): Promise<void> {
    const { folder, onState } = this.#options
    try {
      await writeStatusFile(folder, await this.#options.status(), this.#options.fs)
      this.#lastWritten = this.#options.now().toISOString()
      this.#failing = false
      onState({ folder, lastWritten: this.#lastWritten, problem: null })
    } catch (error) {
      if (!this.#failing) this.#options.logError(`status file could not be written to ${folder}`, error)
      this.#failing = true
      const problem = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
      onState({ folder, lastWritten: this.#lastWritten, problem })
    }
    if (this.#stopped) return
    const wait = this.#failing ? statusRetryMilliseconds : statusEveryMilliseconds
    this.#handle = this.#options.timers.setTimeout(() => void this.#write(), wait)
  }
}
