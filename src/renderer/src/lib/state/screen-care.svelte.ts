import { burnInOffset, type ClinicHours, isDisplayAwake } from '../../../../shared/display-schedule'
import { systemClock } from '../../../../shared/timers'

/**
 * Looks after the physical screen: dark outside clinic hours (a touch wakes it until the next idle reset), and the
 * whole picture shifted a few pixels every few minutes so nothing burns in over months.
 */
export class ScreenCare {
  #hours: ClinicHours | null = null
  #clock: () => Date = systemClock

  /** Replaced every 30 s, never mutated. */
  now: Date = $state(systemClock())
  wokenByTouch = $state(false)

  asleep = $derived(!this.wokenByTouch && !isDisplayAwake(this.now, this.#hours))
  offset = $derived(burnInOffset(this.now))

  #interval: ReturnType<typeof setInterval> | null = null

  constructor(hours: ClinicHours | null, clock: () => Date = systemClock) {
    this.#hours = hours
    this.#clock = clock
    this.now = clock()
  }

  /** Checks the time every 30 seconds. */
  start(): void {
    this.#interval ??= setInterval(() => (this.now = this.#clock()), 30_000)
  }

  /** Stops the clock. */
  stop(): void {
    if (this.#interval) clearInterval(this.#interval)
    this.#interval = null
  }

  /** A touch outside hours: someone is here, so the screen wakes. */
  touch(): void {
    if (!isDisplayAwake(this.now, this.#hours)) this.wokenByTouch = true
  }

  /** The idle reset: outside hours the screen goes dark again. */
  reset(): void {
    this.wokenByTouch = false
  }
}
