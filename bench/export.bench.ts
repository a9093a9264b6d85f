import { execFileSync, fork } from 'node:child_process'
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportFormat } from '../src/main/export/exporter'
import type { CopyRun } from './copy-child'
import type { ExportRun } from './export-child'
import { benchmarkNow, seedMonths, seedRecords, writeMonthFiles } from './feedback-fixtures'
import { type Benchmark, type Measurement, median, ratio, round } from './result'

/** An export may take at most this many times as long as copying its bytes to the destination with one fsync. */
const budget = 3
/** The most memory it may take on top of what the kiosk already holds (issue 7); memory, not speed. */
const budgetMegabytes = 200

const megabyte = 1024 * 1024

/** Runs a benchmark child (export-child.ts or copy-child.ts) in a fresh Node process and returns what it reports. */
function runChild<Run extends { ok: boolean; message: string }>(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, script), args, {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    let run: Run | null = null
    child.on('message', (message) => (run = message as Run))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (run === null) reject(new Error(`${script} ended (code ${code}) without a result`))
      else if (!run.ok) reject(new Error(`${script} failed: ${run.message}`))
      else resolve(run)
    })
  })
}

/**
 * Writes what is waiting in the page cache to disk (sync(1)), so neither an export nor its floor pays for writes
 * made before it: the seeded month files, or the other's files.
 */
const settleDisk = () => execFileSync('sync')

/**
 * Puts the export's bytes (the export and its manifest, one after the other) in a file in the data folder, on the same
 * disk as the month files the export read, for the floor to copy; not timed.
 */
async function floorSource(folder: string): Promise<string> {
  const source = join(folder, 'floor-source')
  const destination = join(folder, 'export')
  for (const name of (await readdir(destination)).sort())
    await appendFile(source, await readFile(join(destination, name)))
  return source
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
      const copies: CopyRun[] = []
      // Each export is followed by its floor, in a fresh process too: export, copy, export, copy…
      for (let run = 0; run < runs; run += 1) {
        const folder = await mkdtemp(join(tmpdir(), 'kiosk-bench-export-'))
        try {
          await writeMonthFiles(join(folder, 'feedback'), records, layout)
          await mkdir(join(folder, 'export'))
          settleDisk()
          const result = await runChild<ExportRun>('export-child.ts', [folder, format satisfies ExportFormat])
          if (result.records !== count) throw new Error(`the export held ${result.records} records, not ${count}`)
          results.push(result)
          const source = await floorSource(folder)
          settleDisk()
          const copy = await runChild<CopyRun>('copy-child.ts', [source, join(folder, 'export', 'floor-copy')])
          if (copy.bytes !== result.bytes) throw new Error(`the floor copied ${copy.bytes} bytes, not ${result.bytes}`)
          copies.push(copy)
        } finally {
          await rm(folder, { recursive: true, force: true })
        }
      }
      const name = format.toUpperCase()
      const of = runs > 1 ? `, medians of ${runs}` : ''
      const bytes = median(results.map((result) => result.bytes))
      measurements.push(
        ratio({
          id: `export-${format}-ratio${suffix}`,
          label: `Export to ${name}, ${size}${words} ÷ copying its ${round(bytes / megabyte)} MB with one fsync${of}`,
          measured: median(results.map((result) => result.milliseconds)),
          floor: { label: 'copy with one fsync', value: median(copies.map((copy) => copy.milliseconds)), unit: 'ms' },
          budget: layout === 'store' ? budget : null
        }),
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
      `record count), and mark the records exported (every month file rewritten). The floor is copying as many ` +
      `bytes as the export put in the destination (the export and its manifest) from a file in the data folder to ` +
      `the destination, read and written in 1 MB pieces with one fsync at the end, in a fresh Node process as well, ` +
      `right after each export: those bytes have to be read, written and flushed to that disk whatever an export ` +
      `does, so no export can beat it on that machine. Before each export and each copy everything waiting in the ` +
      `page cache is written out (sync), so neither pays for the other's writes or the seeding's. ` +
      `${runs} run${runs > 1 ? 's' : ''} of each per format${runs > 1 ? ', the budget on the ratio of the medians' : ''}. Peak memory is the process's peak resident set size (getrusage ` +
      `maxRSS) minus its resident set just before the export, after a garbage collection: what the export adds to a ` +
      `running kiosk, the 100k records read included; the whole process's peak is given for information. The same ` +
      `runs over files as electron-store wrote them show the first export after updating, which re-encodes every ` +
      `record when it marks them; it happens once per kiosk and has no budget.`,
    measurements
  }
}

export default exportBenchmark
