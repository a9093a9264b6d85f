import { join } from 'node:path'
import { writeFleetReport } from '../src/main/export/fleet-report'
import { benchmarkNow } from './feedback-fixtures'

/** What one fleet report run reports to the benchmark that started it. */
export interface FleetRun {
  records: number
  duplicates: number
  stations: number
  leftOut: number
  milliseconds: number
  /** Resident memory before the report, with its code loaded, in bytes. */
  rssBefore: number
  /** The process's peak resident memory (its high-water mark since it started), in bytes. */
  peakRss: number
}

/** One fleet report in a process of its own, so its peak memory is its own: the folder given, the report beside it. */
async function main(): Promise<void> {
  const [folder, out] = process.argv.slice(2)
  if (!folder || !out) throw new Error('usage: fleet-report-child <folder> <out folder>')
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const outcome = await writeFleetReport(folder, join(out, 'fleet.html'), benchmarkNow)
  const run: FleetRun = {
    records: outcome.records,
    duplicates: outcome.duplicates,
    stations: outcome.stations,
    leftOut: outcome.leftOut.length,
    milliseconds: performance.now() - started,
    rssBefore,
    // maxRSS is in kilobytes (getrusage).
    peakRss: process.resourceUsage().maxRSS * 1024
  }
  process.send?.(run)
}

await main()
