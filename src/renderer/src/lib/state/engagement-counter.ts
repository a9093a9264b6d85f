import {
  type EngagementIncrement,
  maxViewsPerIncrement,
  type SectionIncrement,
  timeBucketOf
} from '../../../../shared/engagement'

/** The part of an article the counter needs: its id and its sections' ids, in order. */
export interface CountedArticle {
  id: string
  sections: ReadonlyArray<{ id: string }>
}

interface Visit {
  articleId: string
  /** Sections this visit has reached, so each is reached once however often the patient goes back. */
  reached: Set<string>
  finished: boolean
  feedback: boolean
  /** What the next increment carries. */
  pending: { visits: 0 | 1; finished: 0 | 1; feedback: 0 | 1; sections: Map<string, SectionIncrement> }
}

/**
 * Counts what a patient reads, in memory only, while they read: each section's views and the coarse bucket of each
 * view's time, which sections a visit reached, whether it reached the last one and went on to give feedback. A visit
 * is a patient's continuous stay with one article. Nothing is counted for what attract mode shows on its own. A
 * section covered for a while (the feedback screen, staff mode) and shown again is still one view, whose time leaves
 * out the cover. The counts leave as one increment, carrying no time, when the visit ends (another article, the idle
 * reset) or gives feedback; a page turn only adds to counters.
 */
export class EngagementCounter {
  #visit: Visit | null = null
  /** The section on screen: reading time before any pause, and when reading resumed (null while covered). */
  #view: { sectionId: string; elapsed: number; since: number | null } | null = null
  readonly #send: (increment: EngagementIncrement) => void
  readonly #clock: () => number
  readonly #idleMilliseconds: number

  /** `idleSeconds`: how long the screen waits without a touch before the idle reset (not counted as reading). */
  constructor(
    send: (increment: EngagementIncrement) => void,
    idleSeconds: number,
    clock: () => number = () => performance.now()
  ) {
    this.#send = send
    this.#idleMilliseconds = idleSeconds * 1000
    this.#clock = clock
  }

  /**
   * The screen shows a section of an article. `patient` is false while nobody has touched the screen (attract mode,
   * a title card): then nothing is counted. Showing the section already being viewed changes nothing.
   */
  show(article: CountedArticle, sectionId: string, patient: boolean): void {
    if (!patient) {
      this.endVisit()
      return
    }
    const now = this.#clock()
    if (this.#visit?.articleId === article.id && this.#view?.sectionId === sectionId) {
      // Back from the feedback screen or staff mode to the same section: the same view goes on.
      this.#view.since ??= now
      return
    }
    this.#endView(now)
    if (this.#visit && this.#visit.articleId !== article.id) {
      this.#flush()
      this.#visit = null
    }
    const visit = (this.#visit ??= {
      articleId: article.id,
      reached: new Set(),
      finished: false,
      feedback: false,
      pending: { visits: 1, finished: 0, feedback: 0, sections: new Map() }
    })
    if (!visit.reached.has(sectionId)) {
      visit.reached.add(sectionId)
      this.#section(sectionId).reached = 1
    }
    if (!visit.finished && article.sections.at(-1)?.id === sectionId) {
      visit.finished = true
      visit.pending.finished = 1
    }
    this.#view = { sectionId, elapsed: 0, since: now }
  }

  /**
   * Something covers the reader (the feedback screen, staff mode): the section's reading time stops, and the view goes
   * on if the same section is shown again when the cover goes.
   */
  pause(): void {
    const view = this.#view
    if (!view || view.since === null) return
    view.elapsed += this.#clock() - view.since
    view.since = null
  }

  /** The visit gave feedback about its article: counted once per visit, and sent now. */
  feedbackSent(articleId: string): void {
    const visit = this.#visit
    if (!visit || visit.articleId !== articleId || visit.feedback) return
    visit.feedback = true
    visit.pending.feedback = 1
    // The section under the feedback screen is still being viewed; its one view goes in a later increment.
    this.#flush()
  }

  /**
   * The visit is over: the idle reset (whose wait without a touch is not reading time) or attract mode taking over.
   * Its counts are sent and the next touch starts a new visit.
   */
  endVisit(idle = false): void {
    const now = this.#clock()
    const since = this.#view?.since ?? now
    // A covered view's time stopped at the pause; a live one's idle wait before the reset is not reading.
    this.#endView(idle ? Math.max(since, now - this.#idleMilliseconds) : now)
    this.#flush()
    this.#visit = null
  }

  #section(sectionId: string): SectionIncrement {
    const pending = (this.#visit as Visit).pending.sections
    let section = pending.get(sectionId)
    if (!section) pending.set(sectionId, (section = { sectionId, reached: 0, shown: 0, time: [0, 0, 0, 0] }))
    return section
  }

  #endView(at: number): void {
    const view = this.#view
    this.#view = null
    if (!view || !this.#visit) return
    const section = this.#section(view.sectionId)
    section.shown += 1
    section.time[timeBucketOf(view.elapsed + (view.since === null ? 0 : at - view.since))] += 1
    // A patient paging back and forth for a very long time: main takes at most so many views in one increment.
    if (section.shown >= maxViewsPerIncrement) this.#flush()
  }

  /** Sends what the visit has counted since its last increment, if anything, and keeps what it has reached. */
  #flush(): void {
    const visit = this.#visit
    if (!visit) return
    const { visits, finished, feedback, sections } = visit.pending
    const counted = [...sections.values()].filter((section) => section.shown > 0)
    // A section reached whose view is still going on (under the feedback screen) goes with that view, later.
    const carried = [...sections.values()].filter((section) => section.shown === 0 && section.reached > 0)
    visit.pending = {
      visits: 0,
      finished: 0,
      feedback: 0,
      sections: new Map(carried.map((section) => [section.sectionId, section]))
    }
    if (visits + finished + feedback === 0 && counted.every((section) => section.shown === 0)) return
    this.#send({ articleId: visit.articleId, visits, finished, feedback, sections: counted })
  }
}
