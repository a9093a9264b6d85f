import { describe, expect, it } from 'vitest'
import type { FeedbackRecord, Rating } from '../../../src/shared/feedback'
import { overallFigures, summariseArticles, trend } from '../../../src/main/services/summary'
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
})
