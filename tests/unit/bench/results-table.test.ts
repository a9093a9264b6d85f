import { describe, expect, it } from 'vitest'
import type { BenchmarkReport } from '../../../bench/result'
import { consoleLine, loadText, resultsTable } from '../../../bench/results-table'

const report: BenchmarkReport = {
  number: 2,
  name: 'First paint',
  method: 'Cold starts in turn with a static copy.',
  measurements: [
    {
      id: 'first-paint-ratio',
      label: 'First paint ÷ static copy',
      value: 1.08,
      unit: 'ratio',
      budget: 1.15,
      floor: { label: 'static copy, median', value: 381, unit: 'ms' },
      absolute: 411.5
    },
    { id: 'first-paint-worst', label: 'slowest start', value: 672, unit: 'ms', budget: null },
    { id: 'size', label: 'JS | CSS', value: 54.4, unit: 'KB', budget: 54 }
  ]
}

describe('the results table of BENCHMARKS.md', () => {
  const table = resultsTable([report], '2026-12-03 12:00 UTC', '2 × CPU, load average 3.1', false)
  const rows = table.split('\n').filter((line) => line.startsWith('| 2.'))

  it('shows a ratio with its budget and verdict, then the absolute figure and the floor it was divided by', () => {
    expect(rows[0]).toBe(
      '| 2. First paint | First paint ÷ static copy | 1.08× | ≤ 1.15 | met | 411.5 ms | 381 ms (static copy, median) |'
    )
  })

  it('leaves the absolute and floor cells empty for a figure without a floor, as figures were before', () => {
    expect(rows[1]).toBe('| 2. First paint | slowest start | 672 ms | — |  |  |  |')
  })

  it('marks a figure over its budget, and keeps a pipe in a label inside its cell', () => {
    expect(rows[2]).toBe('| 2. First paint | JS \\| CSS | 54.4 KB | ≤ 54 | **over** |  |  |')
  })

  it('names the run, the machine and its load, and says how each benchmark measured', () => {
    expect(table.split('\n')[0]).toBe('Run 2026-12-03 12:00 UTC on 2 × CPU, load average 3.1.')
    expect(table).toContain('| Benchmark | Figure | Value | Budget | | Absolute | Floor (same run) |')
    expect(table).toContain('- **2. First paint:** Cold starts in turn with a static copy.')
  })

  it('says when a quick run is not comparable with the budgets', () => {
    expect(resultsTable([report], 'now', 'here', true)).toContain('(quick sizes: not comparable with the budgets)')
  })
})

describe('the console line of a figure', () => {
  it('prints a ratio with its budget and the absolute figures beside it', () => {
    expect(consoleLine(report.measurements[0]!)).toBe(
      '    First paint ÷ static copy: 1.08× (budget ≤ 1.15) — 411.5 ms against 381 ms (static copy, median)'
    )
  })

  it('marks a figure over budget with a cross', () => {
    expect(consoleLine(report.measurements[2]!)).toBe('  ✗ JS | CSS: 54.4 KB (budget ≤ 54)')
  })
})

describe('the load average of a run', () => {
  it('gives the start, the end and the busiest sample between, since the start and the end alone miss the middle', () => {
    expect(loadText([5.74, 9.2, 14.26, 6, 5.1])).toBe('load average 5.7 at the start, 5.1 at the end, at most 14.3')
  })

  it('says so when there is no sample', () => {
    expect(loadText([])).toBe('load average unknown')
  })
})
