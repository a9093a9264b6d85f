/**
 * Runs the benchmarks of issue 7 and after and writes bench/results.json and the results table of BENCHMARKS.md.
 * Speed budgets are ratios to a floor measured in the same run, so they hold on any machine; each ratio is printed
 * with the absolute figures beside it.
 *
 *   npm run bench               all of them at full size (about twenty minutes)
 *   npm run bench -- --quick    a small version of each, in a few minutes
 *   npm run bench -- 2 5        only benchmarks 2 and 5
 *
 * Exits 1 when a figure is over its budget, so a slower change is noticed (not with --quick, whose sizes the budgets
 * were not set for); CI does not run this.
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type Benchmark, type BenchmarkReport, withinBudget } from './result'
import { consoleLine, loadText, resultsTable } from './results-table'

const benchmarks: Record<number, () => Promise<{ default: Benchmark }>> = {
  1: () => import('./renderer-size.bench'),
  2: () => import('./first-paint.bench'),
  3: () => import('./smoothness.bench'),
  4: () => import('./endurance.bench'),
  5: () => import('./store.bench'),
  6: () => import('./export.bench'),
  7: () => import('./summary.bench'),
  8: () => import('./scrub.bench'),
  9: () => import('./content.bench'),
  10: () => import('./fleet-report.bench')
}

const resultsFile = resolve(import.meta.dirname, 'results.json')
const benchmarksFile = resolve(import.meta.dirname, '../BENCHMARKS.md')
const tableStart = '<!-- results:start -->'
const tableEnd = '<!-- results:end -->'

/** The machine the figures come from, since they mean little without it. */
function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}`
}

/** The load average over the last minute: other work on the same cores, which the ratios are there to absorb. */
const load = () => loadavg()[0] ?? Number.NaN

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const quick = args.includes('--quick')
  const chosen = args.filter((arg) => /^\d+$/.test(arg)).map(Number)
  const numbers = chosen.length > 0 ? chosen : Object.keys(benchmarks).map(Number)
  const reports: BenchmarkReport[] = []
  // Sampled through the run, since the start and the end alone miss the busy middle.
  const loads = [load()]
  const sampling = setInterval(() => loads.push(load()), 30_000).unref()
  for (const number of numbers) {
    const loader = benchmarks[number]
    if (!loader) throw new Error(`there is no benchmark ${number}`)
    const started = performance.now()
    process.stdout.write(`benchmark ${number}… `)
    const report = await (await loader()).default({ quick })
    reports.push(report)
    console.log(`${report.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
    for (const measurement of report.measurements) console.log(consoleLine(measurement))
  }
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
  clearInterval(sampling)
  loads.push(load())
  const machineAndLoad = `${machine()}, ${loadText(loads)}`
  console.log(`\n${machineAndLoad}`)
  const previous = JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '{}')) as Record<string, unknown>
  // A partial or quick run is kept apart, so it never overwrites the full figures the documentation quotes.
  const key = quick ? 'quick' : chosen.length > 0 ? 'partial' : 'full'
  const results = { ...previous, [key]: { when, machine: machineAndLoad, reports } }
  await writeFile(resultsFile, JSON.stringify(results, null, 2) + '\n')
  if (key === 'full') {
    const document = await readFile(benchmarksFile, 'utf8')
    const start = document.indexOf(tableStart)
    const end = document.indexOf(tableEnd)
    if (start >= 0 && end > start)
      await writeFile(
        benchmarksFile,
        `${document.slice(0, start + tableStart.length)}\n${resultsTable(reports, when, machineAndLoad, quick)}\n${document.slice(end)}`
      )
  }
  const over = reports.flatMap((report) => report.measurements).filter((measurement) => !withinBudget(measurement))
  if (over.length > 0) {
    console.log(`\n${over.length} figure(s) over budget: ${over.map((measurement) => measurement.id).join(', ')}`)
    // At quick sizes fixed costs weigh more (an export of 10k records against a copy of 1.5 MB), so the budgets,
    // set for the full sizes, are shown but do not fail the run.
    if (quick) console.log('(quick sizes: not comparable with the budgets, so this run does not fail)')
    else process.exitCode = 1
  }
}

await main()
