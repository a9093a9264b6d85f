import type { KioskConfig } from '../../shared/config'
import type { Timers } from '../../shared/timers'
import { nextDailyRun, retryAt } from './schedule'
import type { StaffService } from '../staff/staff-service'
import { StatusWriter } from './status-file'

const day = 86_400_000

/**
 * What the kiosk does by itself: retention once at start and then daily, the scheduled export at its time (with a
 * retry every 15 minutes after a failure until the next regular run), the nightly soft restart of the screen, and the
 * status file in `statusFolder` (at start and every 5 minutes).
 */
export class BackgroundWork {
  readonly #staff: StaffService
  readonly #config: KioskConfig
  readonly #timers: Timers
  readonly #now: () => Date
  readonly #logError: (message: string, error: unknown) => void
  readonly #softRestart: (() => void) | null
  readonly #handles = new Set<unknown>()
  #status: StatusWriter | null = null

  /** `softRestart` reloads the screen; it runs daily at `softRestartTime` to shed slow leaks. */
  constructor(
    staff: StaffService,
    config: KioskConfig,
    timers: Timers,
    now: () => Date,
    logError: (message: string, error: unknown) => void,
    softRestart: (() => void) | null = null
  ) {
    this.#staff = staff
    this.#config = config
    this.#timers = timers
    this.#now = now
    this.#logError = logError
    this.#softRestart = softRestart
  }

  /** Starts retention and, when configured, the scheduled export, the nightly soft restart and the status file. */
  start(): void {
    void this.#retention()
    const scheduled = this.#config.scheduledExport
    if (scheduled) {
      const next = nextDailyRun(this.#now(), scheduled.time)
      const previous = new Date(next.getTime() - day)
      const last = this.#staff.lastScheduledExportAt()
      // The PC was off (or the kiosk closed) at the last scheduled time: catch up a minute after start.
      if (last === null || last < previous) this.#after(60_000, () => this.#export())
      else this.#at(next, () => this.#export())
    }
    if (this.#config.softRestartTime && this.#softRestart) this.#scheduleSoftRestart(this.#config.softRestartTime)
    const statusFolder = this.#config.statusFolder
    if (statusFolder) {
      const staff = this.#staff
      this.#status = new StatusWriter({
        folder: statusFolder,
        status: () => staff.kioskStatus(),
        timers: this.#timers,
        now: this.#now,
        onState: (state) => staff.noteStatusFolder(state),
        logError: this.#logError
      })
      void this.#status.start()
    }
  }

  #scheduleSoftRestart(time: string): void {
    this.#at(nextDailyRun(this.#now(), time), async () => {
      this.#softRestart?.()
      this.#scheduleSoftRestart(time)
    })
  }

  /** Stops every timer. */
  stop(): void {
    for (const handle of this.#handles) this.#timers.clearTimeout(handle)
    this.#handles.clear()
    this.#status?.stop()
  }

  async #retention(): Promise<void> {
    try {
      await this.#staff.applyRetention()
    } catch (error) {
      this.#logError('retention failed', error)
    }
    this.#after(day, () => this.#retention())
  }

  async #export(): Promise<void> {
    const scheduled = this.#config.scheduledExport
    if (!scheduled) return
    let succeeded = false
    try {
      succeeded = await this.#staff.scheduledExport(scheduled.folder, scheduled.format, scheduled.report)
    } catch (error) {
      this.#logError('scheduled export failed', error)
    }
    const now = this.#now()
    const regular = nextDailyRun(now, scheduled.time)
    const retry = succeeded ? null : retryAt(now, regular)
    this.#at(retry ?? regular, () => this.#export())
  }

  #at(when: Date, run: () => Promise<void>): void {
    this.#after(Math.max(0, when.getTime() - this.#now().getTime()), run)
  }

  #after(milliseconds: number, run: () => Promise<void>): void {
    const handle = this.#timers.setTimeout(() => {
      this.#handles.delete(handle)
      void run()
    }, milliseconds)
    this.#handles.add(handle)
  }
}
