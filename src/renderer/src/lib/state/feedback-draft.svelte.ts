import type { KioskApi } from '../../../../shared/contract'
import type { Article } from '../../../../shared/domain'
import { commentMaxLength, type Rating } from '../../../../shared/feedback'
import type { InterfaceLanguage } from '../../../../shared/languages'
import type { ErrorCode } from '../../../../shared/result'
import { systemTimers, type Timers } from '../../../../shared/timers'

/** Where the patient is in giving feedback. */
export type FeedbackStep = 'closed' | 'rating' | 'comment' | 'part' | 'sending' | 'thanks' | 'already'

/**
 * One patient's feedback while they give it: rating, optional comment, optional part that helped most. It sends
 * once per visit, however many taps arrive, and the idle reset wipes it for the next patient.
 */
export class FeedbackDraft {
  step: FeedbackStep = $state('closed')
  rating: Rating | null = $state(null)
  comment = $state('')
  /** The last error from the kiosk, shown in words on the comment screen; the draft stays as it was. */
  error: ErrorCode | null = $state(null)
  article: Article | null = $state.raw(null)

  #api: Pick<KioskApi, 'submitFeedback'>
  /** The patient's interface language at the moment of sending, recorded with the feedback. */
  #language: () => InterfaceLanguage
  #thankYouMilliseconds: number
  #timers: Timers
  #sentThisVisit = false
  #timer: unknown = null

  constructor(
    api: Pick<KioskApi, 'submitFeedback'>,
    language: () => InterfaceLanguage,
    thankYouSeconds: number,
    timers = systemTimers
  ) {
    this.#api = api
    this.#language = language
    this.#thankYouMilliseconds = thankYouSeconds * 1000
    this.#timers = timers
  }

  /** Opens feedback about an article, at the rating or, when a face was already tapped, at the comment. */
  open(article: Article, rating: Rating | null = null): void {
    this.#wipe()
    this.article = article
    if (this.#sentThisVisit) {
      this.step = 'already'
      return
    }
    this.rating = rating
    this.step = rating === null ? 'rating' : 'comment'
  }

  /** Records the face the patient tapped and moves to the comment. */
  choose(rating: Rating): void {
    this.rating = rating
    this.step = 'comment'
  }

  /** Replaces the comment with what the keyboard holds, never longer than main accepts. */
  type(text: string): void {
    if (this.step !== 'comment') return
    this.comment = text.slice(0, commentMaxLength)
    this.error = null
  }

  /** After the comment: ask which part helped most when that makes sense, or send now. */
  async finishComment(): Promise<void> {
    if (this.step !== 'comment') return
    const sections = this.article?.sections.length ?? 0
    if (this.rating !== null && this.rating >= 2 && sections > 1) this.step = 'part'
    else await this.send(null)
  }

  /** Sends the feedback once; a second tap while sending or after success does nothing. */
  async send(sectionId: string | null): Promise<void> {
    if (this.step === 'sending' || this.#sentThisVisit || !this.article || this.rating === null) return
    const previous = this.step
    this.step = 'sending'
    const trimmed = this.comment.trim()
    const result = await this.#api.submitFeedback({
      articleId: this.article.id,
      sectionId,
      rating: this.rating,
      comment: trimmed === '' ? null : trimmed,
      language: this.#language()
    })
    if (this.step !== 'sending') return
    if (result.ok) {
      this.#sentThisVisit = true
      this.step = 'thanks'
      this.#timer = this.#timers.setTimeout(() => this.close(), this.#thankYouMilliseconds)
    } else {
      this.error = result.error.code
      this.step = previous === 'part' ? 'comment' : previous
    }
  }

  /** Leaves feedback without sending; what was typed is wiped. */
  close(): void {
    this.#wipe()
    this.step = 'closed'
  }

  /** The visit is over (idle reset): wipe everything, including the once-per-visit mark. */
  reset(): void {
    this.close()
    this.#sentThisVisit = false
  }

  #wipe(): void {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer)
    this.#timer = null
    this.rating = null
    this.comment = ''
    this.error = null
  }
}
