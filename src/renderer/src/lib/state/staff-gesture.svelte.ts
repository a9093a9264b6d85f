import { systemTimers, type Timers } from '../../../../shared/timers'

/** How the hidden way into staff mode works: hold the top-left corner, then tap the bottom-right corner. */
export const staffGesture = {
  /** Size of each corner zone, in CSS pixels. */
  corner: 120,
  /** How long the top-left corner must be held. */
  holdMilliseconds: 3000,
  /** How long after the hold the bottom-right tap is accepted. */
  armedMilliseconds: 5000
} as const

/**
 * Recognises the staff gesture from plain pointer positions: "press and hold the top-left corner for three seconds,
 * then tap the bottom-right corner". Patients do not hold a blank corner that long, and a stray tap does nothing.
 */
export class StaffGesture {
  armed = $state(false)

  #timers: Timers
  #holding: unknown = null
  #disarm: unknown = null

  constructor(timers: Timers = systemTimers) {
    this.#timers = timers
  }

  /** A finger went down at (x, y) on a screen of width × height; true when this completes the gesture. */
  down(x: number, y: number, width: number, height: number): boolean {
    const { corner } = staffGesture
    if (this.armed && x >= width - corner && y >= height - corner) {
      this.#reset()
      return true
    }
    this.#reset()
    if (x <= corner && y <= corner) {
      this.#holding = this.#timers.setTimeout(() => {
        this.#holding = null
        this.armed = true
        this.#disarm = this.#timers.setTimeout(() => this.#reset(), staffGesture.armedMilliseconds)
      }, staffGesture.holdMilliseconds)
    }
    return false
  }

  /** The finger lifted: a hold that was not long enough does not count. */
  up(): void {
    if (this.#holding !== null) {
      this.#timers.clearTimeout(this.#holding)
      this.#holding = null
    }
  }

  #reset(): void {
    if (this.#holding !== null) this.#timers.clearTimeout(this.#holding)
    if (this.#disarm !== null) this.#timers.clearTimeout(this.#disarm)
    this.#holding = null
    this.#disarm = null
    this.armed = false
  }
}
