/** One measured figure of a benchmark, with its budget when it has one. */
export interface Measurement {
  /** Stable id, such as "submit-p95-100k"; results.json is keyed by it. */
  id: string
  /** What was measured, in words, for the table in BENCHMARKS.md. */
  label: string
  value: number
  unit: 'KB' | 'ms' | 'MB' | 'count' | 'ratio' | 'fps'
  /** The budget the value must not exceed (or, with `atLeast`, must reach); null when the figure is for information. */
  budget: number | null
  /** True when the budget is a floor rather than a ceiling. */
  atLeast?: boolean
}

/** What one benchmark reports: its figures, and how it was measured. */
export interface BenchmarkReport {
  /** 1 to 7, in the order of issue 7. */
  number: number
  name: string
  /** How the figures were taken, in a sentence or two, for BENCHMARKS.md. */
  method: string
  measurements: Measurement[]
}

/** Options every benchmark takes. */
export interface BenchmarkOptions {
  /** A small version that finishes fast: fewer records, fewer repetitions, a shorter simulated time. */
  quick: boolean
}

/** A benchmark module's entry point. */
export type Benchmark = (options: BenchmarkOptions) => Promise<BenchmarkReport>

/** Whether a measurement is within its budget (figures without a budget always are). */
export const withinBudget = (measurement: Measurement): boolean =>
  measurement.budget === null ||
  (measurement.atLeast ? measurement.value >= measurement.budget : measurement.value <= measurement.budget)

/** Percentile of a list of numbers (nearest rank), for latency figures. */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank] as number
}

/** The middle value of a list of numbers (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Rounds a figure to a few decimals (one by default), for the tables people read. */
export const round = (value: number, places = 1): number => Math.round(value * 10 ** places) / 10 ** places
