import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  afterFailure,
  countCap,
  failuresAt,
  lockedSecondsAt,
  lockoutSeconds,
  longestLockSeconds,
  type LockoutState,
  withinBounds
} from '../../../src/main/staff/pin-lockout'

const day = 24 * 60 * 60 * 1000
const start = new Date('2026-11-24T09:00:00.000Z')
const fresh: LockoutState = { failures: 0, lastFailureAt: null, lockedUntil: null }

/**
 * An attacker at the pad with a fake clock: each try as soon as the lock allows, plus `extraWait(n)` milliseconds
 * before the nth. Returns the times of the tries, up to `tries` of them or until `until`.
 */
function attack(options: { tries: number; until?: number; extraWait?: (n: number) => number; from?: LockoutState }) {
  let state = options.from ?? fresh
  let now = start.getTime()
  const times: number[] = []
  for (let n = 0; n < options.tries; n += 1) {
    now += lockedSecondsAt(state, new Date(now)) * 1000 + (options.extraWait?.(n) ?? 0)
    if (options.until !== undefined && now >= options.until) break
    times.push(now)
    state = afterFailure(state, new Date(now)).state
  }
  return times
}

/** The most tries in any 24 hours, for an attacker who tries as fast as the lock allows. */
const firstDay = attack({ tries: 10_000, until: start.getTime() + day }).length
const secondDay = attack({ tries: 10_000, until: start.getTime() + 2 * day }).length - firstDay
/** Days until an attacker trying as fast as allowed has tried half of all PINs of that many digits. */
const expectedDays = (digits: number) => {
  const times = attack({ tries: 10 ** digits / 2 })
  return ((times.at(-1) ?? 0) - start.getTime()) / day
}

describe('the PIN lockout', () => {
  it('locks after the fifth wrong try, for longer each time, never more than 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 11, 40].map(lockoutSeconds)).toEqual([0, 0, 30, 60, 120, 240, 480, 900, 900, 900])
    expect(longestLockSeconds).toBe(900)
  })

  it('halves the count for every quiet hour, so one wrong tap an hour never locks the pad', () => {
    let state = afterFailure(fresh, start).state
    for (let hour = 1; hour <= 48; hour += 1) {
      const answer = afterFailure(state, new Date(start.getTime() + hour * 3_600_000))
      expect(answer.seconds).toBe(0)
      state = answer.state
    }
    const locked = { failures: 10, lastFailureAt: start.toISOString(), lockedUntil: null }
    expect([0, 1, 2, 3, 4].map((hours) => failuresAt(locked, new Date(start.getTime() + hours * 3_600_000)))).toEqual([
      10, 5, 2, 1, 0
    ])
  })

  it('reads an older version state (a count of 40, an hour-long lock) into the new bounds', () => {
    const old = {
      failures: 40,
      lastFailureAt: null,
      lockedUntil: new Date(start.getTime() + 3_600_000).toISOString()
    }
    const bounded = withinBounds(old, start)
    expect(bounded.failures).toBe(countCap)
    expect(lockedSecondsAt(bounded, start)).toBe(900)
    expect(bounded.lastFailureAt).toBe(start.toISOString())
    // An unreadable or far-off lock time never locks longer than the longest lock.
    expect(lockedSecondsAt({ ...old, lockedUntil: 'soon' }, start)).toBe(0)
    expect(lockedSecondsAt({ ...old, lockedUntil: '2099-01-01T00:00:00.000Z' }, start)).toBe(900)
  })

  it('never lets any attacker try more in a day than one who tries as fast as allowed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 * 3_600_000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: countCap }),
        fc.integer({ min: 0, max: 10 * 3_600_000 }),
        (waits, failures, since) => {
          const from = { failures, lastFailureAt: new Date(start.getTime() - since).toISOString(), lockedUntil: null }
          const tries = attack({
            tries: 10_000,
            until: start.getTime() + day,
            extraWait: (n) => waits[n % waits.length] ?? 0,
            from
          })
          expect(tries.length).toBeLessThanOrEqual(firstDay)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('bounds guessing as docs/SECURITY.md states: tries a day, and days to guess a 4- and a 6-digit PIN', () => {
    const security = readFileSync(join(import.meta.dirname, '../../../docs/SECURITY.md'), 'utf8').replace(/\s+/g, ' ')
    expect(firstDay).toBe(104)
    expect(secondDay).toBe(96)
    expect(security).toContain(`at most ${firstDay} tries in the first 24 hours and ${secondDay} a day after`)
    expect(Math.round(expectedDays(4))).toBe(52)
    expect(security).toContain(`a 4-digit PIN in about ${Math.round(expectedDays(4))} days`)
    const sixDigitYears = Math.round(expectedDays(6) / 365)
    expect(sixDigitYears).toBe(14)
    expect(security).toContain(`a 6-digit PIN in about ${sixDigitYears} years`)
  })
})
