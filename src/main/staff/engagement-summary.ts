import type { Article } from '../../shared/domain'
import type { ArticleEngagement, EngagementSummary, SectionEngagement, TimeBuckets } from '../../shared/engagement'
import type { ArticleDay, EngagementDay } from '../feedback/engagement-store'
import { smallGroup } from './summary'

/** Every article's counts added up over a number of days (and of kiosks), by article id. */
export type EngagementTotals = Map<string, ArticleDay>

/** Adds one day's (or one kiosk's) counts into running totals. */
export function addEngagement(totals: EngagementTotals, day: EngagementDay): void {
  for (const [articleId, article] of Object.entries(day)) {
    let into = totals.get(articleId)
    if (!into) totals.set(articleId, (into = { visits: 0, finished: 0, feedback: 0, sections: {} }))
    into.visits += article.visits
    into.finished += article.finished
    into.feedback += article.feedback
    for (const [sectionId, section] of Object.entries(article.sections)) {
      const known = Object.hasOwn(into.sections, sectionId) ? into.sections[sectionId] : undefined
      if (!known) {
        into.sections[sectionId] = { reached: section.reached, shown: section.shown, time: [...section.time] }
        continue
      }
      known.reached += section.reached
      known.shown += section.shown
      section.time.forEach((views, bucket) => (known.time[bucket as 0] += views))
    }
  }
}

/**
 * What the staff summary and the report show of engagement totals: per article (most visited first), the share of
 * visits that reached each section (where readers stop) and how long each section's views lasted (which sections hold
 * attention). An article with fewer than `small` visits shows its visit count only, and a section with fewer than
 * `small` views no time spread, as the feedback summary does with small groups. Sections come in the order of the
 * article shown now, then any other section counted (old content, a translation's own), titled from a translation when
 * one has it.
 */
export function engagementFigures(
  totals: EngagementTotals,
  articles: readonly Article[],
  translations: readonly Article[] = [],
  small = smallGroup
): ArticleEngagement[] {
  return [...totals]
    .map(([articleId, counts]): ArticleEngagement => {
      const shown = articles.find((article) => article.id === articleId)
      const title = shown?.title ?? articleId
      if (counts.visits < small)
        return { articleId, title, visits: counts.visits, finished: null, feedback: null, sections: [] }
      const ordered = shown?.sections.map((section) => section.id) ?? []
      const others = Object.keys(counts.sections).filter((sectionId) => !ordered.includes(sectionId))
      const titleOf = (sectionId: string) =>
        [shown, ...translations.filter((translation) => translation.id === articleId)]
          .flatMap((article) => article?.sections ?? [])
          .find((section) => section.id === sectionId)?.title ?? sectionId
      const sections = [...ordered, ...others].map((sectionId): SectionEngagement => {
        const section = Object.hasOwn(counts.sections, sectionId) ? counts.sections[sectionId] : undefined
        const reached = section?.reached ?? 0
        const views = section?.shown ?? 0
        return {
          sectionId,
          title: titleOf(sectionId),
          reached,
          share: Math.min(1, reached / counts.visits),
          shown: views,
          time: section && views >= small ? ([...section.time] as TimeBuckets) : null
        }
      })
      return { articleId, title, visits: counts.visits, finished: counts.finished, feedback: counts.feedback, sections }
    })
    .sort((a, b) => b.visits - a.visits || a.title.localeCompare(b.title))
}

/** The engagement part of the staff summary, over every day the kiosk holds. */
export function engagementSummaryOf(
  days: ReadonlyArray<{ day: string; articles: EngagementDay }>,
  articles: readonly Article[],
  translations: readonly Article[] = []
): EngagementSummary {
  const totals: EngagementTotals = new Map()
  for (const { articles: counts } of days) addEngagement(totals, counts)
  return {
    from: days[0]?.day ?? null,
    to: days.at(-1)?.day ?? null,
    articles: engagementFigures(totals, articles, translations)
  }
}
