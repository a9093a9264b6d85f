import { mkdirSync, readdirSync, unlinkSync } from 'node:fs'
import type { Playlist } from '../../shared/domain'
import type { EngagementIncrement, TimeBuckets } from '../../shared/engagement'
import { sectionIdPattern } from '../../shared/article-schema'
import { localDay } from '../../shared/local-day'
import { type JsonFile, type JsonFileOptions, type OpenJsonFile, openOrSetAside } from '../kiosk/json-file'

// Daily engagement aggregates, one electron-store file per month of local days, in the data folder's `engagement`
// folder. Nothing else is kept: no visit, no time finer than the day, nothing that points at a feedback record.

/** One section's counts on one day. */
export interface SectionDay {
  /** Visits that reached the section. */
  reached: number
  /** Times it was shown to a patient. */
  shown: number
  /** Those views by how long each lasted (under 10 s, 10–30 s, 30–90 s, over 90 s). */
  time: TimeBuckets
}

/** One article's counts on one day. */
export interface ArticleDay {
  visits: number
  /** Visits that reached the last section. */
  finished: number
  /** Visits that went on to give feedback. */
  feedback: number
  sections: Record<string, SectionDay>
}

/** Every article's counts on one day, by article id. */
export type EngagementDay = Record<string, ArticleDay>

/** One local day held, with its counts, and whether a verified export made after the day ended holds it. */
export interface HeldDay {
  day: string
  articles: EngagementDay
  exported: boolean
}

interface MonthData extends Record<string, unknown> {
  days: Record<string, EngagementDay>
  /** Days (all over by then) that are in a verified export: only these may ever be removed. */
  exportedDays: string[]
}

const count = { type: 'integer', minimum: 0 }
const slug = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
const sectionDaySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reached', 'shown', 'time'],
  properties: { reached: count, shown: count, time: { type: 'array', items: count, minItems: 4, maxItems: 4 } }
}
const articleDaySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['visits', 'finished', 'feedback', 'sections'],
  properties: {
    visits: count,
    finished: count,
    feedback: count,
    sections: {
      type: 'object',
      propertyNames: { pattern: sectionIdPattern.source },
      additionalProperties: sectionDaySchema
    }
  }
}

/** The parts of the month file's schema the fleet report checks an engagement export's rows with. */
export const engagementSchemaParts = { count, articleIdPattern: slug, sectionDay: sectionDaySchema } as const

/** The options of a month file: its schema, defaults and data version. */
export const engagementFileOptions = (): JsonFileOptions<MonthData> => ({
  schema: {
    days: {
      type: 'object',
      propertyNames: { pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      additionalProperties: {
        type: 'object',
        propertyNames: { pattern: slug },
        additionalProperties: articleDaySchema
      }
    },
    exportedDays: { type: 'array', items: { type: 'string' }, uniqueItems: true }
  },
  defaults: { days: {}, exportedDays: [] },
  migrations: {},
  projectVersion: '1.0.0',
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false
})

const monthFileName = /^engagement-(\d{4}-\d{2})\.json$/

const emptyArticle = (): ArticleDay => ({ visits: 0, finished: 0, feedback: 0, sections: {} })

/**
 * The engagement aggregates. An increment is added to the local day it arrives on; a day is marked exported only by
 * an export made after it ended (its counts can no longer change), and retention removes only such days.
 */
export class EngagementStore {
  readonly #folder: string
  readonly #open: OpenJsonFile
  readonly #now: () => Date
  readonly #logError: (message: string, error: unknown) => void
  readonly #files = new Map<string, JsonFile<MonthData>>()

  constructor(
    folder: string,
    open: OpenJsonFile,
    now: () => Date = () => new Date(),
    logError: (message: string, error: unknown) => void = () => {}
  ) {
    this.#folder = folder
    this.#open = open
    this.#now = now
    this.#logError = logError
  }

  /** Adds one visit's counts to today's aggregates (the clinic's local day) and writes the month's file. */
  add(increment: EngagementIncrement): void {
    const day = localDay(this.#now())
    const file = this.#file(day.slice(0, 7))
    const days = file.get('days')
    const articles = Object.hasOwn(days, day) ? (days[day] as EngagementDay) : (days[day] = {})
    const article = Object.hasOwn(articles, increment.articleId)
      ? (articles[increment.articleId] as ArticleDay)
      : (articles[increment.articleId] = emptyArticle())
    article.visits += increment.visits
    article.finished += increment.finished
    article.feedback += increment.feedback
    for (const { sectionId, reached, shown, time } of increment.sections) {
      const section = Object.hasOwn(article.sections, sectionId)
        ? (article.sections[sectionId] as SectionDay)
        : (article.sections[sectionId] = { reached: 0, shown: 0, time: [0, 0, 0, 0] })
      section.reached += reached
      section.shown += shown
      time.forEach((views, bucket) => (section.time[bucket as 0] += views))
    }
    file.set('days', days)
  }

  /** Every day held, oldest first. */
  days(): HeldDay[] {
    const held: HeldDay[] = []
    for (const month of this.months()) {
      const file = this.#file(month)
      const exported = new Set(file.get('exportedDays'))
      const days = file.get('days')
      for (const day of Object.keys(days).sort())
        held.push({ day, articles: days[day] as EngagementDay, exported: exported.has(day) })
    }
    return held
  }

  /**
   * Marks days as in a verified export. Only days already over count: today's figures still grow, so today stays
   * unexported and goes into the next export again (a reader keeps the latest export's figures for a day).
   */
  markExported(days: readonly string[]): void {
    const today = localDay(this.#now())
    const byMonth = new Map<string, string[]>()
    for (const day of days)
      if (day < today) byMonth.set(day.slice(0, 7), [...(byMonth.get(day.slice(0, 7)) ?? []), day])
    for (const [month, marked] of byMonth) {
      const file = this.#file(month)
      const held = file.get('days')
      const exported = new Set(file.get('exportedDays'))
      const added = marked.filter((day) => Object.hasOwn(held, day) && !exported.has(day))
      if (added.length > 0) file.set('exportedDays', [...exported, ...added].sort())
    }
  }

  /**
   * Retention: removes the days before `cutoffDay` that are in a verified export. Older days not yet exported stay
   * and are counted, as feedback records are: aggregates are the clinic's record too, and go only once they are out.
   */
  applyRetention(cutoffDay: string): { removed: number; waitingForExport: number } {
    let removed = 0
    let waitingForExport = 0
    for (const month of this.months()) {
      if (month > cutoffDay.slice(0, 7)) break
      const file = this.#file(month)
      const days = file.get('days')
      const exported = new Set(file.get('exportedDays'))
      const old = Object.keys(days).filter((day) => day < cutoffDay)
      const going = old.filter((day) => exported.has(day))
      waitingForExport += old.length - going.length
      if (going.length === 0) continue
      for (const day of going) delete days[day]
      removed += going.length
      if (Object.keys(days).length === 0) {
        unlinkSync(file.path)
        this.#files.delete(month)
        continue
      }
      file.set('days', days)
      file.set(
        'exportedDays',
        [...exported].filter((day) => Object.hasOwn(days, day))
      )
    }
    return { removed, waitingForExport }
  }

  /** The months that have a file, oldest first. */
  months(): string[] {
    let names: string[]
    try {
      names = readdirSync(this.#folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return names
      .map((name) => monthFileName.exec(name)?.[1])
      .filter((month): month is string => month !== undefined)
      .sort()
  }

  #file(month: string): JsonFile<MonthData> {
    let file = this.#files.get(month)
    if (file) return file
    mkdirSync(this.#folder, { recursive: true })
    const opened = openOrSetAside(this.#open, this.#folder, `engagement-${month}`, engagementFileOptions(), this.#now)
    // Counts of anonymous visits only: a damaged month is kept aside whole and counting goes on in a fresh file.
    if (opened.setAside)
      this.#logError(`engagement-${month}.json was damaged`, new Error('kept aside; counting starts afresh'))
    file = opened.file
    this.#files.set(month, file)
    return file
  }
}

/**
 * Why an increment cannot be about what the kiosk shows (an article not on screen, a section it does not have, in
 * the kiosk's language or a translation), naming the field; null when it can.
 */
export function refusalOfIncrement(playlist: Playlist, increment: EngagementIncrement): string | null {
  const article = playlist.articles.find((candidate) => candidate.id === increment.articleId)
  if (!article) return `articleId "${increment.articleId}" is not an article the kiosk shows`
  const sectionIds = new Set(
    [article, ...playlist.translations.filter((translation) => translation.id === article.id)].flatMap((shown) =>
      shown.sections.map((section) => section.id)
    )
  )
  const index = increment.sections.findIndex((section) => !sectionIds.has(section.sectionId))
  return index < 0 ? null : `sections.${index}.sectionId is not a section of "${article.id}"`
}
