import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ContentUpdateStatus, InstallBlock, PackReview } from '../../shared/content-update'
import { reviewStatus } from '../../shared/content-review'
import type { Article } from '../../shared/domain'
import { localDay } from '../../shared/local-day'
import { fail, ok, type Result } from '../../shared/result'
import type { RemovableDrive } from '../export/drives'
import { copyArticles, PackRefused, packSpace, type PackSpace } from './content-copy'
import { readNames } from './content-files'
import { contentLimits } from './content-limits'
import { orderPlaylist, loadContentFolder, type FolderContent } from './content-library'
import type { ContentService } from './content-service'
import { articleReport } from './content-check'
import { readingGradeTarget } from './reading-level'

/** What installing from a stick needs around it. */
export interface ContentPacksOptions {
  service: ContentService
  /** Lists plugged-in removable drives. */
  drives: () => Promise<RemovableDrive[]>
  /** IT's `contentFolder`: when set, it wins, and staff mode does not install. */
  contentFolder: string | null
  language: string
  playlist: string[]
  now: () => Date
  logError: (message: string, error: unknown) => void
  /** How much a stick's articles may take on the kiosk's disk; the kiosk's own limits unless a test says otherwise. */
  space?: PackSpace
}

/** A stick's content as read, checked and staged, waiting for Install. */
interface Scan {
  review: PackReview
  staging: string
  content: FolderContent
}

/** The names a content folder may have at the top of a stick, in the order they are looked for. */
const folderNames = ['content', 'kioskcontent', 'kiosk-content']

/**
 * The content folder on a stick: a folder named `content` (or `KioskContent`, `kiosk-content`, in any capitals) at
 * its top, as in the kiosk's own repository; else the stick's top itself. Only the first `contentLimits.entries`
 * names are read (a stick of photos may hold millions), and a link is never taken for the folder.
 */
export async function contentFolderOn(drive: string): Promise<string> {
  const { entries } = await readNames(drive, contentLimits.entries)
  for (const name of folderNames) {
    const found = entries.find((entry) => entry.isDirectory() && entry.name.toLowerCase() === name)
    if (found) return join(drive, found.name)
  }
  return drive
}

const key = (article: { language: string; id: string }) => `${article.language}/${article.id}`

/**
 * Staff's "Update articles": reads a content folder on a USB stick, checks it as the kiosk would, stages its valid
 * articles in the data folder (so the preview shows exactly what Install puts on screen, and the stick may be
 * pulled out), installs them atomically and undoes the install in one step. Invalid files are never installed.
 */
export class ContentPacks {
  readonly #options: ContentPacksOptions
  #drives = new Map<string, RemovableDrive>()
  #scan: Scan | null = null

  constructor(options: ContentPacksOptions) {
    this.#options = options
  }

  /** Where the articles on screen come from, the sticks plugged in now, and whether an install can be undone. */
  async status(): Promise<ContentUpdateStatus> {
    let drives: RemovableDrive[] = []
    try {
      drives = await this.#options.drives()
    } catch (error) {
      this.#options.logError('listing removable drives failed', error)
    }
    this.#drives = new Map(drives.map((drive, index) => [`drive-${index + 1}`, drive]))
    const pointer = await this.#options.service.installed?.read()
    return {
      source: this.#options.service.source(),
      drives: [...this.#drives].map(([id, drive]) => ({ id, label: drive.label })),
      canUndo: this.#options.contentFolder === null && pointer?.canUndo === true
    }
  }

  /** The folder the preview's pictures come from: the staged content of the stick under review. */
  previewRoot(): string | null {
    return this.#scan?.staging ?? null
  }

  /** Reads a stick's content folder, checks it, stages its valid articles, and compares them with the screen. */
  async scan(driveId: string): Promise<Result<PackReview>> {
    const drive = this.#drives.get(driveId)
    if (!drive) return fail('folder-missing', 'that USB drive is no longer offered; look again')
    const shelf = this.#options.service.installed
    if (!shelf) return fail('not-available', 'there is no data folder to stage articles in')
    let folder: string
    let content: FolderContent
    try {
      folder = await contentFolderOn(drive.path)
      content = await loadContentFolder(folder)
    } catch (error) {
      return fail('folder-missing', `${drive.label} cannot be read: ${error instanceof Error ? error.message : String(error)}`)
    }
    await this.#discard()
    const staging = await shelf.stage()
    this.#options.service.keepStaging([staging])
    try {
      await copyArticles(
        content.articles.map((article) => ({ article, root: folder })),
        staging,
        this.#options.space ?? packSpace
      )
      const staged = await loadContentFolder(staging)
      if (staged.version !== content.version) throw new Error('the stick changed while it was being read')
      const review = this.#review(drive.label, folder, staged, content)
      this.#scan = { review, staging, content: staged }
      return ok(review)
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      this.#options.service.keepStaging([])
      if (error instanceof PackRefused)
        return fail(error.reason === 'too-large' ? 'too-large' : 'disk-full', `${drive.label}: ${error.message}`)
      this.#options.logError('staging articles from a USB drive failed', error)
      return fail('write-failed', `the articles could not be read from ${drive.label}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  /** An article of the stick under review, for the preview. */
  preview(scanId: string, language: string, articleId: string): Result<Article> {
    if (this.#scan?.review.scanId !== scanId) return fail('invalid-input', 'that stick is no longer under review; read it again')
    const article = this.#scan.content.articles.find((found) => found.language === language && found.id === articleId)
    return article ? ok(article) : fail('invalid-input', `the stick holds no valid article "${articleId}" in "${language}"`)
  }

  /** Installs the stick's valid articles as the kiosk's own; the content before stays for Undo. */
  async install(scanId: string): Promise<Result<ContentUpdateStatus>> {
    const scan = this.#scan
    if (scan?.review.scanId !== scanId) return fail('invalid-input', 'that stick is no longer under review; read it again')
    if (scan.review.blocked) return fail('not-available', `these articles cannot be installed (${scan.review.blocked})`)
    try {
      await this.#options.service.switchInstalled((shelf) =>
        shelf.put(scan.staging, `${scan.review.drive}: ${scan.review.folder}`, scan.content.version, true)
      )
    } catch (error) {
      this.#options.logError('installing articles failed', error)
      this.#scan = null
      this.#options.service.keepStaging([])
      return fail('write-failed', `the articles were not installed, and the kiosk shows what it did: ${String(error)}`)
    }
    this.#scan = null
    this.#options.service.keepStaging([])
    return ok(await this.status())
  }

  /** Puts back the articles that were on screen before the last install (the bundled ones, if there were none). */
  async undo(): Promise<Result<ContentUpdateStatus>> {
    if (!(await this.status()).canUndo) return fail('not-available', 'there is no install to undo')
    try {
      await this.#options.service.switchInstalled((shelf) => shelf.undo())
    } catch (error) {
      this.#options.logError('undoing the install failed', error)
      return fail('write-failed', `the install could not be undone: ${String(error)}`)
    }
    return ok(await this.status())
  }

  /** Leaves the review: its staged folder goes. */
  async #discard(): Promise<void> {
    const staging = this.#scan?.staging
    this.#scan = null
    this.#options.service.keepStaging([])
    if (staging) await rm(staging, { recursive: true, force: true })
  }

  #review(drive: string, folder: string, staged: FolderContent, read: FolderContent): PackReview {
    const shown = this.#options.service.shown()
    const onScreen = new Map([...shown.playlist.articles, ...shown.playlist.translations].map((article) => [key(article), article]))
    const today = localDay(this.#options.now())
    const articles = staged.articles.map((article) => {
      const before = onScreen.get(key(article))
      const same = before && shown.digests.get(before.file) === staged.digests.get(article.file)
      return {
        articleId: article.id,
        language: article.language,
        title: article.title,
        file: join(folder, article.file),
        change: before === undefined ? ('new' as const) : same ? ('unchanged' as const) : ('changed' as const),
        reviewed: article.reviewed,
        nextReview: article.nextReview,
        review: reviewStatus(article.nextReview, today),
        // The same figures as --check-content gives, the grade to one decimal as staff read it.
        sections: articleReport(article, today).sections.map(({ title, words, grade, aboveTarget }) => ({
          title,
          words,
          grade: grade === null ? null : Math.round(grade * 10) / 10,
          aboveTarget
        }))
      }
    })
    const onStick = new Set(staged.articles.map(key))
    const removed = [...onScreen.values()]
      .filter((article) => !onStick.has(key(article)))
      .map(({ id, language, title }) => ({ articleId: id, language, title }))
    let blocked: InstallBlock | null = null
    if (this.#options.contentFolder !== null) blocked = 'content-folder'
    else if (staged.articles.length === 0) blocked = 'nothing-valid'
    else if (orderPlaylist(staged.articles, this.#options.language, this.#options.playlist).articles.length === 0)
      blocked = 'nothing-to-show'
    const problems = read.problems.map((problem) => ({ ...problem, file: join(folder, problem.file) }))
    if (staged.articles.length === 0 && problems.length === 0)
      problems.push({ file: folder, line: 0, message: 'no articles found (*.md files with front matter)' })
    return { scanId: randomUUID(), drive, folder, articles, removed, problems, gradeTarget: readingGradeTarget, blocked }
  }
}
