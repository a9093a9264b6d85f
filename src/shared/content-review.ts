import type { Article, Playlist } from './domain'
import { shiftDay } from './local-day'
import type { ContentReview } from './staff'

/** How many days before its `nextReview` an article counts as due soon, so staff can book the review in time. */
export const reviewSoonDays = 30

/** Where an article stands against its review date. */
export type ReviewStatus = 'current' | 'due-soon' | 'overdue'

/**
 * An article's review status on a clinic day (both YYYY-MM-DD): overdue once `nextReview` has passed, due soon from
 * `reviewSoonDays` before it up to and including the day itself, current before that.
 */
export function reviewStatus(nextReview: string, today: string): ReviewStatus {
  if (nextReview < today) return 'overdue'
  if (nextReview <= shiftDay(today, reviewSoonDays)) return 'due-soon'
  return 'current'
}

function isOverdue(article: Article, today: string): boolean {
  return reviewStatus(article.nextReview, today) === 'overdue'
}

/**
 * The playlist without the articles past their review date on this day: an overdue article goes with all its
 * translations (they say what it says), and an overdue translation goes on its own.
 */
export function withoutOverdue(playlist: Playlist, today: string): Playlist {
  const articles = playlist.articles.filter((article) => !isOverdue(article, today))
  const kept = new Set(articles.map((article) => article.id))
  const translations = playlist.translations.filter((article) => kept.has(article.id) && !isOverdue(article, today))
  return { ...playlist, articles, translations }
}

/**
 * Every article and translation of the playlist that is due soon or overdue on this day, soonest first, each marked
 * hidden when `hidePastReview` keeps it from patients.
 */
export function contentReviews(playlist: Playlist, today: string, hidePastReview: boolean): ContentReview[] {
  const shown = hidePastReview ? withoutOverdue(playlist, today) : playlist
  const visible = new Set([...shown.articles, ...shown.translations])
  const reviews: ContentReview[] = []
  for (const article of [...playlist.articles, ...playlist.translations]) {
    const status = reviewStatus(article.nextReview, today)
    if (status === 'current') continue
    reviews.push({
      articleId: article.id,
      language: article.language,
      title: article.title,
      file: article.file,
      nextReview: article.nextReview,
      status,
      hidden: !visible.has(article)
    })
  }
  return reviews.sort(
    (a, b) =>
      a.nextReview.localeCompare(b.nextReview) ||
      a.articleId.localeCompare(b.articleId) ||
      a.language.localeCompare(b.language)
  )
}
