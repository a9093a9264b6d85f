/**
 * Holds back the app's long timers (30 s and more: the recovery cool-down, the hung-screen grace, schedules) so a test
 * moves time on when it chooses, instead of waiting ten minutes. Short timers (libraries' retries, the next turn)
 * run for real.
 */
export const heldFrom = 30_000

interface HeldTimer {
  id: number
  delay: number
  due: number
  repeat: boolean
  run: () => void
}

/** A held timer as the app sees it: enough of Node's Timeout for clearTimeout, unref and a numeric handle. */
class HeldHandle {
  constructor(readonly id: number) {}
  ref(): this {
    return this
  }
  unref(): this {
    return this
  }
  hasRef(): boolean {
    return false
  }
  refresh(): this {
    return this
  }
  [Symbol.toPrimitive](): number {
    return this.id
  }
}

/** Replaces the global timer functions; `advance` runs what falls due, `pending` lists what waits. */
export function holdLongTimers() {
  const held = new Map<number, HeldTimer>()
  let now = 0
  let nextId = 1
  const real = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval
  }
  const hold = (run: () => void, delay: number, repeat: boolean) => {
    const id = nextId++
    held.set(id, { id, delay, due: now + delay, repeat, run })
    return new HeldHandle(id)
  }
  const release = (handle: unknown) => {
    if (handle instanceof HeldHandle) held.delete(handle.id)
    return handle instanceof HeldHandle
  }
  const replaced = {
    setTimeout: (run: (...args: unknown[]) => void, delay = 0, ...args: unknown[]) =>
      delay >= heldFrom ? hold(() => run(...args), delay, false) : real.setTimeout(run, delay, ...args),
    setInterval: (run: (...args: unknown[]) => void, delay = 0, ...args: unknown[]) =>
      delay >= heldFrom ? hold(() => run(...args), delay, true) : real.setInterval(run, delay, ...args),
    clearTimeout: (handle: unknown) => {
      if (!release(handle)) real.clearTimeout(handle as NodeJS.Timeout)
    },
    clearInterval: (handle: unknown) => {
      if (!release(handle)) real.clearInterval(handle as NodeJS.Timeout)
    }
  }
  Object.assign(globalThis, replaced)
  return {
    /** Moves the held clock on, running every held timer that falls due, in order. */
    advance(milliseconds: number): void {
      const until = now + milliseconds
      for (;;) {
        const next = [...held.values()].filter((timer) => timer.due <= until).sort((a, b) => a.due - b.due)[0]
        if (!next) break
        now = next.due
        if (next.repeat) next.due += next.delay
        else held.delete(next.id)
        next.run()
      }
      now = until
    },
    /** The delays of the timers still waiting. */
    pending(): number[] {
      return [...held.values()].map((timer) => timer.delay).sort((a, b) => a - b)
    }
  }
}
