import type { Article, Section } from '../../../../shared/domain'

/** Where the reader is in the playlist, and the moves a patient or attract mode can make. */
export class Reader {
  articles: Article[] = $state.raw([])
  articleIndex = $state(0)
  sectionIndex = $state(0)
  /** Which way the last move went, so the slide comes from the right side. */
  direction: 1 | -1 = $state(1)
  /** Counts restarts, so the screen starts afresh (scrolled to the top) even when the position did not change. */
  restarts = $state(0)

  article: Article = $derived(this.articles[this.articleIndex] as Article)
  section: Section = $derived(this.article.sections[this.sectionIndex] as Section)
  isAtStart = $derived(this.articleIndex === 0 && this.sectionIndex === 0)
  isLastSection = $derived(this.sectionIndex === this.article.sections.length - 1)
  isLastArticle = $derived(this.articleIndex === this.articles.length - 1)

  /** Takes a non-empty playlist; the app shows an error screen instead of a reader when there is none. */
  constructor(articles: Article[]) {
    if (articles.length === 0) throw new Error('a reader needs at least one article')
    this.articles = articles
  }

  /**
   * Swaps in the same topics in another language, keeping the patient on the same topic and, when the translation has
   * that many sections, on the same part of it.
   */
  replaceArticles(articles: Article[]): void {
    if (articles.length !== this.articles.length) throw new Error('a translated playlist must keep its topics')
    const sectionIndex = this.sectionIndex
    this.articles = articles
    this.sectionIndex = Math.min(sectionIndex, this.article.sections.length - 1)
  }

  /** The next section, the first section of the next article after the last one, and the start after the end. */
  next(): void {
    this.direction = 1
    if (!this.isLastSection) {
      this.sectionIndex += 1
    } else {
      this.articleIndex = this.isLastArticle ? 0 : this.articleIndex + 1
      this.sectionIndex = 0
    }
  }

  /** The previous section, or the last section of the previous article; nothing before the very start. */
  previous(): void {
    if (this.isAtStart) return
    this.direction = -1
    if (this.sectionIndex > 0) {
      this.sectionIndex -= 1
    } else {
      this.articleIndex -= 1
      this.sectionIndex = this.article.sections.length - 1
    }
  }

  /** Jumps to a section of the current article. */
  goToSection(index: number): void {
    if (index < 0 || index >= this.article.sections.length || index === this.sectionIndex) return
    this.direction = index > this.sectionIndex ? 1 : -1
    this.sectionIndex = index
  }

  /** Opens another article at its first section. */
  openArticle(index: number): void {
    if (index < 0 || index >= this.articles.length) return
    this.direction = index >= this.articleIndex ? 1 : -1
    this.articleIndex = index
    this.sectionIndex = 0
  }

  /** Back to the first section of the first article, as the next patient should find it. */
  restart(): void {
    this.restarts += 1
    this.direction = 1
    this.articleIndex = 0
    this.sectionIndex = 0
  }
}
