import { type BenchmarkReport, type Measurement, withinBudget } from './result'

/** A figure as people read it: whole numbers as they are, small ones with two decimals, others with one. */
export const formatNumber = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 2 : 1)

/** A value with its unit; a ratio reads "1.08×". */
export const withUnit = (value: number, unit: Measurement['unit']): string =>
  unit === 'ratio' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`

/** The budget of a figure, "≤ 1.15" or "≥ 200", or "—" when it has none. */
export const budgetText = (measurement: Measurement): string =>
  measurement.budget === null ? '—' : `${measurement.atLeast ? '≥' : '≤'} ${formatNumber(measurement.budget)}`

/** "met", "**over**", or nothing for a figure without a budget. */
export const verdict = (measurement: Measurement): string =>
  measurement.budget === null ? '' : withinBudget(measurement) ? 'met' : '**over**'

/** The absolute figure behind a ratio, or nothing for a figure without a floor. */
export const absoluteText = (measurement: Measurement): string =>
  measurement.floor && measurement.absolute !== undefined ? withUnit(measurement.absolute, measurement.floor.unit) : ''

/** The floor a ratio divides by, with what it is, or nothing for a figure without one. */
export const floorText = (measurement: Measurement): string =>
  measurement.floor ? `${withUnit(measurement.floor.value, measurement.floor.unit)} (${measurement.floor.label})` : ''

/** One line of the console output: the figure, its budget, and for a ratio the absolute figures beside it. */
export function consoleLine(measurement: Measurement): string {
  const budget = measurement.budget === null ? '' : ` (budget ${budgetText(measurement)})`
  const absolute = measurement.floor ? ` — ${absoluteText(measurement)} against ${floorText(measurement)}` : ''
  return `  ${withinBudget(measurement) ? ' ' : '✗'} ${measurement.label}: ${withUnit(measurement.value, measurement.unit)}${budget}${absolute}`
}

/**
 * The load average of a run from its samples (the first at the start, the last at the end, others every 30 s
 * between): "load average 5.7 at the start, 5.1 at the end, at most 14.3".
 */
export function loadText(samples: number[]): string {
  if (samples.length === 0) return 'load average unknown'
  const one = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(1))
  return `load average ${one(samples[0])} at the start, ${one(samples.at(-1))} at the end, at most ${one(Math.max(...samples))}`
}

/** A table cell: a pipe inside a label must not end the cell. */
const cell = (text: string) => text.replaceAll('|', '\\|')

/**
 * The Markdown table of a run: one row per figure, with its budget, whether it was met, and for a ratio the absolute
 * figure and the floor it was divided by; then how each benchmark measured.
 */
export function resultsTable(reports: BenchmarkReport[], when: string, machine: string, quick: boolean): string {
  const rows = reports.flatMap((report) =>
    report.measurements.map(
      (measurement) =>
        `| ${report.number}. ${cell(report.name)} | ${cell(measurement.label)} | ${withUnit(measurement.value, measurement.unit)} | ` +
        `${budgetText(measurement)} | ${verdict(measurement)} | ${absoluteText(measurement)} | ${cell(floorText(measurement))} |`
    )
  )
  return [
    `Run ${when}${quick ? ' (quick sizes: not comparable with the budgets)' : ''} on ${machine}.`,
    '',
    '| Benchmark | Figure | Value | Budget | | Absolute | Floor (same run) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...reports.map((report) => `- **${report.number}. ${report.name}:** ${report.method}`)
  ].join('\n')
}
