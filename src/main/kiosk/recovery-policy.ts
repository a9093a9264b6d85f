/** What to do after the screen's renderer process died. */
export type RecoveryAction = 'reload' | 'front-desk'

/**
 * Reloads a crashed screen, but not forever: more than `limit` crashes within `windowMilliseconds` means something is
 * wrong that a reload will not fix, so the kiosk shows a calm "please tell the front desk" page and tries again
 * after `cooldownMilliseconds`.
 */
export class RecoveryPolicy {
  readonly #limit: number
  readonly #window: number
  readonly cooldownMilliseconds: number
  #crashes: number[] = []

  constructor(limit = 3, windowMilliseconds = 10 * 60_000, cooldownMilliseconds = 10 * 60_000) {
    this.#limit = limit
    this.#window = windowMilliseconds
    this.cooldownMilliseconds = cooldownMilliseconds
  }

  /** Records a crash at `now` (milliseconds) and says what to do. */
  onCrash(now: number): RecoveryAction {
    this.#crashes = [...this.#crashes.filter((time) => now - time < this.#window), now]
    return this.#crashes.length > this.#limit ? 'front-desk' : 'reload'
  }

  /** After the cool-down the count starts afresh, so the retry gets a full set of reloads. */
  forgive(): void {
    this.#crashes = []
  }
}

/**
 * True for the rejection of a page load that a newer load superseded (Chromium's ERR_ABORTED, -3): expected whenever
 * the screen is reloaded while a load is still under way, and no failure.
 */
export function isSupersededLoad(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { errno, code, message } = error as { errno?: unknown; code?: unknown; message?: unknown }
  return errno === -3 || code === 'ERR_ABORTED' || (typeof message === 'string' && /\bERR_ABORTED \(-3\)/.test(message))
}

/** The last errors, newest last, for the data-health panel; old ones fall off so memory stays flat for months. */
export class ErrorJournal {
  readonly #limit: number
  #entries: Array<{ time: string; message: string }> = []

  constructor(limit = 20) {
    this.#limit = limit
  }

  /** Notes an error. */
  record(time: Date, message: string): void {
    this.#entries = [...this.#entries, { time: time.toISOString(), message: message.slice(0, 500) }].slice(-this.#limit)
  }

  /** The errors noted, oldest first. */
  list(): Array<{ time: string; message: string }> {
    return [...this.#entries]
  }
}
