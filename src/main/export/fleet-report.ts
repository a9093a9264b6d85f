import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { isDisplayAwake } from '../../shared/display-schedule'
import type { FeedbackRecord } from '../../shared/feedback'
import type { ArticleDay } from '../feedback/engagement-store'
import { engagementFigures, type EngagementTotals } from '../staff/engagement-summary'
import { articleSummariesOf, overallFiguresOf, smallGroup, type Tally, tally, trendOf } from '../staff/summary'
import type { EngagementRow } from './engagement-format'
import { csvCell, csvCells, csvColumns, neutraliseFormula } from './export-format'
import { IdSet } from './id-set'
import { FileProblem } from './fleet-checks'
import { CombinedCsv } from './fleet-csv'
import {
  engagementRowsOf,
  eachFeedbackBatch,
  type FleetFolder,
  type LeftOut,
  scanFleetFolder,
  type VerifiedExport
} from './fleet-files'
import { fleetReportHtml, type FleetStation, type FleetKiosk, type StationClaim } from './fleet-markup'
import type { ReportFigures } from './report-html'
import { fleetArticleTitles, withFleetTitles } from './fleet-titles'

// The fleet report: every kiosk's exports and status files in one shared folder, verified, counted once, side by side.

/** A kiosk not seen for longer than this in clinic hours is flagged (three missed status writes). */
export const unseenAfterMilliseconds = 15 * 60_000

/** How many records are counted up together before their tally joins the station's. */
const recordsPerTally = 5000

/** What the report found and wrote. */
export interface FleetReportOutcome {
  html: string
  csv: string
  stations: number
  records: number
  /** Records found in more than one file, counted once. */
  duplicates: number
  leftOut: LeftOut[]
  /** Station labels that more than one status file claims. */
  claims: StationClaim[]
}

/**
 * A copy of a text that holds on to nothing else. A cell parsed out of a file is a slice of the whole file's text, and
 * keeping it (an id to count once, a station, an article id in a tally, a kept comment) would keep every file's text in
 * memory; copies of the few kept texts let each file go once it is counted.
 */
const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8')

/** Texts seen many times (stations, article and section ids), each kept once as a detached copy. */
class Interned {
  readonly #known = new Map<string, string>()
  of(text: string): string {
    let known = this.#known.get(text)
    if (known === undefined) this.#known.set((known = detached(text)), known)
    return known
  }
}

/** One station's counts while the folder is read. */
class StationCounts {
  readonly tallies: Tally[] = []
  readonly engagement: EngagementTotals = new Map()
  #batch: FeedbackRecord[] = []
  records = 0

  add(record: FeedbackRecord): void {
    this.records += 1
    this.#batch.push(record)
    if (this.#batch.length >= recordsPerTally) this.flush()
  }

  flush(): void {
    if (this.#batch.length === 0) return
    const counted = tally(this.#batch)
    // The tally keeps each article's latest comments: copies, so that the files they came from can go.
    for (const article of counted.articles.values())
      article.comments = article.comments.map(({ time, text }) => ({ time: detached(time), text: detached(text) }))
    this.tallies.push(counted)
    this.#batch = []
  }
}

/** Writes a text to a temporary file beside `path` and renames it into place, so a reader never finds half of it. */
async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`)
  try {
    await nodeFs.writeFile(temporary, text, 'utf8')
    await nodeFs.rename(temporary, path)
  } catch (error) {
    await nodeFs.unlink(temporary).catch(() => {})
    throw error
  }
}

/** The combined CSV's name: the report's, with .csv for .html. */
export const combinedCsvPath = (htmlPath: string): string => `${htmlPath.replace(/\.html?$/i, '')}.csv`

/** What one feedback file adds, held apart until the whole file proved sound, so a bad file adds nothing at all. */
interface FileCounts {
  stations: Map<string, StationCounts>
  ids: IdSet
  records: number
  duplicates: number
}

/**
 * Reads a shared folder of kiosk exports and status files and writes the fleet report (`out`, HTML) and one combined
 * CSV of every verified record, each once (`<out>.csv`). Records are streamed from the files to the CSV and into
 * per-station tallies; only their ids are kept, to count each record once however many files hold it. A file with a
 * record the kiosk would not have stored is taken back out of the CSV and the tallies, and named with its problem.
 */
export async function writeFleetReport(folder: string, out: string, now = new Date()): Promise<FleetReportOutcome> {
  const found = await scanFleetFolder(folder)
  const csvPath = combinedCsvPath(out)
  const stations = new Map<string, StationCounts>()
  const names = new Interned()
  const stationIn = (into: Map<string, StationCounts>, label: string) => {
    let counts = into.get(label)
    if (!counts) into.set(names.of(label), (counts = new StationCounts()))
    return counts
  }
  const station = (label: string) => stationIn(stations, label)
  let records = 0
  let duplicates = 0
  const csv = await CombinedCsv.open(csvPath)
  try {
    await csv.write(`\uFEFF${csvColumns.map(csvCell).join(',')}\r\n`)
    const seen = new IdSet()
    for (const file of found.exports.filter((candidate) => candidate.kind === 'feedback')) {
      await csv.mark()
      const counts: FileCounts = { stations: new Map(), ids: new IdSet(), records: 0, duplicates: 0 }
      try {
        await countFeedbackFile(file, counts, seen, names, stationIn, (text) => csv.write(text))
      } catch (error) {
        if (!(error instanceof FileProblem)) throw error
        await csv.rollback()
        found.leftOut.push({ file: basename(file.path), reason: error.message })
        continue
      }
      // Counted up at the end of each file, so no file's records (nor its text) wait in a batch for the next.
      for (const [label, fileCounts] of counts.stations) {
        fileCounts.flush()
        const into = station(label)
        into.records += fileCounts.records
        into.tallies.push(...fileCounts.tallies)
      }
      seen.addAll(counts.ids)
      records += counts.records
      duplicates += counts.duplicates
    }
    await csv.finish()
  } catch (error) {
    await csv.discard()
    throw error
  }
  for (const counts of stations.values()) counts.flush()
  await addEngagementOf(found, station)
  // A file found bad while it was read is in no figure, so it is no verified file either.
  const leftOutNames = new Set(found.leftOut.map((file) => file.file))
  found.exports = found.exports.filter((file) => !leftOutNames.has(basename(file.path)))
  found.leftOut.sort((a, b) => a.file.localeCompare(b.file))

  const kiosks = fleetKiosks(found, now)
  const claims = stationClaims(kiosks)
  const titles = fleetArticleTitles(found.statuses)
  const figuresOf = (tallies: Tally[], engagement: EngagementTotals): ReportFigures => ({
    overall: overallFiguresOf(tallies),
    trend: trendOf(tallies, now),
    articles: withFleetTitles(articleSummariesOf(tallies, []), titles),
    engagement: withFleetTitles(engagementFigures(engagement, []), titles),
    engagementDays: null,
    smallGroup
  })
  const combinedEngagement: EngagementTotals = new Map()
  for (const counts of stations.values()) mergeEngagement(combinedEngagement, counts.engagement)
  const side: FleetStation[] = [...stations]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, counts]) => ({ station: label, figures: figuresOf(counts.tallies, counts.engagement) }))
  const html = fleetReportHtml({
    generatedAt: now,
    folder,
    csvFile: basename(csvPath),
    records,
    duplicates,
    files: found.exports.map((file) => basename(file.path)),
    leftOut: found.leftOut,
    stations: side,
    combined: figuresOf(
      [...stations.values()].flatMap((counts) => counts.tallies),
      combinedEngagement
    ),
    kiosks,
    claims,
    unseenMinutes: unseenAfterMilliseconds / 60_000
  })
  await writeWhole(out, html)
  return { html: out, csv: csvPath, stations: stations.size, records, duplicates, leftOut: found.leftOut, claims }
}

/**
 * Counts one feedback file into `counts` (its own stations and ids) and writes its new records to the CSV; rejects with
 * a FileProblem when a record of it breaks the kiosk's schema, and the caller then drops what it counted.
 */
async function countFeedbackFile(
  file: VerifiedExport,
  counts: FileCounts,
  seen: IdSet,
  names: Interned,
  stationIn: (into: Map<string, StationCounts>, label: string) => StationCounts,
  write: (text: string) => Promise<void>
): Promise<void> {
  await eachFeedbackBatch(file, async (batch) => {
    let piece = ''
    for (const record of batch) {
      if (!counts.ids.addUnlessIn(record.id, seen)) {
        counts.duplicates += 1
        continue
      }
      counts.records += 1
      // The record was made for this count alone: its ids are swapped for copies the tallies may keep.
      record.articleId = names.of(record.articleId)
      if (record.sectionId !== null) record.sectionId = names.of(record.sectionId)
      stationIn(counts.stations, record.station).add(record)
      piece += `${csvCells(record)
        .map((cell) => csvCell(neutraliseFormula(cell)))
        .join(',')}\r\n`
    }
    await write(piece)
  })
}

/**
 * Adds the engagement exports up per station. The same day of a kiosk can be in two exports (today, exported while it
 * still grew, then again the next night): the row of the latest export counts, once.
 */
async function addEngagementOf(found: FleetFolder, station: (label: string) => StationCounts): Promise<void> {
  const latest = new Map<string, { exportedAt: string; row: EngagementRow }>()
  for (const file of found.exports.filter((candidate) => candidate.kind === 'engagement')) {
    let rows: EngagementRow[]
    try {
      rows = await engagementRowsOf(file)
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error
      found.leftOut.push({ file: basename(file.path), reason: error.message })
      continue
    }
    for (const row of rows) {
      const key = [row.station, row.day, row.articleId, row.sectionId ?? ''].join('\u0000')
      const known = latest.get(key)
      if (!known || known.exportedAt < file.manifest.exportedAt)
        latest.set(key, { exportedAt: file.manifest.exportedAt, row })
    }
  }
  for (const { row } of latest.values()) {
    const totals = station(row.station).engagement
    let article = totals.get(row.articleId)
    if (!article) totals.set(row.articleId, (article = emptyArticle()))
    if (row.sectionId === null) {
      article.visits += row.visits ?? 0
      article.finished += row.finished ?? 0
      article.feedback += row.feedback ?? 0
      continue
    }
    const section = sectionIn(article, row.sectionId)
    section.reached += row.reached ?? 0
    section.shown += row.shown ?? 0
    row.time?.forEach((views, bucket) => (section.time[bucket as 0] += views))
  }
}

/** An article's counts with a prototype-free table of sections, so no section id ("constructor") finds a built-in. */
const emptyArticle = (): ArticleDay => ({
  visits: 0,
  finished: 0,
  feedback: 0,
  sections: Object.create(null) as ArticleDay['sections']
})

/** The counts of a section of an article, made when first met. */
function sectionIn(article: ArticleDay, sectionId: string): ArticleDay['sections'][string] {
  const known = Object.hasOwn(article.sections, sectionId) ? article.sections[sectionId] : undefined
  if (known) return known
  return (article.sections[sectionId] = { reached: 0, shown: 0, time: [0, 0, 0, 0] })
}

function mergeEngagement(into: EngagementTotals, from: EngagementTotals): void {
  for (const [articleId, article] of from) {
    const known: ArticleDay = into.get(articleId) ?? emptyArticle()
    into.set(articleId, known)
    known.visits += article.visits
    known.finished += article.finished
    known.feedback += article.feedback
    for (const [sectionId, section] of Object.entries(article.sections)) {
      const target = sectionIn(known, sectionId)
      target.reached += section.reached
      target.shown += section.shown
      section.time.forEach((views, bucket) => (target.time[bucket as 0] += views))
    }
  }
}

/** The fleet table: each kiosk's last status, flagged when it has not been seen for too long in clinic hours. */
export function fleetKiosks(found: Pick<FleetFolder, 'statuses'>, now: Date): FleetKiosk[] {
  return found.statuses
    .map((entry): FleetKiosk => {
      if ('problem' in entry) return { file: entry.file, status: null, problem: entry.problem, unseen: false }
      const { status } = entry
      const away = now.getTime() - new Date(status.writtenAt).getTime()
      // Without clinic hours (or from a status without them) the kiosk is expected at all times.
      const inHours = isDisplayAwake(now, status.openingHours ?? null)
      return { file: entry.file, status, problem: null, unseen: inHours && away > unseenAfterMilliseconds }
    })
    .sort((a, b) => (a.status?.station ?? a.file).localeCompare(b.status?.station ?? b.file))
}

/**
 * Station labels that more than one status file claims. A kiosk's file is named after its label, so two files with one
 * label are two kiosks given the same label, or a kiosk's file from before file names carried a hash of the label.
 */
export function stationClaims(kiosks: readonly FleetKiosk[]): StationClaim[] {
  const files = new Map<string, string[]>()
  for (const kiosk of kiosks) {
    if (!kiosk.status) continue
    const known = files.get(kiosk.status.station)
    if (known) known.push(kiosk.file)
    else files.set(kiosk.status.station, [kiosk.file])
  }
  return [...files]
    .filter(([, claiming]) => claiming.length > 1)
    .map(([station, claiming]) => ({ station, files: claiming.sort() }))
}
