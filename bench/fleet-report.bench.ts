import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FleetRun } from './fleet-report-child'
import { writeFleetFolder } from './fleet-fixtures'
import { type Benchmark, round } from './result'

/** The longest the fleet report of 1 million records from 100 kiosks may take (issue 16). */
const budgetSeconds = 30
/** The most memory its process may hold at its peak (issue 16). */
const budgetMegabytes = 300

/** Runs fleet-report-child.ts in a fresh Node process (with the parent's tsx loader) and returns what it reports. */
function runChild(folder: string, out: string): Promise<FleetRun> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, 'fleet-report-child.ts'), [folder, out], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    let run: FleetRun | null = null
    child.on('message', (message) => (run = message as FleetRun))
    child.on('error', reject)
    child.on('exit', (code) => (run === null ? reject(new Error(`the report ended (code ${code})`)) : resolve(run)))
  })
}

/** Benchmark 10: the fleet report over a shared folder of 100 kiosks' exports (1 million records), time and memory. */
const fleetReportBenchmark: Benchmark = async ({ quick }) => {
  const kiosks = quick ? 10 : 100
  const perKiosk = quick ? 2_000 : 10_000
  const folder = await mkdtemp(join(tmpdir(), 'kiosk-bench-fleet-'))
  const out = await mkdtemp(join(tmpdir(), 'kiosk-bench-fleet-out-'))
  try {
    const fixture = await writeFleetFolder(folder, kiosks, perKiosk)
    const run = await runChild(folder, out)
    if (run.records !== fixture.records || run.duplicates !== fixture.duplicates || run.leftOut !== 0)
      throw new Error(
        `the report counted ${run.records} records and ${run.duplicates} duplicates, not ${fixture.records} and ${fixture.duplicates}`
      )
    const size = `${round(fixture.records / 1e6, 2)}M records from ${kiosks} kiosks${quick ? ' (quick size for 1M from 100)' : ''}`
    return {
      number: 10,
      name: 'Fleet report',
      method:
        'A shared folder generated as kiosks leave it (one verified export per kiosk with its manifest, CSV or every ' +
        'fifth JSON, a second export repeating a tenth of the records on every tenth kiosk, an engagement export and a ' +
        'status file each); the report verifies every file, counts records once, writes the page and the combined CSV, ' +
        'in a Node process of its own whose peak resident memory (getrusage maxRSS) is the memory figure.',
      measurements: [
        {
          id: 'fleet-report-ms',
          label: `Fleet report, ${size}`,
          value: round(run.milliseconds),
          unit: 'ms',
          budget: quick ? null : budgetSeconds * 1000
        },
        {
          id: 'fleet-report-peak-mb',
          label: `Fleet report, peak memory of its process, ${size}`,
          value: round(run.peakRss / 2 ** 20),
          unit: 'MB',
          budget: quick ? null : budgetMegabytes
        },
        {
          id: 'fleet-report-rest-mb',
          label: 'Fleet report, of which the process at rest with its code loaded (Node, tsx, the modules)',
          value: round(run.rssBefore / 2 ** 20),
          unit: 'MB',
          budget: null
        }
      ]
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
    await rm(out, { recursive: true, force: true })
  }
}

export default fleetReportBenchmark
