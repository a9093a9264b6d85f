import { commentMaxLength, type FeedbackInput, type FeedbackRecord } from '../../shared/feedback'
import { fail, ok, type Result } from '../../shared/result'
import type { FeedbackStore } from './feedback-store'
import { type CommentScrubber, commentScrubber } from './scrub'

/** Rounds a time down to the step (a quarter hour by default) so feedback cannot be matched to an appointment. */
export function roundDown(time: Date, minutes: number): Date {
  const step = minutes * 60_000
  return new Date(Math.floor(time.getTime() / step) * step)
}

/** What the feedback service needs from the rest of the kiosk. */
export interface FeedbackServiceOptions {
  /** Only appends are needed, so a benchmark can put the same service over another store. */
  store: Pick<FeedbackStore, 'append'>
  now: () => Date
  /** A clock that never goes back (performance.now), so a PC clock set back cannot block feedback. */
  monotonic: () => number
  randomId: () => string
  station: () => string
  appVersion: string
  contentVersion: () => string
  roundingMinutes: () => number
  minimumGapSeconds: () => number
  /** Whether the article (and section, when given) is one the kiosk is showing. */
  isShown: (articleId: string, sectionId: string | null) => boolean
  logError: (message: string, error: unknown) => void
  /** The process's scrubber unless a test gives another. */
  scrubber?: Pick<CommentScrubber, 'scrub'>
}

/** Turns validated feedback input into a stored, scrubbed, anonymous record. */
export class FeedbackService {
  readonly #options: FeedbackServiceOptions
  #lastAccepted = Number.NEGATIVE_INFINITY

  readonly #scrubber: Pick<CommentScrubber, 'scrub'>

  constructor(options: FeedbackServiceOptions) {
    this.#options = options
    this.#scrubber = options.scrubber ?? commentScrubber
  }

  /** Stores one piece of feedback, or says why not; a failed write leaves nothing half-stored. */
  async submit(input: FeedbackInput): Promise<Result<{ id: string }>> {
    const options = this.#options
    if (!options.isShown(input.articleId, null))
      return fail(
        'invalid-input',
        `feedback:submit: articleId "${input.articleId}" is not an article the kiosk is showing`
      )
    if (!options.isShown(input.articleId, input.sectionId))
      return fail(
        'invalid-input',
        `feedback:submit: sectionId "${input.sectionId}" is not a part of ${input.articleId}`
      )
    const now = options.now()
    const started = options.monotonic()
    if (started - this.#lastAccepted < options.minimumGapSeconds() * 1000) {
      return fail('too-soon', 'feedback was sent moments ago; please wait a little')
    }
    const previous = this.#lastAccepted
    // Taken before the write, so two submissions arriving together cannot both pass the gap.
    this.#lastAccepted = started
    let scrubbed: string
    try {
      scrubbed = input.comment === null ? '' : await this.#scrub(input.comment, input.language)
    } catch (error) {
      // Never the raw text: without a scrubbed comment nothing is stored, and the patient may send again.
      this.#lastAccepted = previous
      options.logError('a comment could not be scrubbed, so nothing was stored', error)
      return fail('internal', 'the comment could not be checked for personal details')
    }
    // "[removed]" can be longer than what it replaced, so the limit is applied again after scrubbing.
    const comment = scrubbed.slice(0, commentMaxLength).trim()
    const record: FeedbackRecord = {
      id: options.randomId(),
      articleId: input.articleId,
      sectionId: input.sectionId,
      rating: input.rating,
      comment: comment === '' ? null : comment,
      language: input.language,
      contentVersion: options.contentVersion(),
      appVersion: options.appVersion,
      station: options.station(),
      time: roundDown(now, options.roundingMinutes()).toISOString()
    }
    try {
      await options.store.append(record)
    } catch (error) {
      this.#lastAccepted = previous
      options.logError('feedback could not be stored', error)
      return fail('storage-failed', 'the feedback could not be saved')
    }
    return ok({ id: record.id })
  }

  /** Scrubs a comment, noting in the error log when the stricter fallback had to be used. */
  #scrub(comment: string, language: string): Promise<string> {
    return this.#scrubber.scrub(comment, {
      language,
      onFallback: (error) =>
        this.#options.logError('a comment was scrubbed without the language library, so more strictly', error)
    })
  }
}
