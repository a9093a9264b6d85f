import type { RendererErrorReport } from '../../shared/renderer-error'
import type { ErrorLogger } from './handlers'

/** How many of the screen's errors are logged in a minute; a part that fails in a loop must not flood the log. */
export const rendererErrorsPerMinute = 10

const minute = 60_000

/**
 * The screen's errors on their way to the log, at most `perMinute` in each minute; the rest are counted, and the
 * count is logged with the first error of a later minute, so IT knows errors were left out and how many.
 */
export class RendererErrorLog {
  #windowStart = Number.NEGATIVE_INFINITY
  #logged = 0
  #dropped = 0

  constructor(
    private readonly logError: ErrorLogger,
    private readonly now: () => Date,
    private readonly perMinute = rendererErrorsPerMinute
  ) {}

  /** Logs a report, or counts it when this minute's share is used up; true when it was logged. */
  record(report: RendererErrorReport): boolean {
    const time = this.now().getTime()
    // A clock set back starts a new minute too, so a wrong clock cannot silence the screen's errors for good.
    if (time - this.#windowStart >= minute || time < this.#windowStart) {
      if (this.#dropped > 0)
        this.logError(
          'screen errors not logged',
          `${this.#dropped} more in the minute before (at most ${this.perMinute} a minute are logged)`
        )
      this.#windowStart = time
      this.#logged = 0
      this.#dropped = 0
    }
    if (this.#logged >= this.perMinute) {
      this.#dropped += 1
      return false
    }
    this.#logged += 1
    this.logError(`screen error in ${report.where}`, report.message)
    return true
  }
}
