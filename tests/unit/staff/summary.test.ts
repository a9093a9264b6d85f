import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/domain'
import type { FeedbackRecord, Rating } from '../../../src/shared/feedback'
import { localDay, shiftDay } from '../../../src/shared/local-day'
import type { ArticleSummary, Distribution, GroupFigures, TrendDay } from '../../../src/shared/staff'
import {
  articleSummariesOf,
  overallFigures,
  overallFiguresOf,
  summariseArticles,
  tally,
  trend,
  trendOf
} from '../../../src/main/staff/summary'
import { article, section } from '../renderer/fixtures'

let next = 0
function record(articleId: string, rating: Rating, overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  next += 1
  return {
    id: `id-${next}`,
    articleId,
    sectionId: null,
    rating,
    comment: null,
    language: 'en',
    contentVersion: 'c',
    appVersion: 'a',
    station: 's',
    time: `2026-11-${String(10 + (next % 10)).padStart(2, '0')}T10:00:00.000Z`,
    ...overrides
  }
}

const articles = [article('knee', [section('causes'), section('exercises')]), article('water', [section('how-much')])]

describe('staff summary', () => {
  it('counts ratings, their distribution and average per article, most-rated first', () => {
    const records = [
      ...[3, 3, 3, 2, 1].map((rating) => record('knee', rating as Rating)),
      ...[3, 3, 3, 3, 3, 1].map((rating) => record('water', rating as Rating))
    ]
    const [water, knee] = summariseArticles(records, articles)
    expect(water).toMatchObject({ articleId: 'water', count: 6, distribution: [1, 0, 5], average: 2.67 })
    expect(knee).toMatchObject({ articleId: 'knee', title: 'knee', count: 5, distribution: [1, 1, 3], average: 2.4 })
    expect(overallFigures(records)).toEqual({ count: 11, distribution: [2, 1, 8], average: 2.55 })
  })

  it('shows counts only, and no comments, for groups of fewer than five', () => {
    const records = [1, 2, 3, 3].map((rating) =>
      record('knee', rating as Rating, { comment: 'only me', sectionId: 'causes' })
    )
    const [knee] = summariseArticles(records, articles)
    expect(knee).toMatchObject({ count: 4, distribution: null, average: null, comments: [] })
    expect(knee?.sections).toEqual([
      { sectionId: 'causes', title: 'causes', count: 4, distribution: null, average: null }
    ])
    expect(overallFigures(records)).toEqual({ count: 4, distribution: null, average: null })
  })

  it('lists the latest comments of a large enough group, newest first, as plain text', () => {
    const records = [1, 2, 3, 4, 5, 6].map((day) =>
      record('knee', 3, { time: `2026-11-0${day}T10:00:00.000Z`, comment: day % 2 ? `<b>day ${day}</b>` : null })
    )
    const [knee] = summariseArticles(records, articles)
    expect(knee?.comments.map((comment) => comment.text)).toEqual(['<b>day 5</b>', '<b>day 3</b>', '<b>day 1</b>'])
  })

  it('keeps feedback about an article that is no longer shown, under its id', () => {
    const records = [record('retired-article', 3)]
    expect(summariseArticles(records, articles)[0]).toMatchObject({
      articleId: 'retired-article',
      title: 'retired-article'
    })
  })

  it('gives a 30-day trend ending today, with empty days and small-day averages hidden', () => {
    // Days are the clinic's local days, so the times are made in local time too.
    const at = (month: number, day: number) => new Date(2026, month - 1, day, 8, 0).toISOString()
    const records = [
      ...[3, 3, 3, 3, 1].map((rating) => record('knee', rating as Rating, { time: at(11, 24) })),
      record('knee', 2, { time: at(11, 20) }),
      record('knee', 2, { time: at(10, 1) })
    ]
    const days = trend(records, new Date(2026, 10, 24, 17, 0))
    expect(days).toHaveLength(30)
    expect(days[0]?.day).toBe('2026-10-26')
    expect(days.at(-1)).toEqual({ day: '2026-11-24', count: 5, average: 2.6 })
    expect(days.find((day) => day.day === '2026-11-20')).toEqual({ day: '2026-11-20', count: 1, average: null })
    expect(days.reduce((total, day) => total + day.count, 0)).toBe(6)
  })

  it('finds the clinic day of every time across clock changes, in time zones east and west', () => {
    const zone = process.env.TZ
    const spans = [
      ['2026-03-25T00:00:00.000Z', '2026-04-10T00:00:00.000Z'],
      ['2026-09-01T00:00:00.000Z', '2026-09-10T00:00:00.000Z'],
      ['2026-10-20T00:00:00.000Z', '2026-11-08T00:00:00.000Z']
    ]
    const records = spans.flatMap(([from, to]) => {
      const times: FeedbackRecord[] = []
      for (let at = Date.parse(from as string); at < Date.parse(to as string); at += 15 * 60_000)
        times.push(record('knee', 3, { time: new Date(at).toISOString() }))
      return times
    })
    const offsets = new Set<number>()
    try {
      for (const place of [
        'UTC',
        'Europe/Berlin',
        'America/St_Johns',
        'America/Santiago',
        'Australia/Lord_Howe',
        'Pacific/Chatham',
        'Asia/Kolkata',
        'Pacific/Kiritimati',
        'Pacific/Pago_Pago'
      ]) {
        process.env.TZ = place
        offsets.add(new Date('2026-01-15T12:00:00.000Z').getTimezoneOffset())
        const expected = new Map<string, number>()
        for (const each of records) expected.set(localDay(each.time), (expected.get(localDay(each.time)) ?? 0) + 1)
        const days = new Map([...tally(records).days].map(([day, figures]) => [day, figures.count]))
        expect(days, place).toEqual(expected)
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
    // The zones really changed, so the days above were found in each of them.
    expect(offsets.size).toBe(9)
  })

  it('puts the same summary together from monthly tallies as from all the records at once', () => {
    const times = fc.constantFrom(
      '2026-09-30T23:45:00.000Z',
      '2026-10-01T00:00:00.000Z',
      '2026-10-15T10:00:00.000Z',
      '2026-10-15T10:15:00.000Z',
      '2026-11-20T08:00:00.000Z',
      '2026-11-24T09:30:00.000Z',
      '2026-11-24T22:45:00.000Z'
    )
    const records = fc.array(
      fc.record({
        articleId: fc.constantFrom('knee', 'water', 'gone'),
        sectionId: fc.constantFrom(null, 'causes', 'exercises', 'how-much'),
        rating: fc.constantFrom<Rating>(1, 2, 3),
        comment: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }),
        time: times
      }),
      { maxLength: 80 }
    )
    fc.assert(
      fc.property(records, fc.integer({ min: 0, max: 7 }), (drafts, comments) => {
        const all = drafts.map((draft) => record(draft.articleId, draft.rating, draft))
        // As the store hands them over: month by month, oldest first, each month in its file's order.
        const months = [...new Set(all.map((each) => each.time.slice(0, 7)))].sort()
        const byMonth = months.map((month) => all.filter((each) => each.time.startsWith(month)))
        const inOrder = byMonth.flat()
        const tallies = byMonth.map((part) => tally(part, Math.max(comments, 5)))
        const now = new Date('2026-11-24T12:00:00.000Z')
        expect(overallFiguresOf(tallies)).toEqual(reference.figures(inOrder))
        expect(articleSummariesOf(tallies, articles, comments)).toEqual(
          reference.summariseArticles(inOrder, articles, comments)
        )
        expect(trendOf(tallies, now)).toEqual(reference.trend(inOrder, now))
      }),
      { numRuns: 300 }
    )
  })
})

/** The summary as it was written before tallies: straightforward, and slow over 100k records. */
const reference = {
  figures(records: readonly FeedbackRecord[]): GroupFigures {
    if (records.length < 5) return { count: records.length, distribution: null, average: null }
    const distribution: Distribution = [
      records.filter((record) => record.rating === 1).length,
      records.filter((record) => record.rating === 2).length,
      records.filter((record) => record.rating === 3).length
    ]
    const sum = distribution[0] + 2 * distribution[1] + 3 * distribution[2]
    return { count: records.length, distribution, average: Math.round((sum / records.length) * 100) / 100 }
  },
  groupBy<K>(records: readonly FeedbackRecord[], key: (record: FeedbackRecord) => K): Map<K, FeedbackRecord[]> {
    const groups = new Map<K, FeedbackRecord[]>()
    for (const record of records) {
      const group = groups.get(key(record))
      if (group) group.push(record)
      else groups.set(key(record), [record])
    }
    return groups
  },
  summariseArticles(records: readonly FeedbackRecord[], shown: readonly Article[], count: number): ArticleSummary[] {
    return [...reference.groupBy(records, (record) => record.articleId)]
      .map(([articleId, group]) => {
        const article = shown.find((candidate) => candidate.id === articleId)
        const sections = [
          ...reference.groupBy(
            group.filter((record) => record.sectionId !== null),
            (record) => record.sectionId as string
          )
        ].map(([sectionId, sectionGroup]) => ({
          sectionId,
          title: article?.sections.find((section) => section.id === sectionId)?.title ?? sectionId,
          ...reference.figures(sectionGroup)
        }))
        const comments =
          group.length >= 5
            ? group
                .filter((record) => record.comment !== null)
                .sort((a, b) => b.time.localeCompare(a.time))
                .slice(0, count)
                .map((record) => ({ time: record.time, text: record.comment as string }))
            : []
        return { articleId, title: article?.title ?? articleId, ...reference.figures(group), sections, comments }
      })
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
  },
  trend(records: readonly FeedbackRecord[], now: Date, days = 30): TrendDay[] {
    const byDay = reference.groupBy(records, (record) => localDay(record.time))
    const today = localDay(now)
    return Array.from({ length: days }, (_, index) => {
      const day = shiftDay(today, index - (days - 1))
      const group = byDay.get(day) ?? []
      const sum = group.reduce((total, record) => total + record.rating, 0)
      return {
        day,
        count: group.length,
        average: group.length >= 5 ? Math.round((sum / group.length) * 100) / 100 : null
      }
    })
  }
}
