/** The units a figure is given in. */
export type Unit = 'KB' | 'ms' | 'MB' | 'count' | 'ratio' | 'fps'

/**
 * What a ratio divides by: a floor measured in the same run, on the same machine under the same load, usually what
 * the machine cannot beat (a static page, an fsync, a file copy).
 */
export interface Floor {
  /** What the floor is, in a few words for the table: "static copy of the first screen". */
  label: string
  value: number
  unit: Unit
}

/** One measured figure of a benchmark, with its budget when it has one. */
export interface Measurement {
  /** Stable id, such as "submit-p95-100k"; results.json is keyed by it. */
  id: string
  /** What was measured, in words, for the table in BENCHMARKS.md. */
  label: string
  value: number
  unit: Unit
  /** The budget the value must not exceed (or, with `atLeast`, must reach); null when the figure is for information. */
  budget: number | null
  /** True when the budget is a floor rather than a ceiling. */
  atLeast?: boolean
  /** For a ratio: the floor it divides by, measured in the same run. */
  floor?: Floor
  /** For a ratio: the absolute figure it divides by the floor, in the floor's unit, kept beside the ratio. */
  absolute?: number
}

/** What one benchmark reports: its figures, and how it was measured. */
export interface BenchmarkReport {
  /** Its number in `npm run bench` and in BENCHMARKS.md. */
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

/** What `ratio` builds a measurement from. */
export interface RatioFigure {
  id: string
  label: string
  /** The figure measured, such as the app's median first paint. */
  measured: number
  /** The floor measured beside it in the same run. */
  floor: Floor
  budget: number | null
  atLeast?: boolean
  /** Decimals the ratio is rounded to (two by default); the absolute figures keep one more than `round` gives. */
  places?: number
}

/**
 * A figure as a ratio to its floor, with both absolute figures kept beside it, so the budget holds on any machine and
 * the time a person waits is still there to read.
 */
export function ratio({ id, label, measured, floor, budget, atLeast, places = 2 }: RatioFigure): Measurement {
  if (!(floor.value > 0)) throw new Error(`the floor of ${id} (${floor.label}) is ${floor.value}: nothing to divide by`)
  const precise = (value: number) => round(value, value < 10 ? 2 : 1)
  return {
    id,
    label,
    value: round(measured / floor.value, places),
    unit: 'ratio',
    budget,
    ...(atLeast ? { atLeast } : {}),
    floor: { ...floor, value: precise(floor.value) },
    absolute: precise(measured)
  }
}

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

/**
 * Runs `measured` and `floor` in turn, A B A B…, `times` times each, so both meet the same machine: a burst of other
 * work on the shared cores falls on both rather than on one. Returns each one's results in order.
 */
export async function alternate<T>(
  times: number,
  measured: (run: number) => Promise<T>,
  floor: (run: number) => Promise<T>
): Promise<{ measured: T[]; floor: T[] }> {
  const results = { measured: [] as T[], floor: [] as T[] }
  for (let run = 0; run < times; run += 1) {
    results.measured.push(await measured(run))
    results.floor.push(await floor(run))
  }
  return results
}
