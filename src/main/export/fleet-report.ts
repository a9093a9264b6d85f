import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { once } from 'node:events'
import { isDisplayAwake } from '../../shared/display-schedule'
import type { FeedbackRecord } from '../../shared/feedback'
import type { ArticleDay } from '../feedback/engagement-store'
import { engagementFigures, type EngagementTotals } from '../staff/engagement-summary'
import { articleSummariesOf, overallFiguresOf, smallGroup, type Tally, tally, trendOf } from '../staff/summary'
import type { EngagementRow } from './engagement-format'
import { csvCell, csvCells, csvColumns, neutraliseFormula } from './export-format'
import { IdSet } from './id-set'
import { engagementRowsOf, eachFeedbackBatch, type FleetFolder, type LeftOut, scanFleetFolder } from './fleet-files'
import { fleetReportHtml, type FleetStation, type FleetKiosk } from './fleet-markup'
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

/**
 * Reads a shared folder of kiosk exports and status files and writes the fleet report (`out`, HTML) and one combined
 * CSV of every verified record, each once (`<out>.csv`). Records are streamed from the files to the CSV and into
 * per-station tallies; only their ids are kept, to count each record once however many files hold it.
 */
export async function writeFleetReport(folder: string, out: string, now = new Date()): Promise<FleetReportOutcome> {
  const found = await scanFleetFolder(folder)
  const csvPath = combinedCsvPath(out)
  const temporaryCsv = join(dirname(csvPath), `.${basename(csvPath)}.${randomBytes(4).toString('hex')}.partial`)
  const stations = new Map<string, StationCounts>()
  const names = new Interned()
  const station = (label: string) => {
    let counts = stations.get(label)
    if (!counts) stations.set(names.of(label), (counts = new StationCounts()))
    return counts
  }
  let records = 0
  let duplicates = 0
  const csv = createWriteStream(temporaryCsv, 'utf8')
  try {
    const write = async (text: string) => {
      if (!csv.write(text)) await once(csv, 'drain')
    }
    await write(`\uFEFF${csvColumns.map(csvCell).join(',')}\r\n`)
    const seen = new IdSet()
    let piece = ''
    for (const file of found.exports.filter((candidate) => candidate.kind === 'feedback')) {
      await eachFeedbackBatch(file, async (batch) => {
        for (const record of batch) {
          if (!seen.add(record.id)) {
            duplicates += 1
            continue
          }
          records += 1
          // The record was made for this count alone: its ids are swapped for copies the tallies may keep.
          record.articleId = names.of(record.articleId)
          if (record.sectionId !== null) record.sectionId = names.of(record.sectionId)
          station(record.station).add(record)
          piece += `${csvCells(record)
            .map((cell) => csvCell(neutraliseFormula(cell)))
            .join(',')}\r\n`
        }
        await write(piece)
        piece = ''
      })
      // Counted up at the end of each file, so no file's records (nor its text) wait in a batch for the next.
      for (const counts of stations.values()) counts.flush()
    }
    await write(piece)
    csv.end()
    await once(csv, 'finish')
    await nodeFs.rename(temporaryCsv, csvPath)
  } catch (error) {
    csv.destroy()
    await nodeFs.unlink(temporaryCsv).catch(() => {})
    throw error
  }
  for (const counts of stations.values()) counts.flush()
  await addEngagementOf(found, station)

  const kiosks = fleetKiosks(found, now)
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
    unseenMinutes: unseenAfterMilliseconds / 60_000
  })
  await writeWhole(out, html)
  return { html: out, csv: csvPath, stations: stations.size, records, duplicates, leftOut: found.leftOut }
}

/**
 * Adds the engagement exports up per station. The same day of a kiosk can be in two exports (today, exported while it
 * still grew, then again the next night): the row of the latest export counts, once.
 */
async function addEngagementOf(found: FleetFolder, station: (label: string) => StationCounts): Promise<void> {
  const latest = new Map<string, { exportedAt: string; row: EngagementRow }>()
  for (const file of found.exports.filter((candidate) => candidate.kind === 'engagement'))
    for (const row of await engagementRowsOf(file)) {
      const key = [row.station, row.day, row.articleId, row.sectionId ?? ''].join('\u0000')
      const known = latest.get(key)
      if (!known || known.exportedAt < file.manifest.exportedAt)
        latest.set(key, { exportedAt: file.manifest.exportedAt, row })
    }
  for (const { row } of latest.values()) {
    const totals = station(row.station).engagement
    let article = totals.get(row.articleId)
    if (!article) totals.set(row.articleId, (article = { visits: 0, finished: 0, feedback: 0, sections: {} }))
    if (row.sectionId === null) {
      article.visits += row.visits ?? 0
      article.finished += row.finished ?? 0
      article.feedback += row.feedback ?? 0
      continue
    }
    const section = (article.sections[row.sectionId] ??= { reached: 0, shown: 0, time: [0, 0, 0, 0] })
    section.reached += row.reached ?? 0
    section.shown += row.shown ?? 0
    row.time?.forEach((views, bucket) => (section.time[bucket as 0] += views))
  }
}

function mergeEngagement(into: EngagementTotals, from: EngagementTotals): void {
  for (const [articleId, article] of from) {
    const known: ArticleDay = into.get(articleId) ?? { visits: 0, finished: 0, feedback: 0, sections: {} }
    into.set(articleId, known)
    known.visits += article.visits
    known.finished += article.finished
    known.feedback += article.feedback
    for (const [sectionId, section] of Object.entries(article.sections)) {
      const target = (known.sections[sectionId] ??= { reached: 0, shown: 0, time: [0, 0, 0, 0] })
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
