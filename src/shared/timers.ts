/** The timer functions timed work uses (attract loop, staff session, background work), so tests can fake the clock. */
export interface Timers {
  setTimeout: (run: () => void, milliseconds: number) => unknown
  clearTimeout: (handle: unknown) => void
}

/** The runtime's own timers (browser or Node). */
export const systemTimers: Timers = {
  setTimeout: (run, milliseconds) => globalThis.setTimeout(run, milliseconds),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** The current time; passed in so tests can choose it. */
export const systemClock = (): Date => new Date()
