import { describe, expect, it } from 'vitest'
import { localDay, shiftDay } from '../../../src/shared/local-day'

describe('local days', () => {
  it('names the day an instant falls on in the PC time zone', () => {
    const lateEvening = new Date(2026, 10, 24, 23, 59)
    expect(localDay(lateEvening)).toBe('2026-11-24')
    expect(localDay(lateEvening.toISOString())).toBe('2026-11-24')
  })

  it('steps days across month and year ends and daylight-saving changes', () => {
    expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01')
    expect(shiftDay('2027-01-01', -1)).toBe('2026-12-31')
    expect(shiftDay('2026-03-29', 1)).toBe('2026-03-30')
    expect(shiftDay('2026-11-24', -30)).toBe('2026-10-25')
  })
})
