import type { KioskApi } from '../../../../shared/contract'
import type { ContentUpdateStatus, PackArticle, PackReview } from '../../../../shared/content-update'
import type { Article } from '../../../../shared/domain'
import type { ErrorCode } from '../../../../shared/result'
import { primaryLanguage } from '../i18n'
import { Reader } from './reader.svelte'

/** What staff mode needs from its session: a touch keeps it open, and a lost session closes it. */
export interface StaffSessionHandle {
  touch: () => void
  close: () => Promise<void>
}

/** The last thing Install or Undo did, for the sentence that says so. */
export type UpdateOutcome = 'installed' | 'undone' | null

/**
 * Staff's "Update articles": the sticks plugged in, a stick's articles against the screen, a preview of one of them
 * in the real reader, Install and Undo. Main reads, checks, stages and installs; this class keeps what is on screen.
 */
export class ContentUpdate {
  status: ContentUpdateStatus | null = $state.raw(null)
  review: PackReview | null = $state.raw(null)
  /** The article staff preview from the stick, in a reader of its own; null when no preview is open. */
  preview: Reader | null = $state.raw(null)
  busy: 'looking' | 'reading' | 'installing' | 'undoing' | null = $state(null)
  outcome: UpdateOutcome = $state(null)
  error: ErrorCode | null = $state(null)

  #api: KioskApi
  #session: StaffSessionHandle

  constructor(api: KioskApi, session: StaffSessionHandle) {
    this.#api = api
    this.#session = session
  }

  /** Where the articles on screen come from, the sticks plugged in, and whether an install can be undone. */
  async look(): Promise<void> {
    await this.#run('looking', async () => {
      const status = await this.#api.contentStatus()
      if (!status.ok) return status.error.code
      this.status = status.value
      return null
    })
  }

  /** Reads a stick: every article against the screen, every problem, review dates and reading grades. */
  async read(driveId: string): Promise<void> {
    this.review = null
    this.outcome = null
    await this.#run('reading', async () => {
      const review = await this.#api.scanContent({ driveId })
      if (!review.ok) return review.error.code
      this.review = review.value
      return null
    })
  }

  /** Opens one of the stick's articles in the reader, as patients would see it once installed. */
  async open(article: PackArticle): Promise<void> {
    const review = this.review
    if (!review) return
    this.#session.touch()
    const answer = await this.#api.previewArticle({
      scanId: review.scanId,
      language: article.language,
      articleId: article.articleId
    })
    if (!answer.ok) return this.#failed(answer.error.code)
    this.preview = new Reader([answer.value satisfies Article])
  }

  /**
   * Staff picked a language in the preview's settings: the stick's translation of the article when it has one;
   * otherwise the article stays, as a patient who picked that language would see it.
   */
  async previewIn(language: string): Promise<void> {
    const review = this.review
    const reader = this.preview
    if (!review || !reader) return
    const shown = reader.article
    const wanted = primaryLanguage(language)
    if (primaryLanguage(shown.language) === wanted) return
    const translation = review.articles.find(
      (article) => article.articleId === shown.id && primaryLanguage(article.language) === wanted
    )
    if (!translation) return
    this.#session.touch()
    const answer = await this.#api.previewArticle({
      scanId: review.scanId,
      language: translation.language,
      articleId: translation.articleId
    })
    if (!answer.ok) return this.#failed(answer.error.code)
    // Staff may have closed this preview, or opened another, while the translation was read.
    if (this.preview === reader) reader.replaceArticles([answer.value])
  }

  /** Back from the preview to the list. */
  closePreview(): void {
    this.preview = null
    this.#session.touch()
  }

  /** Installs the stick's valid articles; the articles before stay for Undo. */
  async install(): Promise<void> {
    const review = this.review
    if (!review || review.blocked) return
    await this.#run('installing', async () => {
      const status = await this.#api.installContent({ scanId: review.scanId })
      if (!status.ok) return status.error.code
      this.status = status.value
      this.review = null
      this.outcome = 'installed'
      return null
    })
  }

  /** Puts back the articles that were on screen before the last install. */
  async undo(): Promise<void> {
    await this.#run('undoing', async () => {
      const status = await this.#api.undoContent()
      if (!status.ok) return status.error.code
      this.status = status.value
      this.review = null
      this.outcome = 'undone'
      return null
    })
  }

  /** Runs one step at a time; a second tap while main works sends nothing. */
  async #run(busy: NonNullable<ContentUpdate['busy']>, step: () => Promise<ErrorCode | null>): Promise<void> {
    if (this.busy) return
    this.#session.touch()
    this.busy = busy
    this.error = null
    try {
      const code = await step()
      if (code) this.#failed(code)
    } finally {
      this.busy = null
    }
  }

  #failed(code: ErrorCode): void {
    // Staff mode closed under the screen (time-out): nothing here may stay open without it.
    if (code === 'staff-locked') void this.#session.close()
    else this.error = code
  }
}
