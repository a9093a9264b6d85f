import { describe, expect, it } from 'vitest'
import { ErrorJournal, isSupersededLoad, RecoveryPolicy } from '../../../src/main/kiosk/recovery-policy'

const minute = 60_000

describe('renderer recovery policy', () => {
  it('reloads the first three crashes within ten minutes, then shows the front-desk page', () => {
    const policy = new RecoveryPolicy()
    expect([0, 1, 2].map((at) => policy.onCrash(at * minute))).toEqual(['reload', 'reload', 'reload'])
    expect(policy.onCrash(3 * minute)).toBe('front-desk')
  })

  it('forgets crashes older than ten minutes', () => {
    const policy = new RecoveryPolicy()
    for (const at of [0, 1, 2]) policy.onCrash(at * minute)
    expect(policy.onCrash(11 * minute)).toBe('reload')
  })

  it('starts afresh after the cool-down', () => {
    const policy = new RecoveryPolicy()
    for (const at of [0, 1, 2, 3]) policy.onCrash(at * minute)
    policy.forgive()
    expect(policy.onCrash(14 * minute)).toBe('reload')
  })
})

describe('a superseded page load', () => {
  it("is recognised by Electron's ERR_ABORTED error, and nothing else is", () => {
    const aborted = Object.assign(new Error("ERR_ABORTED (-3) loading 'app://kiosk/index.html'"), {
      errno: -3,
      code: 'ERR_ABORTED'
    })
    expect(isSupersededLoad(aborted)).toBe(true)
    expect(isSupersededLoad(new Error("ERR_ABORTED (-3) loading 'app://kiosk/index.html'"))).toBe(true)
    expect(isSupersededLoad(Object.assign(new Error('ERR_FILE_NOT_FOUND (-6)'), { errno: -6 }))).toBe(false)
    expect(isSupersededLoad(new Error('ERR_ABORTED_BY_CLIENT (-20)'))).toBe(false)
    expect(isSupersededLoad('ERR_ABORTED')).toBe(false)
    expect(isSupersededLoad(null)).toBe(false)
  })
})

describe('error journal', () => {
  it('keeps the last twenty errors, trimmed, oldest first', () => {
    const journal = new ErrorJournal()
    for (let index = 0; index < 25; index += 1)
      journal.record(new Date(Date.UTC(2026, 10, 24, 0, index)), `error ${index}`)
    const entries = journal.list()
    expect(entries).toHaveLength(20)
    expect(entries[0]).toEqual({ time: '2026-11-24T00:05:00.000Z', message: 'error 5' })
    journal.record(new Date(), 'x'.repeat(900))
    expect(journal.list().at(-1)?.message).toHaveLength(500)
  })
})
