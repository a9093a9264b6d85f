import type { Timers } from '../../shared/timers'

/** A system folder picker on screen: the folder staff chose (null when they cancelled), and a way to close it. */
export interface OpenPicker {
  answer: Promise<string | null>
  close: () => void
}

/** Opens the system folder picker (the Electron adapter; none in web mode). */
export type PickerOpener = () => OpenPicker

/** What came of a pick: a folder, a cancel, or a session that ended while the picker was open. */
export type PickOutcome = { kind: 'picked'; path: string } | { kind: 'cancelled' } | { kind: 'session-ended' }

interface OpenPick {
  session: number
  picker: OpenPicker
  ended: boolean
  check: unknown
}

/** How often an open picker checks that its staff session still stands (the session can simply run out). */
export const sessionCheckMilliseconds = 1000

/**
 * Ties the folder picker to the staff session that opened it: when that session ends (Done, the screen reloads, or it
 * runs out while the picker is open) the picker is closed, and an answer that still arrives afterwards is ignored, so
 * a native dialog never stays in a patient's hands and never adds a destination to a session that is over.
 */
export class SessionFolderPicker {
  readonly #opener: PickerOpener
  readonly #session: () => number | null
  readonly #timers: Timers
  #open: OpenPick | null = null

  /** `session`: the open staff session's number, or null when none is open. */
  constructor(opener: PickerOpener, session: () => number | null, timers: Timers) {
    this.#opener = opener
    this.#session = session
    this.#timers = timers
  }

  /** Opens the picker for the current session and waits for it; one picker at a time (a second closes the first). */
  async pick(): Promise<PickOutcome> {
    const session = this.#session()
    if (session === null) return { kind: 'session-ended' }
    this.sessionEnded()
    const open: OpenPick = { session, picker: this.#opener(), ended: false, check: null }
    this.#open = open
    this.#watch(open)
    let path: string | null
    try {
      path = await open.picker.answer
    } finally {
      this.#timers.clearTimeout(open.check)
      if (this.#open === open) this.#open = null
    }
    // A late answer, from a picker whose session is over, is never acted on.
    if (open.ended || this.#session() !== open.session) return { kind: 'session-ended' }
    return path === null ? { kind: 'cancelled' } : { kind: 'picked', path }
  }

  /** The staff session ended: the open picker, if any, is closed and its answer will be ignored. */
  sessionEnded(): void {
    const open = this.#open
    if (!open) return
    this.#open = null
    open.ended = true
    this.#timers.clearTimeout(open.check)
    open.picker.close()
  }

  #watch(open: OpenPick): void {
    open.check = this.#timers.setTimeout(() => {
      if (this.#open !== open) return
      if (this.#session() !== open.session) this.sessionEnded()
      else this.#watch(open)
    }, sessionCheckMilliseconds)
  }
}
