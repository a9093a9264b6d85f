/** How many wrong PINs in a row are allowed before entry locks. */
export const allowedFailures = 5

/** The longest lock: staff kept out by a patient's taps wait at most this long for the pad. */
export const longestLockSeconds = 15 * 60

/** The count of wrong tries halves for every full quiet period (no wrong try) of this length. */
export const quietPeriodSeconds = 60 * 60

/** The count at which the lock reaches its longest; the count is never kept above it. */
export const countCap = allowedFailures + Math.ceil(Math.log2(longestLockSeconds / 30))

/** What the lockout keeps on disk between tries. */
export interface LockoutState {
  failures: number
  /** ISO time of the last wrong try; null when there has been none since the count was last cleared. */
  lastFailureAt: string | null
  /** ISO time until which entry is locked; null when it is open. */
  lockedUntil: string | null
}

/** How long entry stays locked after the nth wrong try: none for the first four, then 30 s doubling to 15 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures < allowedFailures) return 0
  return Math.min(30 * 2 ** Math.min(failures - allowedFailures, 30), longestLockSeconds)
}

function timeOf(iso: string | null): number | null {
  if (iso === null) return null
  const time = Date.parse(iso)
  return Number.isFinite(time) ? time : null
}

/** The count as it stands at `now`: halved (rounded down) for every full quiet period since the last wrong try. */
export function failuresAt(state: LockoutState, now: Date): number {
  const count = Math.min(Math.max(0, Math.floor(state.failures) || 0), countCap)
  const last = timeOf(state.lastFailureAt)
  if (last === null || count === 0) return count
  // A clock set back counts as no quiet time, so it never clears the count early.
  const quietPeriods = Math.floor(Math.max(0, now.getTime() - last) / (quietPeriodSeconds * 1000))
  return quietPeriods >= 31 ? 0 : Math.floor(count / 2 ** quietPeriods)
}

/** Seconds until entry unlocks at `now`, never more than the longest lock (a clock set back, an older version's hour). */
export function lockedSecondsAt(state: LockoutState, now: Date): number {
  const until = timeOf(state.lockedUntil)
  if (until === null) return 0
  return Math.min(longestLockSeconds, Math.max(0, Math.ceil((until - now.getTime()) / 1000)))
}

/** The state after a wrong try at `now`, and the lock it starts (0 s while tries are left). */
export function afterFailure(state: LockoutState, now: Date): { state: LockoutState; seconds: number } {
  const failures = Math.min(failuresAt(state, now) + 1, countCap)
  const seconds = lockoutSeconds(failures)
  return {
    state: {
      failures,
      lastFailureAt: now.toISOString(),
      lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null
    },
    seconds
  }
}

/**
 * State kept by an older version, read into today's bounds: the count capped, a lock no longer than the longest, and
 * a count with no time of its last wrong try taken as counted now, so it decays from here on.
 */
export function withinBounds(state: LockoutState, now: Date): LockoutState {
  const failures = Math.min(Math.max(0, Math.floor(state.failures) || 0), countCap)
  const lockedSeconds = lockedSecondsAt(state, now)
  return {
    failures,
    lastFailureAt:
      failures > 0 ? (timeOf(state.lastFailureAt) === null ? now.toISOString() : state.lastFailureAt) : null,
    lockedUntil: lockedSeconds > 0 ? new Date(now.getTime() + lockedSeconds * 1000).toISOString() : null
  }
}
