import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import Conf from 'conf'
import type { FeedbackRecord, Rating } from '../src/shared/feedback'
import { feedbackDataVersion, monthFileBytes, monthOf } from '../src/main/feedback/month-file'
import type { OpenJsonFile } from '../src/main/kiosk/json-file'
import { type KioskCore, startKioskCore } from '../src/main/kiosk/kiosk-core'

/**
 * The clock of every feedback benchmark: the last afternoon of a month, so the current month is as full as it gets
 * under an even spread.
 */
export const benchmarkNow = new Date('2026-11-30T15:00:00.000Z')

/** How many months of feedback the realistic seed spreads over: two years of a kiosk that is never wiped. */
export const seedMonths = 24

/** Opens a store file with conf, which electron-store wraps (electron-store cannot load outside Electron). */
export const openConf: OpenJsonFile = (cwd, name, options) =>
  new Conf({ ...options, cwd, configName: name } as unknown as ConstructorParameters<typeof Conf>[0])

/** A small seeded random generator (mulberry32), so every run seeds the same records. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296
  }
}

const words = {
  en: (
    'the text was clear and kind thank you it helped me understand my pain a lot better but I would like more ' +
    'about exercises and side effects my doctor said the same thing very useful too long too short pictures please'
  ).split(' '),
  es: (
    'el texto fue claro y amable gracias me ayudó a entender mi dolor mucho mejor pero quisiera más información ' +
    'sobre ejercicios y efectos secundarios mi médico dijo lo mismo muy útil demasiado largo corto imágenes por favor'
  ).split(' ')
}

/**
 * A comment as patients type them, in their language (Spanish ones carry accents): mostly short, some long, a few
 * with quotes, commas, line breaks or a formula.
 */
function comment(random: () => number, language: 'en' | 'es'): string | null {
  if (random() < 0.7) return null
  const length = random() < 0.8 ? 3 + Math.floor(random() * 20) : 40 + Math.floor(random() * 50)
  const vocabulary = words[language]
  let text = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ')
  const twist = random()
  if (twist < 0.05) text = `"${text}", she said`
  else if (twist < 0.08) text = `${text}\nand ${text}`
  else if (twist < 0.09) text = `=${text}`
  return text.slice(0, 500)
}

/** Twenty articles (the bundled one among them) with four to eight sections each, as a clinic's playlist grows. */
const articles = Array.from({ length: 20 }, (_, index) => ({
  id: index === 0 ? 'baclofen-piriformis-syndrome' : `article-${index}`,
  sections: 4 + (index % 5)
}))

/**
 * `count` valid records spread evenly in time over the `months` months that end with `now`'s month, on a 15-minute
 * grid; ratings lean to "very helpful", three in ten carry a comment, and about one in seven is in Spanish.
 */
export function seedRecords(count: number, now: Date, months: number, random = seededRandom(7)): FeedbackRecord[] {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1)
  const quarter = 15 * 60_000
  const span = Math.min(end, now.getTime()) - start
  return Array.from({ length: count }, (_, index) => {
    const article = articles[Math.floor(random() * articles.length)] ?? articles[0]
    const roll = random()
    const rating: Rating = roll < 0.6 ? 3 : roll < 0.85 ? 2 : 1
    const time = Math.floor((start + (span * (index + random())) / count) / quarter) * quarter
    const language = random() < 0.85 ? 'en' : 'es'
    return {
      id: `${index.toString(16).padStart(8, '0')}-${Math.floor(random() * 0xffff)
        .toString(16)
        .padStart(4, '0')}-4000-8000-${Math.floor(random() * 2 ** 48)
        .toString(16)
        .padStart(12, '0')}`,
      articleId: article?.id ?? 'baclofen-piriformis-syndrome',
      sectionId: random() < 0.5 ? `section-${1 + Math.floor(random() * (article?.sections ?? 4))}` : null,
      rating,
      comment: comment(random, language),
      language,
      contentVersion: 'a1b2c3d4e5f6',
      appVersion: '0.1.0',
      station: 'Waiting room 2',
      time: new Date(time).toISOString()
    }
  })
}

/** A store file's bytes exactly as electron-store (conf) writes them: tab-indented, with the data version it keeps. */
export function storeFileText(records: readonly FeedbackRecord[], exportedIds: readonly string[] = []): string {
  return JSON.stringify(
    { records, exportedIds, __internal__: { migrations: { version: feedbackDataVersion } } },
    undefined,
    '\t'
  )
}

/**
 * How month files are laid out: as this store writes them (each file once it has been written by this version), or
 * as electron-store wrote them before (a kiosk just updated, until each month is next written).
 */
export type Layout = 'store' | 'electron-store'

/**
 * Writes records straight into month files (far faster than appending them one by one); the order inside each file
 * is shuffled, as the store's random insertion leaves it.
 */
export async function writeMonthFiles(
  folder: string,
  records: readonly FeedbackRecord[],
  layout: Layout = 'store'
): Promise<void> {
  await mkdir(folder, { recursive: true })
  const byMonth = new Map<string, FeedbackRecord[]>()
  for (const record of records) {
    const month = monthOf(record.time)
    const list = byMonth.get(month)
    if (list) list.push(record)
    else byMonth.set(month, [record])
  }
  const random = seededRandom(11)
  for (const [month, list] of byMonth) {
    for (let index = list.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1))
      const swap = list[index] as FeedbackRecord
      list[index] = list[other] as FeedbackRecord
      list[other] = swap
    }
    const bytes = layout === 'store' ? monthFileBytes(list) : storeFileText(list)
    await writeFile(join(folder, `feedback-${month}.json`), bytes)
  }
}

/** Records moved into `month` (same day and time of day), for the worst case: everything in the current month. */
export function inMonth(records: readonly FeedbackRecord[], month: string): FeedbackRecord[] {
  return records.map((record) => {
    const day = Math.min(28, Number(record.time.slice(8, 10)))
    return { ...record, time: `${month}-${String(day).padStart(2, '0')}${record.time.slice(10)}` }
  })
}

/**
 * The kiosk's real services (startKioskCore, as main and the web harness build them) over a data folder, with conf,
 * the bundled content, the benchmark clock and `exportFolder` set when given; like main, it reads the list of
 * recovered files at start.
 */
export async function startBenchmarkCore(dataFolder: string, exportFolder: string | null = null): Promise<KioskCore> {
  await writeFile(join(dataFolder, 'config.json'), JSON.stringify({ exportFolder }))
  const core = await startKioskCore({
    configFile: join(dataFolder, 'config.json'),
    bundledContentFolder: resolve(import.meta.dirname, '../content'),
    dataFolder,
    openJsonFile: openConf,
    appVersion: '0.1.0',
    logError: (message, error) => console.error(message, error),
    now: () => benchmarkNow
  })
  // As main does at start, to log them.
  core.feedbackStore.recoveries()
  return core
}
