import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ContentSource } from '../../shared/content-update'
import type { Article, ContentProblem } from '../../shared/domain'
import { systemTimers, type Timers } from '../../shared/timers'
import { copyArticles } from './content-copy'
import { type ContentState, contentVersion, type FolderContent, loadContentFolder, stateOf } from './content-library'
import { ContentShelf } from './content-shelf'

/** What the content service reads from and where it keeps its copies. */
export interface ContentServiceOptions {
  bundledFolder: string
  /** IT's `contentFolder`, or null. */
  contentFolder: string | null
  language: string
  playlist: string[]
  /**
   * The kiosk's data folder, where the last good copy and installed articles are kept; null reads the sources
   * without keeping or using anything there (the command line while the kiosk runs, and tests of the sources).
   */
  dataFolder: string | null
  /** How often to look at the folder again while a copy stands in for it. */
  retryMinutes?: number
  now?: () => Date
  timers?: Timers
  logError?: (message: string, error: unknown) => void
}

/** A folder's articles as read, or why it could not be read. */
type FolderReading = { content: FolderContent } | { away: string }

const key = (article: Article) => `${article.language}/${article.id}`

/**
 * The content of a shelf's folder in use. `fallBack` (the last good copy) reads the copy before when the current one
 * cannot be read; installed articles never do, since their previous folder is what Undo goes back to, not a spare.
 * A shelf whose pointer names no folder in use (nothing kept yet, or an install undone back to none) has none.
 */
async function loadShelf(
  shelf: ContentShelf,
  fallBack: boolean
): Promise<{ root: string; content: FolderContent; savedAt: string; from: string } | null> {
  const pointer = await shelf.read()
  if (!pointer.current) return null
  for (const entry of fallBack ? [pointer.current, pointer.previous] : [pointer.current]) {
    if (!entry) continue
    try {
      const content = await loadContentFolder(shelf.pathOf(entry))
      if (content.articles.length > 0) return { root: shelf.pathOf(entry), content, ...entry }
    } catch {
      // A copy that cannot be read is passed over for the one before it.
    }
  }
  return null
}

/**
 * Decides which articles are on screen: IT's `contentFolder` when it has articles to show (kept as the last good
 * copy in the data folder), else that copy; articles staff installed; else the bundled sample. New articles are
 * offered and wait until the screen takes them at a calm moment (`take`), so a patient's screen never changes under
 * their finger and nothing on screen is half old, half new.
 */
export class ContentService {
  readonly lastGood: ContentShelf | null
  readonly installed: ContentShelf | null
  readonly #options: ContentServiceOptions
  readonly #now: () => Date
  readonly #timers: Timers
  #shown: ContentState | null = null
  #pending: ContentState | null = null
  #retry: unknown = null
  /** Reads and switches one at a time: a retry never writes a copy while staff install one. */
  #queue: Promise<unknown> = Promise.resolve()

  constructor(options: ContentServiceOptions) {
    this.#options = options
    this.#now = options.now ?? (() => new Date())
    this.#timers = options.timers ?? systemTimers
    const content = options.dataFolder === null ? null : join(options.dataFolder, 'content')
    this.lastGood = content === null ? null : new ContentShelf(join(content, 'last-good-copy'), this.#now)
    this.installed = content === null ? null : new ContentShelf(join(content, 'installed'), this.#now)
  }

  /** The articles on screen: what feedback is checked against and where pictures are served from. */
  shown(): ContentState {
    if (!this.#shown) throw new Error('the content service has not read its sources yet')
    return this.#shown
  }

  /** The newest read, waiting for a calm moment or already shown: what an author who just changed files asks about. */
  latest(): ContentState {
    return this.#pending ?? this.shown()
  }

  /** The version the screen should show: the newest read, waiting or not. */
  latestVersion(): string {
    return (this.#pending ?? this.shown()).playlist.contentVersion
  }

  /** Which source is on screen and whether newer articles wait, for data health. */
  source(): ContentSource {
    return { ...this.shown().source, waiting: this.#pending !== null }
  }

  /** The screen takes the newest articles (at start, or at a calm moment); the copies no longer shown can go. */
  take(): ContentState {
    if (this.#pending) {
      this.#shown = this.#pending
      this.#pending = null
      void this.#serially(() => this.#prune())
    }
    return this.shown()
  }

  /**
   * Reads the sources again (at start, at the nightly reload, on staff's "Reload content", and every
   * `retryMinutes` while a copy stands in). The result is shown at once when nothing is yet, replaces what is shown
   * when it is the same articles, and otherwise waits for `take`.
   */
  reload(): Promise<ContentState> {
    return this.#serially(async () => {
      const state = await this.#read()
      if (!this.#shown || state.playlist.contentVersion === this.#shown.playlist.contentVersion) {
        // The same articles from another place (the copy instead of the folder) look the same: no need to wait.
        this.#shown = state
        this.#pending = null
        await this.#prune()
      } else {
        this.#pending = state
      }
      this.#scheduleRetry(state)
      return state
    })
  }

  /** Stops looking at the folder again. */
  stop(): void {
    if (this.#retry !== null) this.#timers.clearTimeout(this.#retry)
    this.#retry = null
  }

  /** Runs one read or switch after the others. */
  #serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run, run)
    this.#queue = next.catch(() => {})
    return next
  }

  #scheduleRetry(state: ContentState): void {
    this.stop()
    const standingIn = state.source.kind === 'last-good-copy' || state.source.kind === 'bundled'
    const waitingForFolder = this.#options.contentFolder !== null && (standingIn || state.source.kept.length > 0)
    if (!waitingForFolder || this.#options.dataFolder === null) return
    const minutes = this.#options.retryMinutes ?? 5
    this.#retry = this.#timers.setTimeout(() => {
      this.#retry = null
      this.reload().catch((error: unknown) => this.#options.logError?.('looking at the content folder again failed', error))
    }, minutes * 60_000)
  }

  async #prune(): Promise<void> {
    const inUse = [this.#shown?.root, this.#pending?.root].filter((root): root is string => root !== undefined)
    try {
      await this.lastGood?.prune(inUse)
      await this.installed?.prune(inUse, this.#staging)
    } catch (error) {
      this.#options.logError?.('removing content copies no longer in use failed', error)
    }
  }

  /** Staging folders of a stick being reviewed, which pruning must leave alone (content-pack.ts sets it). */
  #staging: string[] = []

  /** Marks staging folders as in use (a review under way) so pruning leaves them. */
  keepStaging(folders: string[]): void {
    this.#staging = folders
  }

  /** Runs an install or an undo in turn with reads, then reads the sources again. */
  switchInstalled(change: (shelf: ContentShelf) => Promise<unknown>): Promise<ContentState> {
    const shelf = this.installed
    if (!shelf) return Promise.reject(new Error('there is no data folder to install articles into'))
    return this.#serially(() => change(shelf)).then(() => this.reload())
  }

  #source(
    kind: ContentSource['kind'],
    reason: ContentSource['reason'],
    since: string,
    detail: string | null = null,
    kept: Article[] = []
  ): ContentState['source'] {
    return {
      kind,
      reason,
      since,
      detail,
      contentFolder: this.#options.contentFolder,
      kept: kept.map(({ file, title }) => ({ file, title }))
    }
  }

  async #read(): Promise<ContentState> {
    const folder = this.#options.contentFolder
    const problems: ContentProblem[] = []
    let trouble: { reason: 'folder-away' | 'folder-empty'; detail: string | null } | null = null
    if (folder !== null) {
      const reading = await readFolder(folder)
      if ('away' in reading) {
        trouble = { reason: 'folder-away', detail: reading.away }
        problems.push({ file: folder, line: 0, message: `content folder cannot be reached: ${reading.away}` })
      } else {
        problems.push(...reading.content.problems.map((problem) => ({ ...problem, file: join(folder, problem.file) })))
        const state = await this.#fromFolder(folder, reading.content, problems)
        if (state) return state
        trouble = { reason: 'folder-empty', detail: null }
        problems.push({ file: folder, line: 0, message: 'no valid articles to show here' })
      }
      const copy = this.lastGood ? await loadShelf(this.lastGood, true) : null
      const state =
        copy &&
        stateOf(
          copy.root,
          copy.content,
          this.#options,
          this.#source('last-good-copy', trouble.reason, copy.savedAt, trouble.detail),
          problems
        )
      if (state) return state
    }
    const pack = this.installed ? await loadShelf(this.installed, false) : null
    const installed =
      pack && stateOf(pack.root, pack.content, this.#options, this.#source('pack', 'installed', pack.savedAt, pack.from), problems)
    if (installed) return installed
    const bundled = await loadContentFolder(this.#options.bundledFolder)
    const reason = folder !== null ? 'folder-away-no-copy' : 'no-content'
    const since = this.#now().toISOString()
    const state = stateOf(
      this.#options.bundledFolder,
      bundled,
      this.#options,
      this.#source('bundled', reason, since, trouble?.detail ?? null),
      [...problems, ...bundled.problems],
      true
    )
    if (state) return state
    // Nothing at all to show: the screen says so calmly (content:playlist answers content-unavailable).
    return {
      playlist: { articles: [], translations: [], contentVersion: bundled.version },
      root: this.#options.bundledFolder,
      source: this.#source('bundled', reason, since, trouble?.detail ?? null),
      problems: [...problems, ...bundled.problems],
      notInPlaylist: [],
      all: bundled.articles,
      digests: bundled.digests
    }
  }

  /**
   * The folder's articles, with each article whose file is still there but now refused kept at its last good
   * version; written as the new last good copy when they differ from it, and shown from the copy. Null when
   * nothing would be shown.
   */
  async #fromFolder(folder: string, content: FolderContent, problems: ContentProblem[]): Promise<ContentState | null> {
    const shelf = this.lastGood
    const copy = shelf ? await loadShelf(shelf, true) : null
    const valid = new Set(content.articles.map((article) => article.file))
    const taken = new Set(content.articles.map(key))
    // A file gone while the folder is reachable was removed on purpose; a file still there but refused was not.
    const kept = (copy?.content.articles ?? []).filter(
      (article) => content.files.includes(article.file) && !valid.has(article.file) && !taken.has(key(article))
    )
    for (const article of kept)
      problems.push({
        file: join(folder, article.file),
        line: 0,
        message: `refused now, so its last good version ("${article.title}", from ${copy?.savedAt.slice(0, 10)}) stays on screen until it is fixed`
      })
    const digests = new Map([...(copy?.content.digests ?? []), ...content.digests])
    const articles = [...content.articles, ...kept].sort((a, b) => a.file.localeCompare(b.file))
    const merged: FolderContent = { ...content, articles, digests, version: contentVersion(articles, digests) }
    if (stateOf(folder, merged, this.#options, this.#source('folder', 'folder-read', ''), []) === null) return null
    const now = this.#now().toISOString()
    if (!shelf) return stateOf(folder, content, this.#options, this.#source('folder', 'folder-read', now), problems)
    if (copy && copy.content.version === merged.version)
      return stateOf(copy.root, copy.content, this.#options, this.#source('folder', 'folder-read', copy.savedAt, null, kept), problems)
    const staging = await shelf.stage()
    try {
      await copyArticles(
        articles.map((article) => ({ article, root: valid.has(article.file) ? folder : (copy?.root ?? folder) })),
        staging
      )
      const written = await loadContentFolder(staging)
      // The folder may have changed while it was copied: only a copy that reads back as validated is kept.
      if (written.version !== merged.version || written.problems.length > 0)
        throw new Error('the folder changed while it was being copied')
      const entry = await shelf.put(staging, folder, merged.version, false)
      return stateOf(
        shelf.pathOf(entry),
        written,
        this.#options,
        this.#source('folder', 'folder-read', entry.savedAt, null, kept),
        problems
      )
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      this.#options.logError?.('keeping a copy of the content folder failed', error)
      const detail = error instanceof Error ? error.message : String(error)
      return stateOf(folder, content, this.#options, this.#source('folder', 'copy-failed', now, detail), problems)
    }
  }
}

/** Reads a content folder, or says why it cannot be reached (missing, not a folder, unreadable). */
async function readFolder(folder: string): Promise<FolderReading> {
  try {
    if (!(await stat(folder)).isDirectory()) return { away: 'it is not a folder' }
    return { content: await loadContentFolder(folder) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { away: 'it is not there (a network share away, or a stick pulled out?)' }
    if (code === 'EACCES' || code === 'EPERM') return { away: 'this account may not read it' }
    return { away: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * The sources read once, without keeping or using a copy: what the command line and the tests of the sources use.
 * Inside the kiosk, `ContentService` reads them and keeps the last good copy.
 */
export async function loadContent(options: {
  bundledFolder: string
  externalFolder: string | null
  language: string
  playlist: string[]
}): Promise<ContentState> {
  const service = new ContentService({ ...options, contentFolder: options.externalFolder, dataFolder: null })
  return service.reload()
}
