import { describe, expect, it } from 'vitest'
import type { EngagementDay } from '../../../src/main/feedback/engagement-store'
import { engagementSummaryOf } from '../../../src/main/staff/engagement-summary'
import { article, section } from '../renderer/fixtures'

const knee = article('knee', [section('causes'), section('exercises'), section('when-to-call')])
const water = article('water', [section('how-much')])

/** One day on which `visits` visits to the knee article reached its first `reached` sections, each view 10–30 s. */
function kneeDay(visits: number, reached: number): EngagementDay {
  const ids = ['causes', 'exercises', 'when-to-call'].slice(0, reached)
  return {
    knee: {
      visits,
      finished: reached === 3 ? visits : 0,
      feedback: 0,
      sections: Object.fromEntries(
        ids.map((id) => [
          id,
          { reached: visits, shown: visits, time: [0, visits, 0, 0] as [number, number, number, number] }
        ])
      )
    }
  }
}

describe('engagement summary', () => {
  it('adds days up per article: the share of visits reaching each section, in the order of the article', () => {
    const summary = engagementSummaryOf(
      [
        { day: '2026-11-23', articles: kneeDay(6, 3) },
        { day: '2026-11-24', articles: kneeDay(4, 1) }
      ],
      [knee, water]
    )
    expect(summary.from).toBe('2026-11-23')
    expect(summary.to).toBe('2026-11-24')
    const [figures] = summary.articles
    expect(figures).toMatchObject({ articleId: 'knee', visits: 10, finished: 6, feedback: 0 })
    expect(figures?.sections.map((figure) => [figure.sectionId, figure.share, figure.time])).toEqual([
      ['causes', 1, [0, 10, 0, 0]],
      ['exercises', 0.6, [0, 6, 0, 0]],
      ['when-to-call', 0.6, [0, 6, 0, 0]]
    ])
  })

  it('suppresses small counts as the feedback summary does: an article under 5 visits shows its count only', () => {
    const [figures] = engagementSummaryOf([{ day: '2026-11-23', articles: kneeDay(4, 3) }], [knee]).articles
    expect(figures).toEqual({
      articleId: 'knee',
      title: 'knee',
      visits: 4,
      finished: null,
      feedback: null,
      sections: []
    })
  })

  it('hides the time spread of a section seen fewer than 5 times, but not how far visits reached', () => {
    const days = [
      { day: '2026-11-23', articles: kneeDay(3, 3) },
      { day: '2026-11-24', articles: kneeDay(3, 1) }
    ]
    const [figures] = engagementSummaryOf(days, [knee]).articles
    expect(figures?.sections.map((figure) => [figure.sectionId, figure.reached, figure.share, figure.time])).toEqual([
      ['causes', 6, 1, [0, 6, 0, 0]],
      ['exercises', 3, 0.5, null],
      ['when-to-call', 3, 0.5, null]
    ])
  })

  it('keeps sections no longer in the article after its own, titled by their id, and says when nothing is counted', () => {
    const old: EngagementDay = {
      knee: {
        visits: 5,
        finished: 0,
        feedback: 2,
        sections: { 'old-part': { reached: 5, shown: 5, time: [5, 0, 0, 0] } }
      }
    }
    const [figures] = engagementSummaryOf([{ day: '2026-11-23', articles: old }], [knee]).articles
    expect(figures?.sections.map((figure) => [figure.title, figure.reached])).toEqual([
      ['causes', 0],
      ['exercises', 0],
      ['when-to-call', 0],
      ['old-part', 5]
    ])
    expect(engagementSummaryOf([], [knee])).toEqual({ from: null, to: null, articles: [] })
  })
})
