// Section engagement, anonymous by design: what the reader counts, as the renderer sends it and as main keeps it.
// Only daily aggregates are ever stored: no visit, no time finer than a day, nothing joined to a feedback record.

/** The coarse buckets a section's time on screen falls in: under 10 s, 10–30 s, 30–90 s, over 90 s. */
export const timeBucketBounds = [10_000, 30_000, 90_000] as const

/** Views of a section counted by how long each lasted, one count per bucket of `timeBucketBounds`. */
export type TimeBuckets = [number, number, number, number]

/** The bucket (0 to 3) a view of `milliseconds` falls in. */
export function timeBucketOf(milliseconds: number): 0 | 1 | 2 | 3 {
  if (!(milliseconds >= timeBucketBounds[0])) return 0
  if (milliseconds < timeBucketBounds[1]) return 1
  return milliseconds < timeBucketBounds[2] ? 2 : 3
}

/** The most views of one section a single increment may carry; more is a screen gone wrong, not a patient. */
export const maxViewsPerIncrement = 500

/** The most sections one increment may name (an article has a few dozen at most). */
export const maxSectionsPerIncrement = 200

/** What one section adds to the day: views (each in its time bucket) and whether this visit reached it first now. */
export interface SectionIncrement {
  sectionId: string
  /** 1 the first time the visit reached this section, else 0. */
  reached: 0 | 1
  /** How many times the section was shown to the patient since the last increment. */
  shown: number
  /** Those views by how long each lasted; the four counts add up to `shown`. */
  time: TimeBuckets
}

/**
 * What one article visit adds to the day's aggregates since its last increment: counts only, and no time at all
 * (main files it under the local day it arrives on). A visit is a patient's continuous stay with one article.
 */
export interface EngagementIncrement {
  articleId: string
  /** 1 in the first increment of a visit, else 0. */
  visits: 0 | 1
  /** 1 once, when the visit first reached the article's last section. */
  finished: 0 | 1
  /** 1 once, when the visit went on to give feedback about the article. */
  feedback: 0 | 1
  sections: SectionIncrement[]
}

/** One section of an article on the staff summary: how many visits reached it, and how long its views lasted. */
export interface SectionEngagement {
  sectionId: string
  title: string
  /** Visits that reached this section. */
  reached: number
  /** `reached` as a share (0 to 1) of the article's visits; null when the article has too few visits to show. */
  share: number | null
  /** Views of the section. */
  shown: number
  /** The views by time bucket; null when there are too few views to show. */
  time: TimeBuckets | null
}

/** One article on the staff summary: its visits, how far they went, and which sections hold attention. */
export interface ArticleEngagement {
  articleId: string
  title: string
  visits: number
  /** Visits that reached the last section, and visits that went on to give feedback; null when too few to show. */
  finished: number | null
  feedback: number | null
  /** In the article's order, then any section no longer in it (old content, a translation's own). */
  sections: SectionEngagement[]
}

/** The engagement part of the staff summary: per article, over every day the kiosk holds. */
export interface EngagementSummary {
  /** The first and last local day counted, or null when nothing is. */
  from: string | null
  to: string | null
  articles: ArticleEngagement[]
}
