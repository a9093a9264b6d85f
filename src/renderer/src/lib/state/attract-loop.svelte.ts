import type { ReaderSettings } from '../../../../shared/domain'
import { dwellMilliseconds } from '../../../../shared/reading-time'
import type { Reader } from './reader.svelte'
import { systemTimers, type Timers } from '../../../../shared/timers'

/** attract: nobody is here and the sections advance by themselves; reading: a patient is; still-reading: asking. */
export type LoopMode = 'attract' | 'reading' | 'still-reading'

/**
 * Decides who is in charge of the screen. Any touch hands it to the patient where they are; after the idle time,
 * with a "Still reading?" countdown first, it goes back to the start and advances on its own.
 */
export class AttractLoop {
  mode: LoopMode = $state('attract')
  /** Seconds left on the "Still reading?" countdown. */
  secondsLeft = $state(0)

  #reader: Reader
  #settings: ReaderSettings
  #timers: Timers
  #timer: unknown = null
  #resetListeners: Array<() => void> = []

  constructor(reader: Reader, settings: ReaderSettings, timers: Timers = systemTimers) {
    this.#reader = reader
    this.#settings = settings
    this.#timers = timers
  }

  /** Starts in attract mode, as the kiosk is found when nobody has touched it yet. */
  start(): void {
    this.#enterAttract()
  }

  /** Stops every timer, for when the loop is torn down. */
  stop(): void {
    this.#clear()
  }

  /** Runs after every idle reset, so other state (open panels, drafts) can be wiped for the next patient. */
  onReset(listener: () => void): () => void {
    this.#resetListeners.push(listener)
    return () => {
      this.#resetListeners = this.#resetListeners.filter((candidate) => candidate !== listener)
    }
  }

  /** Any touch: a patient is here; stop advancing, keep them where they are and start the idle wait again. */
  touch(): void {
    this.mode = 'reading'
    this.secondsLeft = 0
    this.#schedule(
      () => this.#enterStillReading(),
      (this.#settings.idleSeconds - this.#settings.stillReadingSeconds) * 1000
    )
  }

  #enterStillReading(): void {
    this.mode = 'still-reading'
    this.secondsLeft = this.#settings.stillReadingSeconds
    this.#countDown()
  }

  #countDown(): void {
    this.#schedule(() => {
      this.secondsLeft -= 1
      if (this.secondsLeft <= 0) this.#reset()
      else this.#countDown()
    }, 1000)
  }

  #reset(): void {
    this.#reader.restart()
    for (const listener of this.#resetListeners) listener()
    this.#enterAttract()
  }

  #enterAttract(): void {
    this.mode = 'attract'
    this.secondsLeft = 0
    this.#scheduleAdvance()
  }

  #scheduleAdvance(): void {
    const dwell = dwellMilliseconds(this.#reader.section.wordCount, {
      wordsPerMinute: this.#settings.attractWordsPerMinute,
      minSeconds: this.#settings.minSectionSeconds,
      maxSeconds: this.#settings.maxSectionSeconds
    })
    this.#schedule(() => {
      this.#reader.next()
      this.#scheduleAdvance()
    }, dwell)
  }

  #schedule(run: () => void, milliseconds: number): void {
    this.#clear()
    this.#timer = this.#timers.setTimeout(run, milliseconds)
  }

  #clear(): void {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer)
    this.#timer = null
  }
}
