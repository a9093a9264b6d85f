import { getContext, setContext } from 'svelte'
import type { KioskApi } from '../../../../shared/contract'
import type { ClinicHours } from '../../../../shared/display-schedule'
import { isNoticeCurrent, type Notice } from '../../../../shared/notice'
import type { Result } from '../../../../shared/result'
import { systemClock, systemTimers, type Timers } from '../../../../shared/timers'

/** How often at most the screen looks at the clock while a notice is up, so a changed PC clock is noticed too. */
const checkMilliseconds = 60_000

/**
 * The front desk's notice as patients' screens show it. Main keeps it (it survives a reload); this class shows it
 * and takes it down at its end time without waiting for a reload. Staff put it up and take it down through here.
 */
export class NoticeBoard {
  /** The notice on every patient screen, or null. */
  notice: Notice | null = $state.raw(null)
  /** The clinic's hours, for the end time staff are offered first; set when the kiosk's settings arrive. */
  clinicHours: ClinicHours | null = null

  #api: Pick<KioskApi, 'setNotice' | 'clearNotice'>
  #timers: Timers
  #clock: () => Date
  #timer: unknown = null

  constructor(
    api: Pick<KioskApi, 'setNotice' | 'clearNotice'>,
    timers: Timers = systemTimers,
    clock: () => Date = systemClock
  ) {
    this.#api = api
    this.#timers = timers
    this.#clock = clock
  }

  /** Shows a notice (or none), and looks at the clock until its end time has passed. */
  show(notice: Notice | null): void {
    this.notice = notice
    this.#check()
  }

  /** Staff put a notice up (null end: main's default); main scrubs it and answers with what patients will read. */
  async publish(text: string, endsAt: Date | null): Promise<Result<Notice>> {
    const result = await this.#api.setNotice({ text, endsAt: endsAt?.toISOString() ?? null })
    if (result.ok) this.show(result.value)
    return result
  }

  /** Staff take the notice down. */
  async takeDown(): Promise<Result<null>> {
    const result = await this.#api.clearNotice()
    if (result.ok) this.show(null)
    return result
  }

  /** Stops looking at the clock, for when the screen is torn down. */
  stop(): void {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer)
    this.#timer = null
  }

  #check(): void {
    this.stop()
    if (!this.notice) return
    const now = this.#clock()
    if (!isNoticeCurrent(this.notice, now)) {
      this.notice = null
      return
    }
    const left = Date.parse(this.notice.endsAt) - now.getTime()
    this.#timer = this.#timers.setTimeout(() => this.#check(), Math.min(left, checkMilliseconds))
  }
}

const key = Symbol('notice-board')

/** Makes the notice board available to every component below the caller (the app root). */
export const provideNoticeBoard = (board: NoticeBoard): NoticeBoard => setContext(key, board)

/** The notice board the app root provided. */
export function useNoticeBoard(): NoticeBoard {
  const board = getContext<NoticeBoard | undefined>(key)
  if (!board) throw new Error('useNoticeBoard needs provideNoticeBoard in the app root')
  return board
}
