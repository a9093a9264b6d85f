import { defaultNoticeEnd, noticeMaxLength } from '../../../../shared/notice'
import { type EndChoice, endLabelOf, minutesFrom } from '../notice-times'
import type { ErrorCode } from '../../../../shared/result'
import { systemClock } from '../../../../shared/timers'
import type { NoticeBoard } from './notice-board.svelte'

/** The shorter times staff can pick instead of the default end, in minutes. */
const shorterMinutes = [30, 60, 120]

/**
 * A notice while staff write it: the text, and how long it shows (until the end of clinic hours, or of the day, unless
 * staff pick a shorter while). Main scrubs and stores it on "Show it".
 */
export class NoticeDraft {
  text = $state('')
  /** Which of `choices` is picked; the default, the last, unless staff pick another. */
  choice = $state(0)
  sending = $state(false)
  error: ErrorCode | null = $state(null)
  /** The end times offered: the shorter whiles that end before the default, then the default. */
  readonly choices: EndChoice[]

  readonly #board: NoticeBoard
  readonly #clock: () => Date

  constructor(board: NoticeBoard, text = '', clock: () => Date = systemClock) {
    this.#board = board
    this.#clock = clock
    this.text = text.slice(0, noticeMaxLength)
    const now = clock()
    const defaultEnd = defaultNoticeEnd(now, board.clinicHours)
    this.choices = [
      ...shorterMinutes
        .filter((minutes) => now.getTime() + minutes * 60_000 < defaultEnd.getTime())
        .map((minutes): EndChoice => ({ kind: 'for', minutes })),
      { kind: 'default', label: endLabelOf(defaultEnd, now, board.clinicHours) }
    ]
    this.choice = this.choices.length - 1
  }

  /** Replaces the text with what the keyboard holds, never longer than a notice may be. */
  type(text: string): void {
    this.text = text.slice(0, noticeMaxLength)
    this.error = null
  }

  /** Picks one of the end times offered. */
  pick(index: number): void {
    if (index >= 0 && index < this.choices.length) this.choice = index
    this.error = null
  }

  /** Whether there is anything to show. */
  get canPublish(): boolean {
    return this.text.trim() !== '' && !this.sending
  }

  /** Puts the notice up; for the default end main decides the time, by its own clock. */
  async publish(): Promise<boolean> {
    if (!this.canPublish) return false
    const picked = this.choices[this.choice]
    const endsAt = picked?.kind === 'for' ? minutesFrom(this.#clock(), picked.minutes) : null
    this.sending = true
    const result = await this.#board.publish(this.text.trim(), endsAt)
    this.sending = false
    if (!result.ok) this.error = result.error.code
    return result.ok
  }
}
