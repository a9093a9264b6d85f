import type { ReaderSettings } from '../../../../shared/domain'
import { countWords, dwellMilliseconds } from '../../../../shared/reading-time'
import type { Reader } from './reader.svelte'
import { systemTimers, type Timers } from '../../../../shared/timers'

/**
 * attract: nobody has touched the screen, and it shows title cards and sections by itself; reading: a patient touched
 * it and is in charge; still-reading: a patient was, and is being asked. Whatever the reader shows while the mode is
 * 'attract' was not chosen by anyone.
 */
export type LoopMode = 'attract' | 'reading' | 'still-reading'

/**
 * Decides who is in charge of the screen. Any touch hands it to the patient where they are; after the idle time,
 * with a "Still reading?" countdown first, it goes back to the start and advances on its own: each article's title
 * card, then its sections, then the next article's title card.
 */
export class AttractLoop {
  mode: LoopMode = $state('attract')
  /** True while attract mode shows the title card of the reader's article, before its first section. */
  titleCard = $state(false)
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

  /**
   * Any touch: a patient is here; stop advancing, keep them where they are and start the idle wait again. A touch on
   * a title card starts them at the first section of its article, which is where the reader already is.
   */
  touch(): void {
    this.mode = 'reading'
    this.titleCard = false
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
    this.#showTitleCard()
  }

  /** The reader is at the start of an article: its title card first, for as long as its words take to read. */
  #showTitleCard(): void {
    const { title, summary } = this.#reader.article
    this.titleCard = true
    this.#schedule(
      () => {
        this.titleCard = false
        this.#scheduleAdvance()
      },
      this.#dwell(countWords(`${title} ${summary}`))
    )
  }

  #scheduleAdvance(): void {
    this.#schedule(() => {
      const nextArticle = this.#reader.isLastSection
      this.#reader.next()
      if (nextArticle) this.#showTitleCard()
      else this.#scheduleAdvance()
    }, this.#dwell(this.#reader.section.wordCount))
  }

  /** How long attract mode keeps up a screen of this many words: read slowly, within the configured limits. */
  #dwell(words: number): number {
    return dwellMilliseconds(words, {
      wordsPerMinute: this.#settings.attractWordsPerMinute,
      minSeconds: this.#settings.minSectionSeconds,
      maxSeconds: this.#settings.maxSectionSeconds
    })
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
