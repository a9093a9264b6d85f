import { describe, expect, it } from 'vitest'
import { contentReviews, reviewSoonDays, reviewStatus, withoutOverdue } from '../../../src/shared/content-review'
import type { Article, Playlist } from '../../../src/shared/domain'

function article(id: string, language: string, nextReview: string): Article {
  return {
    id,
    language,
    nextReview,
    title: `${id} (${language})`,
    summary: 'Summary.',
    owner: 'Tests',
    reviewed: '2020-01-01',
    source: 'Tests.',
    sections: [{ id: 'one', title: 'One', blocks: [], wordCount: 0 }],
    file: `${language}/${id}.md`
  }
}

const today = '2026-11-24'

describe('review status', () => {
  it('is overdue only once the next review date has passed', () => {
    expect(reviewStatus('2026-11-23', today)).toBe('overdue')
    expect(reviewStatus('2024-01-01', today)).toBe('overdue')
    expect(reviewStatus('2026-11-24', today)).toBe('due-soon')
  })

  it(`is due soon up to ${reviewSoonDays} days ahead, and current after that`, () => {
    expect(reviewSoonDays).toBe(30)
    expect(reviewStatus('2026-12-24', today)).toBe('due-soon')
    expect(reviewStatus('2026-12-25', today)).toBe('current')
    expect(reviewStatus('2027-05-24', today)).toBe('current')
  })

  it('counts the 30 days across a month and a year end', () => {
    expect(reviewStatus('2027-01-30', '2026-12-31')).toBe('due-soon')
    expect(reviewStatus('2027-01-31', '2026-12-31')).toBe('current')
  })
})

describe('articles past their review', () => {
  const playlist: Playlist = {
    articles: [
      article('flu-vaccine', 'en', '2026-11-01'),
      article('hand-washing', 'en', '2026-12-01'),
      article('knee-pain', 'en', '2028-01-01')
    ],
    translations: [
      article('flu-vaccine', 'es', '2028-01-01'),
      article('hand-washing', 'es', '2026-11-20'),
      article('knee-pain', 'es', '2028-01-01')
    ],
    contentVersion: 'v1'
  }
  const shown = (list: Playlist) =>
    [...list.articles, ...list.translations].map((item) => `${item.language}/${item.id}`)

  it('leave the playlist with their translations, and an overdue translation leaves alone', () => {
    const current = withoutOverdue(playlist, today)
    expect(shown(current)).toEqual(['en/hand-washing', 'en/knee-pain', 'es/knee-pain'])
    expect(current.contentVersion).toBe('v1')
  })

  it('are listed for staff with every due-soon article of all languages, soonest first', () => {
    expect(contentReviews(playlist, today, false)).toEqual([
      {
        articleId: 'flu-vaccine',
        language: 'en',
        title: 'flu-vaccine (en)',
        file: 'en/flu-vaccine.md',
        nextReview: '2026-11-01',
        status: 'overdue',
        hidden: false
      },
      expect.objectContaining({ articleId: 'hand-washing', language: 'es', status: 'overdue', hidden: false }),
      expect.objectContaining({ articleId: 'hand-washing', language: 'en', status: 'due-soon', hidden: false })
    ])
  })

  it('are marked hidden when the config hides them, and so is the translation of a hidden article', () => {
    const hiddenNow = (reviews: ReturnType<typeof contentReviews>) =>
      reviews.map((review) => `${review.language}/${review.articleId}:${review.hidden}`)
    expect(hiddenNow(contentReviews(playlist, today, true))).toEqual([
      'en/flu-vaccine:true',
      'es/hand-washing:true',
      'en/hand-washing:false'
    ])
    const dueSoonTranslation: Playlist = {
      ...playlist,
      translations: [article('flu-vaccine', 'es', '2026-12-01')]
    }
    expect(hiddenNow(contentReviews(dueSoonTranslation, today, true))).toEqual([
      'en/flu-vaccine:true',
      'es/flu-vaccine:true',
      'en/hand-washing:false'
    ])
  })

  it('are none when every review is far off', () => {
    expect(contentReviews(playlist, '2020-01-01', true)).toEqual([])
    expect(shown(withoutOverdue(playlist, '2020-01-01'))).toHaveLength(6)
  })
})
