import { fork } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportFormat } from '../src/main/export/exporter'
import type { ExportRun } from './export-child'
import { benchmarkNow, seedMonths, seedRecords, writeMonthFiles } from './feedback-fixtures'
import { type Benchmark, type Measurement, median, round } from './result'

/** The longest a staff export of 100k records may take (issue 7). */
const budgetMs = 1000
/** The most memory it may take on top of what the kiosk already holds (issue 7). */
const budgetMegabytes = 200

const megabyte = 1024 * 1024

/** Runs export-child.ts in a fresh Node process (with the parent's tsx loader) and returns what it reports. */
function runChild(dataFolder: string, format: ExportFormat): Promise<ExportRun> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, 'export-child.ts'), [dataFolder, format], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    let run: ExportRun | null = null
    child.on('message', (message) => (run = message as ExportRun))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (run === null) reject(new Error(`the export process ended (code ${code}) without a result`))
      else if (!run.ok) reject(new Error(`the export failed: ${run.message}`))
      else resolve(run)
    })
  })
}

/** Benchmark 6: a staff export of 100k records to CSV and to JSON, its time and its peak memory. */
const exportBenchmark: Benchmark = async ({ quick }) => {
  const count = quick ? 10_000 : 100_000
  const runs = quick ? 1 : 3
  const size = quick ? '10k records (quick size for 100k)' : '100k records'
  const records = seedRecords(count, benchmarkNow, seedMonths)
  const measurements: Measurement[] = []
  const scenarios = [
    { layout: 'store', suffix: '', words: '' },
    {
      layout: 'electron-store',
      suffix: '-first-after-update',
      words: ' in files as electron-store wrote them (the first export after updating, once; no budget)'
    }
  ] as const
  for (const { layout, suffix, words } of scenarios)
    for (const format of ['csv', 'json'] as const) {
      const results: ExportRun[] = []
      for (let run = 0; run < runs; run += 1) {
        const folder = await mkdtemp(join(tmpdir(), 'kiosk-bench-export-'))
        try {
          await writeMonthFiles(join(folder, 'feedback'), records, layout)
          await mkdir(join(folder, 'export'))
          const result = await runChild(folder, format)
          if (result.records !== count) throw new Error(`the export held ${result.records} records, not ${count}`)
          results.push(result)
        } finally {
          await rm(folder, { recursive: true, force: true })
        }
      }
      const name = format.toUpperCase()
      const of = runs > 1 ? `, median of ${runs}` : ''
      measurements.push(
        {
          id: `export-${format}-ms${suffix}`,
          label: `Export to ${name}, ${size}${words}${of}`,
          value: round(median(results.map((result) => result.milliseconds))),
          unit: 'ms',
          budget: layout === 'store' ? budgetMs : null
        },
        {
          id: `export-${format}-peak-mb${suffix}`,
          label: `Export to ${name}, peak memory above the kiosk at rest, ${size}${words}${runs > 1 ? `, most of ${runs}` : ''}`,
          value: round(Math.max(...results.map((result) => (result.peakRss - result.rssBefore) / megabyte))),
          unit: 'MB',
          budget: layout === 'store' ? budgetMegabytes : null
        }
      )
      if (layout === 'store')
        measurements.push({
          id: `export-${format}-peak-rss-mb`,
          label: `Export to ${name}, peak resident memory of the whole process, ${size}`,
          value: round(Math.max(...results.map((result) => result.peakRss / megabyte))),
          unit: 'MB',
          budget: null
        })
    }
  return {
    number: 6,
    name: 'Export',
    method:
      `${count} records seeded straight into month files (${seedMonths} months, evenly spread, three in ten with a ` +
      `comment, one in seven in Spanish) under the system temp directory, laid out as this version writes them. Each ` +
      `run starts a fresh Node process that opens the kiosk core over them with conf and times StaffService.export ` +
      `of every record to a folder on the same disk, as staff do it: read and check the month files, sort, write the ` +
      `export in pieces to a temporary file with fsync, rename, write the manifest, read back and verify (SHA-256 and ` +
      `record count), and mark the records exported (every month file rewritten). ${runs} run${runs > 1 ? 's' : ''} ` +
      `per format${runs > 1 ? ' (median time)' : ''}. Peak memory is the process's peak resident set size (getrusage ` +
      `maxRSS) minus its resident set just before the export, after a garbage collection: what the export adds to a ` +
      `running kiosk, the 100k records read included; the whole process's peak is given for information. The same ` +
      `runs over files as electron-store wrote them show the first export after updating, which re-encodes every ` +
      `record when it marks them; it happens once per kiosk and has no budget.`,
    measurements
  }
}

export default exportBenchmark
