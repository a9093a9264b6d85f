import { describe, expect, it } from 'vitest'
import { alternate, type Measurement, median, percentile, ratio, withinBudget } from '../../../bench/result'

const floor = { label: 'static copy, median', value: 400, unit: 'ms' as const }

describe('a figure as a ratio to its floor', () => {
  it('divides the measured figure by the floor and keeps both absolute figures beside the ratio', () => {
    const figure = ratio({ id: 'first-paint-ratio', label: 'first paint', measured: 452, floor, budget: 1.15 })
    expect(figure).toEqual({
      id: 'first-paint-ratio',
      label: 'first paint',
      value: 1.13,
      unit: 'ratio',
      budget: 1.15,
      floor: { label: 'static copy, median', value: 400, unit: 'ms' },
      absolute: 452
    })
    expect(withinBudget(figure)).toBe(true)
  })

  it('is over its budget when the measured figure is more than the budget times the floor', () => {
    expect(withinBudget(ratio({ id: 'r', label: 'r', measured: 470, floor, budget: 1.15 }))).toBe(false)
  })

  it('must reach a budget that is a floor, such as "at least 200 times faster"', () => {
    const month = { label: 'month files, p95', value: 3.2, unit: 'ms' as const }
    const fast = ratio({ id: 'r', label: 'r', measured: 1100, floor: month, budget: 200, atLeast: true, places: 0 })
    expect(fast.value).toBe(344)
    expect(withinBudget(fast)).toBe(true)
    expect(withinBudget(ratio({ id: 'r', label: 'r', measured: 500, floor: month, budget: 200, atLeast: true }))).toBe(
      false
    )
  })

  it('refuses a floor of nothing rather than report an infinite or empty ratio', () => {
    expect(() => ratio({ id: 'r', label: 'r', measured: 5, floor: { ...floor, value: 0 }, budget: 2 })).toThrow(
      /static copy, median/
    )
    expect(() =>
      ratio({ id: 'r', label: 'r', measured: 5, floor: { ...floor, value: Number.NaN }, budget: 2 })
    ).toThrow()
  })

  it('still judges a figure without a floor as before', () => {
    const size: Measurement = { id: 'size', label: 'size', value: 53.6, unit: 'KB', budget: 54 }
    expect(withinBudget(size)).toBe(true)
    expect(withinBudget({ ...size, value: 54.1 })).toBe(false)
    expect(withinBudget({ ...size, budget: null, value: 1e9 })).toBe(true)
  })
})

describe('percentiles and medians', () => {
  it('takes the nearest rank for a percentile and the middle for a median', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(percentile(values, 0.95)).toBe(10)
    expect(percentile(values, 0.5)).toBe(5)
    expect(median(values)).toBe(5.5)
    expect(median([3, 1, 2])).toBe(2)
  })
})

describe('taking a figure and its floor in turn', () => {
  it('runs them A B A B so both meet the same moments of the machine, and keeps each one apart', async () => {
    const order: string[] = []
    const results = await alternate(
      3,
      async (run) => (order.push(`app ${run}`), run * 10),
      async (run) => (order.push(`floor ${run}`), run)
    )
    expect(order).toEqual(['app 0', 'floor 0', 'app 1', 'floor 1', 'app 2', 'floor 2'])
    expect(results).toEqual({ measured: [0, 10, 20], floor: [0, 1, 2] })
  })
})
