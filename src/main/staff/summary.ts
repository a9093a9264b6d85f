import type { Article } from '../../shared/domain'
import type { FeedbackRecord } from '../../shared/feedback'
import { localDay, shiftDay } from '../../shared/local-day'
import type { ArticleSummary, Distribution, GroupFigures, TrendDay } from '../../shared/staff'

/** Groups smaller than this show a count only: no distribution, no average, no comments. */
export const smallGroup = 5

/** How many of an article's latest comments the summary shows. */
export const commentsShown = 5

interface Comment {
  time: string
  text: string
}

interface ArticleTally {
  ratings: Distribution
  /** Per section, in the order each was first rated. */
  sections: Map<string, Distribution>
  /** The latest comments, newest first; of equal times, the one met first comes first. */
  comments: Comment[]
}

/**
 * A set of records (such as one month's file) counted up in one pass: everything the staff summary shows, without the
 * records. Tallies of several sets combine into the summary of all of them, so a month is counted again only when it
 * changes.
 */
export interface Tally {
  ratings: Distribution
  /** Per article, in the order each was first rated. */
  articles: Map<string, ArticleTally>
  /** Count and sum of ratings per clinic day (local time). */
  days: Map<string, { count: number; sum: number }>
  /** How many latest comments per article it keeps. */
  commentsKept: number
}

/** Puts a comment into a newest-first list of at most `limit`, after any of the same time already in it. */
function keepLatest(list: Comment[], comment: Comment, limit: number): void {
  let index = list.length
  while (index > 0 && (list[index - 1] as Comment).time < comment.time) index -= 1
  if (index >= limit) return
  list.splice(index, 0, comment)
  if (list.length > limit) list.pop()
}

const dayLength = 86_400_000

/**
 * The clinic's day (local time) of record times, worked out from where each local day starts within a UTC day: a few
 * Date objects per UTC day rather than one per record, with daylight-saving changes falling where they fall.
 */
class LocalDays {
  readonly #starts = new Map<number, Array<{ from: number; day: string }>>()

  of(time: string): string {
    const instant = Date.parse(time)
    if (!Number.isFinite(instant)) return localDay(time)
    const utcDay = Math.floor(instant / dayLength)
    let starts = this.#starts.get(utcDay)
    if (!starts) this.#starts.set(utcDay, (starts = LocalDays.#startsWithin(utcDay * dayLength)))
    let index = starts.length - 1
    while (index > 0 && (starts[index] as { from: number }).from > instant) index -= 1
    return (starts[index] as { day: string }).day
  }

  /** The local days that overlap the UTC day beginning at `start`, each with the instant it begins (or `start`). */
  static #startsWithin(start: number): Array<{ from: number; day: string }> {
    const starts = [{ from: start, day: localDay(new Date(start)) }]
    let date = new Date(start)
    for (;;) {
      // The next local midnight (or the first hour of a day whose midnight a clock change skips).
      const next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)
      if (next.getTime() >= start + dayLength) return starts
      starts.push({ from: next.getTime(), day: localDay(next) })
      date = next
    }
  }
}

/** Counts a set of records up in one pass. */
export function tally(records: readonly FeedbackRecord[], commentsPerArticle = commentsShown): Tally {
  const result: Tally = { ratings: [0, 0, 0], articles: new Map(), days: new Map(), commentsKept: commentsPerArticle }
  const days = new LocalDays()
  for (const record of records) {
    const slot = (record.rating - 1) as 0 | 1 | 2
    result.ratings[slot] += 1
    let article = result.articles.get(record.articleId)
    if (!article) {
      article = { ratings: [0, 0, 0], sections: new Map(), comments: [] }
      result.articles.set(record.articleId, article)
    }
    article.ratings[slot] += 1
    if (record.sectionId !== null) {
      let section = article.sections.get(record.sectionId)
      if (!section) article.sections.set(record.sectionId, (section = [0, 0, 0]))
      section[slot] += 1
    }
    if (record.comment !== null)
      keepLatest(article.comments, { time: record.time, text: record.comment }, commentsPerArticle)
    const day = days.of(record.time)
    const figures = result.days.get(day)
    if (figures) {
      figures.count += 1
      figures.sum += record.rating
    } else result.days.set(day, { count: 1, sum: record.rating })
  }
  return result
}

function add(into: Distribution, more: Distribution): void {
  into[0] += more[0]
  into[1] += more[1]
  into[2] += more[2]
}

function figures(ratings: Distribution): GroupFigures {
  const count = ratings[0] + ratings[1] + ratings[2]
  if (count < smallGroup) return { count, distribution: null, average: null }
  const sum = ratings[0] + 2 * ratings[1] + 3 * ratings[2]
  return { count, distribution: [...ratings], average: Math.round((sum / count) * 100) / 100 }
}

/** Overall figures of tallies together, with the same small-group rule as everywhere else. */
export function overallFiguresOf(tallies: readonly Tally[]): GroupFigures {
  const ratings: Distribution = [0, 0, 0]
  for (const part of tallies) add(ratings, part.ratings)
  return figures(ratings)
}

/**
 * Figures per article and per section of tallies together (in the order of their records: the oldest first),
 * most-rated first, with the latest comments of each article that has enough records that no single one can be
 * singled out. Titles come from the content shown now; gone articles keep their id.
 */
export function articleSummariesOf(
  tallies: readonly Tally[],
  articles: readonly Article[],
  commentsPerArticle = commentsShown
): ArticleSummary[] {
  const combined = new Map<string, ArticleTally>()
  for (const part of tallies) {
    if (part.commentsKept < commentsPerArticle)
      throw new Error(`a tally keeps only ${part.commentsKept} comments per article`)
    for (const [articleId, article] of part.articles) {
      const into = combined.get(articleId)
      if (!into) {
        combined.set(articleId, {
          ratings: [...article.ratings],
          sections: new Map([...article.sections].map(([id, ratings]) => [id, [...ratings]])),
          comments: article.comments.slice(0, commentsPerArticle)
        })
        continue
      }
      add(into.ratings, article.ratings)
      for (const [sectionId, ratings] of article.sections) {
        const section = into.sections.get(sectionId)
        if (section) add(section, ratings)
        else into.sections.set(sectionId, [...ratings])
      }
      for (const comment of article.comments) keepLatest(into.comments, comment, commentsPerArticle)
    }
  }
  return [...combined]
    .map(([articleId, article]) => {
      const shown = articles.find((candidate) => candidate.id === articleId)
      const sections = [...article.sections].map(([sectionId, ratings]) => ({
        sectionId,
        title: shown?.sections.find((section) => section.id === sectionId)?.title ?? sectionId,
        ...figures(ratings)
      }))
      const overall = figures(article.ratings)
      const comments = overall.count >= smallGroup ? article.comments.map(({ time, text }) => ({ time, text })) : []
      return { articleId, title: shown?.title ?? articleId, ...overall, sections, comments }
    })
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
}

/** Feedback per clinic day (local time) for the last `days` days up to today, oldest first, empty days included. */
export function trendOf(tallies: readonly Tally[], now: Date, days = 30): TrendDay[] {
  const today = localDay(now)
  return Array.from({ length: days }, (_, index) => {
    const day = shiftDay(today, index - (days - 1))
    let count = 0
    let sum = 0
    for (const part of tallies) {
      const figures = part.days.get(day)
      if (figures) {
        count += figures.count
        sum += figures.sum
      }
    }
    return { day, count, average: count >= smallGroup ? Math.round((sum / count) * 100) / 100 : null }
  })
}

/** Overall figures of a set of records. */
export function overallFigures(records: readonly FeedbackRecord[]): GroupFigures {
  return overallFiguresOf([tally(records, 0)])
}

/** Figures per article and per section of a set of records; see articleSummariesOf. */
export function summariseArticles(
  records: readonly FeedbackRecord[],
  articles: readonly Article[],
  commentsPerArticle = commentsShown
): ArticleSummary[] {
  return articleSummariesOf([tally(records, commentsPerArticle)], articles, commentsPerArticle)
}

/** The daily trend of a set of records; see trendOf. */
export function trend(records: readonly FeedbackRecord[], now: Date, days = 30): TrendDay[] {
  return trendOf([tally(records, 0)], now, days)
}
