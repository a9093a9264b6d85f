import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { startBenchmarkCore } from './feedback-fixtures'

/** What one export run reports to the benchmark that started it. */
export interface ExportRun {
  ok: boolean
  message: string
  records: number
  milliseconds: number
  /** What the export put in the destination folder (the export and its manifest), in bytes. */
  bytes: number
  /** Resident memory just before the export, after a garbage collection, in bytes. */
  rssBefore: number
  /** The process's peak resident memory (its high-water mark since it started), in bytes. */
  peakRss: number
}

/**
 * One export in a process of its own, so its peak memory is not mixed with the benchmark's: starts the kiosk core over
 * the data folder given as argument, exports every record to `<data folder>/export` in the format given, and sends the
 * figures to the parent.
 */
async function main(): Promise<void> {
  const [dataFolder, format] = process.argv.slice(2)
  if (!dataFolder || (format !== 'csv' && format !== 'json')) throw new Error('usage: export-child <folder> csv|json')
  const core = await startBenchmarkCore(dataFolder, join(dataFolder, 'export'))
  await core.staff.destinations()
  globalThis.gc?.()
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const result = await core.staff.export('configured', format, { kind: 'all' })
  const milliseconds = performance.now() - started
  // maxRSS is in kilobytes (getrusage).
  const peakRss = process.resourceUsage().maxRSS * 1024
  const destination = join(dataFolder, 'export')
  let bytes = 0
  for (const name of await readdir(destination)) bytes += (await stat(join(destination, name))).size
  const run: ExportRun = {
    ok: result.ok,
    message: result.ok ? result.value.file : result.error.message,
    records: result.ok ? result.value.records : 0,
    milliseconds,
    bytes,
    rssBefore,
    peakRss
  }
  process.send?.(run)
}

await main()
