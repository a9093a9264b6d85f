import { getContext, setContext } from 'svelte'
import { rendererErrorReport, type RendererErrorReport } from '../../../../shared/renderer-error'

/** At most this many reports leave the screen in a minute; main has its own limit, this one spares the IPC. */
const reportsPerMinute = 20
const minute = 60_000

/**
 * Errors the screen survived, sent to main's log: a part a boundary replaced, or an error nothing caught. It never
 * throws and never waits: reporting an error must not become a second one.
 */
export class ScreenErrors {
  #windowStart = Number.NEGATIVE_INFINITY
  #sent = 0

  constructor(
    private readonly send: (report: RendererErrorReport) => Promise<unknown>,
    private readonly now: () => number = Date.now,
    private readonly perMinute = reportsPerMinute
  ) {}

  /** Sends what went wrong where, as a bounded report with no patient text; drops it past this minute's share. */
  report(where: string, error: unknown): void {
    try {
      // Developers see the whole error in DevTools; main gets the bounded report only.
      console.error(`screen error in ${where}`, error)
      const time = this.now()
      if (time - this.#windowStart >= minute || time < this.#windowStart) {
        this.#windowStart = time
        this.#sent = 0
      }
      if (this.#sent >= this.perMinute) return
      this.#sent += 1
      void this.send(rendererErrorReport(where, error)).catch(() => {})
    } catch {
      // Nothing is left to tell: the log cannot be reached from here.
    }
  }

  /** Reports errors nothing else caught (a failed event handler, a rejected promise); returns how to stop. */
  watch(target: Window): () => void {
    const failed = (event: Event) => {
      if (event instanceof ErrorEvent) this.report('window', event.error ?? event.message)
    }
    const rejected = (event: PromiseRejectionEvent) => this.report('promise', event.reason)
    target.addEventListener('error', failed)
    target.addEventListener('unhandledrejection', rejected)
    return () => {
      target.removeEventListener('error', failed)
      target.removeEventListener('unhandledrejection', rejected)
    }
  }
}

const key = Symbol('screen-errors')

/** Makes the error report available to every part of the screen below the caller (the app root). */
export const provideScreenErrors = (errors: ScreenErrors): ScreenErrors => setContext(key, errors)

/** The report the app root provided; without one (a component on its own), errors go to the console only. */
export function useScreenErrors(): Pick<ScreenErrors, 'report'> {
  return (
    getContext<ScreenErrors | undefined>(key) ?? {
      report: (where, error) => console.error(`screen error in ${where}`, error)
    }
  )
}
