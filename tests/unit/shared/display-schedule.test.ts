import { describe, expect, it } from 'vitest'
import { burnInOffset, isDisplayAwake } from '../../../src/shared/display-schedule'

const weekdays = { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:30' }

describe('display schedule', () => {
  it('keeps the display awake all the time without clinic hours', () => {
    expect(isDisplayAwake(new Date(2026, 10, 29, 3, 0), null)).toBe(true)
  })

  it('is awake only on clinic days, between opening and closing', () => {
    expect(isDisplayAwake(new Date(2026, 10, 24, 7, 59), weekdays)).toBe(false)
    expect(isDisplayAwake(new Date(2026, 10, 24, 8, 0), weekdays)).toBe(true)
    expect(isDisplayAwake(new Date(2026, 10, 24, 18, 29), weekdays)).toBe(true)
    expect(isDisplayAwake(new Date(2026, 10, 24, 18, 30), weekdays)).toBe(false)
    expect(isDisplayAwake(new Date(2026, 10, 29, 12, 0), weekdays)).toBe(false)
  })
})

describe('burn-in offset', () => {
  it('moves the screen a few pixels every five minutes and comes round again', () => {
    const start = new Date(Date.UTC(2026, 10, 24, 0, 0))
    const offsets = Array.from({ length: 10 }, (_, index) =>
      burnInOffset(new Date(start.getTime() + index * 5 * 60_000))
    )
    expect(new Set(offsets.slice(0, 9).map((offset) => `${offset.x},${offset.y}`)).size).toBe(9)
    expect(offsets.every((offset) => Math.abs(offset.x) <= 4 && Math.abs(offset.y) <= 4)).toBe(true)
    expect(burnInOffset(new Date(start.getTime() + 2 * 60_000))).toEqual(offsets[0])
  })
})
