import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FeedbackInput, FeedbackRecord } from '../src/shared/feedback'
import { FeedbackService } from '../src/main/feedback/feedback-service'
import { FeedbackStore } from '../src/main/feedback/feedback-store'
import { type MonthData, monthFileOptions, monthOf } from '../src/main/feedback/month-file'
import { type CommentScrubber, commentScrubber } from '../src/main/feedback/scrub'
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
import { type Benchmark, type Measurement, percentile, ratio } from './result'

/** Saving with 100k records on disk may take at most this many times as long as saving into an empty store (p95). */
const floorBudget = 1.5
/** Saving with 100k records must be at least this many times faster than with the one-file electron-store (p95). */
const singleFileBudget = 200

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

/**
 * Scrubbing left out: a comment is stored as typed. Scrubbing is benchmark 8's, and its language library would make
 * both sides of every ratio here a timing of the library rather than of the store.
 */
const withoutScrubbing: Pick<CommentScrubber, 'scrub'> = { scrub: (text) => Promise.resolve(text) }

/** The real FeedbackService over `store`, as main builds it; patients come a minute apart, so none is refused. */
function serviceOver(store: Pick<FeedbackStore, 'append'>, scrubber: Pick<CommentScrubber, 'scrub'>): FeedbackService {
  let clock = 0
  return new FeedbackService({
    store,
    now: () => benchmarkNow,
    monotonic: () => (clock += 60_000),
    randomId: () => crypto.randomUUID(),
    station: () => 'Waiting room 2',
    appVersion: '0.1.0',
    contentVersion: () => 'a1b2c3d4e5f6',
    roundingMinutes: () => 15,
    minimumGapSeconds: () => 5,
    isShown: () => true,
    logError: (message, error) => console.error(message, error),
    scrubber
  })
}

/** Times one submit. */
async function timeSubmit(service: FeedbackService, input: FeedbackInput): Promise<number> {
  const started = performance.now()
  const result = await service.submit(input)
  const milliseconds = performance.now() - started
  if (!result.ok) throw new Error(`a benchmark submit failed: ${result.error.message}`)
  return milliseconds
}

/**
 * Times the same submits through services over each store in turn (one into the first, one into the second, …), so
 * a burst of other work or a slow flush of the disk falls on both; returns each one's times.
 */
async function timeInTurn(services: FeedbackService[], count: number): Promise<number[][]> {
  const times = services.map((): number[] => [])
  for (const input of inputs(count))
    for (const [index, service] of services.entries()) times[index]?.push(await timeSubmit(service, input))
  return times
}

/** A fresh folder under the system temp directory, seeded by `seed`, removed by `remove`. */
async function folder(seed: (path: string) => Promise<void> = async () => {}) {
  const path = await mkdtemp(join(tmpdir(), 'kiosk-bench-store-'))
  await seed(path)
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

const openStore = (path: string) => new FeedbackStore(path, openConf, () => benchmarkNow)

/** Benchmark 5: saving feedback with 10k and 100k records already on disk, against an empty store and one file. */
const storeBenchmark: Benchmark = async ({ quick }) => {
  const sizes = quick
    ? [
        { id: '10k', count: 1_000, words: '1k records (quick size for 10k)' },
        { id: '100k', count: 10_000, words: '10k records (quick size for 100k)' }
      ]
    : [
        { id: '10k', count: 10_000, words: '10k records' },
        { id: '100k', count: 100_000, words: '100k records' }
      ]
  const submits = quick ? 50 : 200
  // One file of 100k records costs about a second per append; fewer repetitions keep the run short.
  const singleFileSubmits = (count: number) => (count >= 50_000 ? 20 : submits)
  const measurements: Measurement[] = []
  const largest = sizes.at(-1)?.id
  const month = monthOf(benchmarkNow.toISOString())
  // As main does ten seconds after start, so no submit below waits for the language library to load.
  await commentScrubber.warmUp()

  for (const size of sizes) {
    const seeded = seedRecords(size.count, benchmarkNow, seedMonths)
    const budgeted = size.id === largest
    const spread = await folder((path) => writeMonthFiles(path, seeded))
    const empty = await folder()
    try {
      const spreadStore = openStore(spread.path)
      const emptyStore = openStore(empty.path)
      const [full = [], floor = []] = await timeInTurn(
        [serviceOver(spreadStore, withoutScrubbing), serviceOver(emptyStore, withoutScrubbing)],
        submits
      )
      const p95 = percentile(full, 0.95)
      const emptyFloor = (value: number, what: string) => ({
        label: `empty store, ${what}`,
        value,
        unit: 'ms' as const
      })
      measurements.push(
        ratio({
          id: `submit-ratio-p95-${size.id}`,
          label: `Submit p95 with ${size.words} over ${seedMonths} months ÷ into an empty store`,
          measured: p95,
          floor: emptyFloor(percentile(floor, 0.95), 'p95'),
          budget: budgeted ? floorBudget : null
        }),
        ratio({
          id: `submit-ratio-p50-${size.id}`,
          label: `Submit p50 with ${size.words} over ${seedMonths} months ÷ into an empty store`,
          measured: percentile(full, 0.5),
          floor: emptyFloor(percentile(floor, 0.5), 'p50'),
          budget: null
        })
      )
      if (budgeted) {
        // The patient's whole Send, the language library included, on the same two stores; for information.
        const emptyAgain = await folder()
        const [scrubbed = [], scrubbedFloor = []] = await timeInTurn(
          [serviceOver(spreadStore, commentScrubber), serviceOver(openStore(emptyAgain.path), commentScrubber)],
          submits
        ).finally(emptyAgain.remove)
        measurements.push(
          ratio({
            id: `submit-scrubbed-ratio-p95-${size.id}`,
            label: `Submit p95 with scrubbing (language library loaded), ${size.words} ÷ into an empty store`,
            measured: percentile(scrubbed, 0.95),
            floor: emptyFloor(percentile(scrubbedFloor, 0.95), 'p95, with scrubbing'),
            budget: null
          })
        )
      }

      const oneMonth = await folder((path) => writeMonthFiles(path, inMonth(seeded, month)))
      const emptyOnceMore = await folder()
      try {
        const [worst = [], worstFloor = []] = await timeInTurn(
          [
            serviceOver(openStore(oneMonth.path), withoutScrubbing),
            serviceOver(openStore(emptyOnceMore.path), withoutScrubbing)
          ],
          submits
        )
        measurements.push(
          ratio({
            id: `submit-one-month-ratio-p95-${size.id}`,
            label: `Submit p95 with ${size.words} all in the current month (worst case, no budget) ÷ into an empty store`,
            measured: percentile(worst, 0.95),
            floor: emptyFloor(percentile(worstFloor, 0.95), 'p95'),
            budget: null
          })
        )
      } finally {
        await oneMonth.remove()
        await emptyOnceMore.remove()
      }

      const singleFile = await folder((path) => writeFile(join(path, 'feedback.json'), storeFileText(seeded)))
      try {
        const [oneFile = []] = await timeInTurn(
          [serviceOver(new SingleFileStore(singleFile.path, Math.random), withoutScrubbing)],
          singleFileSubmits(size.count)
        )
        measurements.push(
          ratio({
            id: `submit-single-file-ratio-${size.id}`,
            label: `One electron-store file ÷ month files, submit p95, ${size.words} (times faster)`,
            measured: percentile(oneFile, 0.95),
            floor: { label: `month files, ${size.words}, p95`, value: p95, unit: 'ms' },
            budget: budgeted ? singleFileBudget : null,
            atLeast: true,
            places: 0
          })
        )
      } finally {
        await singleFile.remove()
      }
    } finally {
      await spread.remove()
      await empty.remove()
    }
  }

  return {
    number: 5,
    name: 'Saving feedback',
    method:
      `Each scenario seeds a fresh folder under the system temp directory with records written straight into month ` +
      `files as this version lays them out: ${seedMonths} months of feedback spread evenly in time, the clock on the ` +
      `last afternoon of the current month, so that month holds 1/${seedMonths} of them (about 4,200 at 100k). A new ` +
      `FeedbackStore is opened over it with conf (what electron-store wraps) and ${submits} FeedbackService.submit ` +
      `calls are timed one after another, the first included: validation, time rounding and the store's append, ` +
      `which dominates (the current month's file written whole to a temporary file, fsync'd and renamed over it). ` +
      `The floor is the same submits into an empty store in another fresh folder, timed in turn with them (one ` +
      `there, one here; each comparison below has an empty store of its own), so both meet the same load: what remains there is the write, fsync and rename of a file ` +
      `of a few records, which no store that keeps its promise not to lose a record can avoid. The budget is on the ` +
      `ratio of the p95s at 100k records spread as above. Scrubbing is left out of both sides of every budgeted ` +
      `figure (the comment is stored as typed): it is benchmark 8's, and it does not depend on the store. The same ` +
      `ratio with scrubbing, the language library loaded before as main loads it after start, is given for ` +
      `information. The worst case moves every record into the current month and has no budget: its file then ` +
      `holds them all (28 MB at 100k), and rewriting it is what an append costs. The comparison runs the same ` +
      `submits through the same service over one electron-store file holding every record, read and rewritten ` +
      `through electron-store on each append, as the store worked before ` +
      `(${quick ? submits : `${submits}, or 20 at 100k since each takes about a second`} submits); its ratio is ` +
      `its p95 over the month files' p95, and must be at least ${singleFileBudget} at 100k. p50 and p95 are ` +
      `nearest-rank percentiles.`,
    measurements
  }
}

export default storeBenchmark
