import type { InterfaceLanguage } from './languages'

/** The three answers to "Was this helpful?", from least to most helpful. */
export const ratings = [1, 2, 3] as const

/** A rating as stored: 1 not helpful, 2 a little, 3 very. */
export type Rating = (typeof ratings)[number]

/** The longest comment a patient can type, and the longest main accepts. */
export const commentMaxLength = 500

/** A patient's feedback as the renderer sends it; `feedbackInputSchema` checks it in main. */
export interface FeedbackInput {
  articleId: string
  /** The part the patient said helped most, if they picked one. */
  sectionId: string | null
  rating: Rating
  comment: string | null
  /** The interface language the patient was reading in. */
  language: InterfaceLanguage
}

/** One stored piece of feedback: nothing in it identifies a patient or the PC. */
export interface FeedbackRecord {
  /** Random, so records can be told apart and de-duplicated across exports; not derived from anything. */
  id: string
  articleId: string
  sectionId: string | null
  rating: Rating
  /** After scrubbing of identifying details (see docs/PRIVACY.md); null when the patient wrote nothing. */
  comment: string | null
  language: string
  contentVersion: string
  appVersion: string
  /** The station label from the config, such as "Waiting room 2". */
  station: string
  /** ISO 8601 in UTC, rounded down so feedback cannot be matched to an appointment. */
  time: string
}
