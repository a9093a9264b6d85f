import type { Article } from '../../shared/domain'
import type { FeedbackRecord } from '../../shared/feedback'
import { localDay, shiftDay } from '../../shared/local-day'
import type { ArticleSummary, Distribution, GroupFigures, TrendDay } from '../../shared/staff'

/** Groups smaller than this show a count only: no distribution, no average, no comments. */
export const smallGroup = 5

function figures(records: readonly FeedbackRecord[]): GroupFigures {
  if (records.length < smallGroup) return { count: records.length, distribution: null, average: null }
  const distribution: Distribution = [
    records.filter((record) => record.rating === 1).length,
    records.filter((record) => record.rating === 2).length,
    records.filter((record) => record.rating === 3).length
  ]
  const sum = distribution[0] + 2 * distribution[1] + 3 * distribution[2]
  return { count: records.length, distribution, average: Math.round((sum / records.length) * 100) / 100 }
}

function groupBy<K>(records: readonly FeedbackRecord[], key: (record: FeedbackRecord) => K): Map<K, FeedbackRecord[]> {
  const groups = new Map<K, FeedbackRecord[]>()
  for (const record of records) {
    const group = groups.get(key(record))
    if (group) group.push(record)
    else groups.set(key(record), [record])
  }
  return groups
}

/** Overall figures, with the same small-group rule as everywhere else. */
export function overallFigures(records: readonly FeedbackRecord[]): GroupFigures {
  return figures(records)
}

/**
 * Figures per article and per section, most-rated first, with the latest comments of each article that has enough
 * records that no single one can be singled out. Titles come from the content shown now; gone articles keep their id.
 */
export function summariseArticles(
  records: readonly FeedbackRecord[],
  articles: readonly Article[],
  commentsPerArticle = 5
): ArticleSummary[] {
  return [...groupBy(records, (record) => record.articleId)]
    .map(([articleId, group]) => {
      const article = articles.find((candidate) => candidate.id === articleId)
      const sections = [
        ...groupBy(
          group.filter((record) => record.sectionId !== null),
          (record) => record.sectionId as string
        )
      ].map(([sectionId, sectionGroup]) => ({
        sectionId,
        title: article?.sections.find((section) => section.id === sectionId)?.title ?? sectionId,
        ...figures(sectionGroup)
      }))
      const large = group.length >= smallGroup
      const comments = large
        ? group
            .filter((record) => record.comment !== null)
            .sort((a, b) => b.time.localeCompare(a.time))
            .slice(0, commentsPerArticle)
            .map((record) => ({ time: record.time, text: record.comment as string }))
        : []
      return { articleId, title: article?.title ?? articleId, ...figures(group), sections, comments }
    })
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
}

/** Feedback per clinic day (local time) for the last `days` days up to today, oldest first, empty days included. */
export function trend(records: readonly FeedbackRecord[], now: Date, days = 30): TrendDay[] {
  const byDay = groupBy(records, (record) => localDay(record.time))
  const today = localDay(now)
  return Array.from({ length: days }, (_, index) => {
    const day = shiftDay(today, index - (days - 1))
    const group = byDay.get(day) ?? []
    const sum = group.reduce((total, record) => total + record.rating, 0)
    return {
      day,
      count: group.length,
      average: group.length >= smallGroup ? Math.round((sum / group.length) * 100) / 100 : null
    }
  })
}
