import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FeedbackInput, FeedbackRecord } from '../src/shared/feedback'
import { FeedbackService } from '../src/main/feedback/feedback-service'
import { FeedbackStore } from '../src/main/feedback/feedback-store'
import { type MonthData, monthFileOptions, monthOf } from '../src/main/feedback/month-file'
import type { JsonFile } from '../src/main/kiosk/json-file'
import {
  benchmarkNow,
  inMonth,
  openConf,
  seedMonths,
  seededRandom,
  seedRecords,
  storeFileText,
  writeMonthFiles
} from './feedback-fixtures'
import { type Benchmark, type Measurement, percentile, round } from './result'

/** The p95 a patient's "Send" may take with 100k records on disk (issue 7). */
const budgetMs = 5

/**
 * The design the month files replaced: every record in one electron-store file, read and rewritten whole on each
 * append, with the same schema, random insertion and one-at-a-time queue. Kept here only to compare against.
 */
class SingleFileStore {
  readonly #file: JsonFile<MonthData>
  readonly #random: () => number
  #queue: Promise<void> = Promise.resolve()

  constructor(folder: string, random: () => number) {
    this.#file = openConf(folder, 'feedback', monthFileOptions())
    this.#random = random
  }

  append(record: FeedbackRecord): Promise<void> {
    const write = this.#queue.then(() => {
      const records = this.#file.get('records')
      const position = Math.floor(this.#random() * (records.length + 1))
      this.#file.set('records', [...records.slice(0, position), record, ...records.slice(position)])
    })
    this.#queue = write.catch(() => {})
    return write
  }
}

/** What patients send: the bundled article, a face, sometimes a part and a comment (scrubbing runs on it). */
function inputs(count: number): FeedbackInput[] {
  const random = seededRandom(3)
  return Array.from({ length: count }, (_, index) => ({
    articleId: 'baclofen-piriformis-syndrome',
    sectionId: random() < 0.5 ? null : 'understanding-piriformis-syndrome',
    rating: (1 + (index % 3)) as 1 | 2 | 3,
    comment: random() < 0.6 ? null : `Clear and kind, thank you. Call me on 555 123 4567 if needed (visit ${index}).`,
    language: 'en'
  }))
}

/** Times each submit through the real FeedbackService over `store`, one after another as patients send them. */
async function timeSubmits(store: Pick<FeedbackStore, 'append'>, count: number): Promise<number[]> {
  let clock = 0
  const service = new FeedbackService({
    store,
    now: () => benchmarkNow,
    // Each patient comes a minute after the last, so the minimum gap never refuses one.
    monotonic: () => (clock += 60_000),
    randomId: () => crypto.randomUUID(),
    station: () => 'Waiting room 2',
    appVersion: '0.1.0',
    contentVersion: () => 'a1b2c3d4e5f6',
    roundingMinutes: () => 15,
    minimumGapSeconds: () => 5,
    isShown: () => true,
    logError: (message, error) => console.error(message, error)
  })
  const times: number[] = []
  for (const input of inputs(count)) {
    const started = performance.now()
    const result = await service.submit(input)
    times.push(performance.now() - started)
    if (!result.ok) throw new Error(`a benchmark submit failed: ${result.error.message}`)
  }
  return times
}

/** Seeds a fresh folder, runs the submits against the store `open` builds there, and removes the folder. */
async function scenario(
  seed: (folder: string) => Promise<void>,
  open: (folder: string) => Pick<FeedbackStore, 'append'>,
  count: number
): Promise<number[]> {
  const folder = await mkdtemp(join(tmpdir(), 'kiosk-bench-store-'))
  try {
    await seed(folder)
    return await timeSubmits(open(folder), count)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** Benchmark 5: saving feedback with 0, 10k and 100k records already on disk, against one file holding them all. */
const storeBenchmark: Benchmark = async ({ quick }) => {
  const sizes = quick
    ? [
        { id: '0', count: 0, words: 'no records' },
        { id: '10k', count: 1_000, words: '1k records (quick size for 10k)' },
        { id: '100k', count: 10_000, words: '10k records (quick size for 100k)' }
      ]
    : [
        { id: '0', count: 0, words: 'no records' },
        { id: '10k', count: 10_000, words: '10k records' },
        { id: '100k', count: 100_000, words: '100k records' }
      ]
  const submits = quick ? 50 : 200
  // One file of 100k records costs about a second per append; fewer repetitions keep the run short.
  const singleFileSubmits = (count: number) => (count >= 50_000 ? 20 : submits)
  const measurements: Measurement[] = []
  const largest = sizes.at(-1)?.id

  for (const size of sizes) {
    const seeded = seedRecords(size.count, benchmarkNow, seedMonths)
    const month = monthOf(benchmarkNow.toISOString())
    const perMonth = await scenario(
      (folder) => writeMonthFiles(folder, seeded),
      (folder) => new FeedbackStore(folder, openConf, () => benchmarkNow),
      submits
    )
    const singleFile = await scenario(
      (folder) => writeFile(join(folder, 'feedback.json'), storeFileText(seeded)),
      (folder) => new SingleFileStore(folder, Math.random),
      singleFileSubmits(size.count)
    )
    const budget = size.id === largest ? budgetMs : null
    const p95 = percentile(perMonth, 0.95)
    const singleP95 = percentile(singleFile, 0.95)
    measurements.push(
      {
        id: `submit-p50-${size.id}`,
        label: `Submit p50, ${size.words} over ${seedMonths} months`,
        value: round(percentile(perMonth, 0.5), 2),
        unit: 'ms',
        budget: null
      },
      {
        id: `submit-p95-${size.id}`,
        label: `Submit p95, ${size.words} over ${seedMonths} months`,
        value: round(p95, 2),
        unit: 'ms',
        budget
      }
    )
    if (size.count > 0) {
      const oneMonth = await scenario(
        (folder) => writeMonthFiles(folder, inMonth(seeded, month)),
        (folder) => new FeedbackStore(folder, openConf, () => benchmarkNow),
        submits
      )
      measurements.push(
        {
          id: `submit-p50-${size.id}-one-month`,
          label: `Submit p50, ${size.words} all in the current month (worst case, no budget)`,
          value: round(percentile(oneMonth, 0.5), 2),
          unit: 'ms',
          budget: null
        },
        {
          id: `submit-p95-${size.id}-one-month`,
          label: `Submit p95, ${size.words} all in the current month (worst case, no budget)`,
          value: round(percentile(oneMonth, 0.95), 2),
          unit: 'ms',
          // A month file is rewritten whole on each append, so this grows with the month; see the method.
          budget: null
        }
      )
    }
    measurements.push(
      {
        id: `submit-single-file-p50-${size.id}`,
        label: `Submit p50, ${size.words} in one electron-store file (comparison)`,
        value: round(percentile(singleFile, 0.5), 2),
        unit: 'ms',
        budget: null
      },
      {
        id: `submit-single-file-p95-${size.id}`,
        label: `Submit p95, ${size.words} in one electron-store file (comparison)`,
        value: round(singleP95, 2),
        unit: 'ms',
        budget: null
      },
      {
        id: `submit-single-file-ratio-${size.id}`,
        label: `One file ÷ month files, submit p95, ${size.words}`,
        value: round(singleP95 / p95, 1),
        unit: 'ratio',
        budget: null
      }
    )
  }

  return {
    number: 5,
    name: 'Saving feedback',
    method:
      `Each scenario seeds a fresh folder under the system temp directory with records written straight into month ` +
      `files as this version lays them out: ${seedMonths} months of feedback spread evenly in time, the clock on the ` +
      `last afternoon of the current month, so that month holds 1/${seedMonths} of them (about 4,200 at 100k). A new ` +
      `FeedbackStore is opened over it with conf (what electron-store wraps) and ${submits} FeedbackService.submit ` +
      `calls are timed one after another, the first included: validation, scrubbing, time rounding and the store's ` +
      `append, which dominates (the current month's file written whole to a temporary file, fsync'd and renamed ` +
      `over it). The budget is on the p95 at 100k records spread as above. The worst case moves every record into ` +
      `the current month and has no budget: its file then holds 100k records (28 MB), and rewriting it (write, fsync, ` +
      `rename) is what an append costs. The comparison runs the same submits through the same service over one ` +
      `electron-store file holding every record, read and rewritten through electron-store on each append, as the ` +
      `store worked before (${quick ? submits : `${submits}, or 20 at 100k since each takes about a second`} submits); ` +
      `the ratio is its p95 over the month files' p95. p50 and p95 are nearest-rank percentiles.`,
    measurements
  }
}

export default storeBenchmark
