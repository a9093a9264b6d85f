import { join } from 'node:path'
import { reviewStatus, type ReviewStatus } from '../../shared/content-review'
import type { Article, ContentProblem } from '../../shared/domain'
import { loadContentFolder, type ReadOptions } from './content-library'
import { readingGradeTarget, sectionReadingLevel } from './reading-level'
import { summaryWarning } from './summary-length'

/** One section's length and reading grade. */
export interface SectionReport {
  id: string
  title: string
  words: number
  /** Null when the language has no formula here; `reason` says so. */
  grade: number | null
  reason: string | null
  /** True when the grade is above `readingGradeTarget`: a warning for the author, never a failure. */
  aboveTarget: boolean
}

/** One valid article, as an author checks it. */
export interface ArticleReport {
  file: string
  language: string
  id: string
  title: string
  nextReview: string
  review: ReviewStatus
  sections: SectionReport[]
}

/** One content folder: its valid articles, what is wrong (fails the check), and what to look at (does not). */
export interface FolderReport {
  folder: string
  articles: ArticleReport[]
  problems: ContentProblem[]
  warnings: string[]
}

/** The whole check; `exitCode` is 1 only when some content is invalid. */
export interface ContentCheck {
  today: string
  folders: FolderReport[]
  exitCode: 0 | 1
}

/** One article as the check reports it: review status, and each section's words and reading grade. */
export function articleReport(article: Article, today: string): ArticleReport {
  return {
    file: article.file,
    language: article.language,
    id: article.id,
    title: article.title,
    nextReview: article.nextReview,
    review: reviewStatus(article.nextReview, today),
    sections: article.sections.map((section, index) => {
      const level = sectionReadingLevel(article, index)
      return {
        id: section.id,
        title: section.title,
        words: level.words,
        grade: level.grade,
        reason: level.reason,
        aboveTarget: level.grade !== null && level.grade > readingGradeTarget
      }
    })
  }
}

/** Translations are meant to keep the original's sections in order; a different count is worth a look. */
function translationWarnings(articles: Article[]): string[] {
  const byId = new Map<string, Article[]>()
  for (const article of articles) byId.set(article.id, [...(byId.get(article.id) ?? []), article])
  const warnings: string[] = []
  for (const [id, versions] of byId) {
    if (new Set(versions.map((article) => article.sections.length)).size < 2) continue
    const counts = versions.map((article) => `${article.file} has ${article.sections.length}`).join(', ')
    warnings.push(`"${id}": the language versions have different numbers of sections (${counts})`)
  }
  return warnings
}

/** Checks one folder; a folder that cannot be read or holds no article is a problem, as the kiosk would refuse it. */
export async function checkFolder(folder: string, today: string, options: ReadOptions = {}): Promise<FolderReport> {
  try {
    const content = await loadContentFolder(folder, options)
    const problems = content.problems.map((problem) => ({ ...problem, file: join(folder, problem.file) }))
    if (content.articles.length === 0 && problems.length === 0) {
      problems.push({ file: folder, line: 0, message: 'no articles found (*.md files with front matter)' })
    }
    const summaries = await Promise.all(
      content.articles.map((article) => summaryWarning(article, join(folder, article.file)))
    )
    return {
      folder,
      articles: content.articles.map((article) => articleReport(article, today)),
      problems,
      warnings: [...summaries.filter((warning) => warning !== null), ...translationWarnings(content.articles)]
    }
  } catch (error) {
    const message = `cannot be read: ${error instanceof Error ? error.message : String(error)}`
    return { folder, articles: [], problems: [{ file: folder, line: 0, message }], warnings: [] }
  }
}

/** Checks every folder on a clinic day (YYYY-MM-DD, for review dates), each file read within its time budget. */
export async function checkContent(folders: string[], today: string, options: ReadOptions = {}): Promise<ContentCheck> {
  const reports: FolderReport[] = []
  for (const folder of folders) reports.push(await checkFolder(folder, today, options))
  return { today, folders: reports, exitCode: reports.some((report) => report.problems.length > 0) ? 1 : 0 }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function reviewLine(article: ArticleReport): string {
  switch (article.review) {
    case 'overdue':
      return `review: OVERDUE (was due ${article.nextReview})`
    case 'due-soon':
      return `review: due soon (${article.nextReview})`
    case 'current':
      return `review: current (next ${article.nextReview})`
  }
}

function sectionLine(section: SectionReport): string {
  const grade = section.grade === null ? '    -' : section.grade.toFixed(1).padStart(5)
  const note = section.aboveTarget
    ? `  << ABOVE GRADE ${readingGradeTarget}`
    : section.reason
      ? `  (${section.reason})`
      : ''
  const words = `${String(section.words).padStart(5)} word${section.words === 1 ? ' ' : 's'}`
  return `    ${words}  grade ${grade}  ${section.title}${note}`
}

/** The check as plain text for a terminal: every article and section, then problems, warnings and a summary. */
export function formatContentCheck(check: ContentCheck): string {
  const lines = [`Content check on ${check.today}; reading grade target: ${readingGradeTarget} or below.`]
  for (const folder of check.folders) {
    lines.push('', `== ${folder.folder}: ${plural(folder.articles.length, 'valid article')}`)
    for (const article of folder.articles) {
      lines.push(
        '',
        `  ${join(folder.folder, article.file)}`,
        `  ${article.language}  ${article.id}  "${article.title}"  ${reviewLine(article)}`,
        ...article.sections.map(sectionLine)
      )
    }
    if (folder.problems.length > 0) lines.push('', `  ${plural(folder.problems.length, 'problem')} (must be fixed):`)
    for (const { file, line, message } of folder.problems)
      lines.push(`    ${line > 0 ? `${file}:${line}` : file}  ${message}`)
    if (folder.warnings.length > 0) lines.push('', `  ${plural(folder.warnings.length, 'warning')}:`)
    for (const warning of folder.warnings) lines.push(`    ${warning}`)
  }
  const articles = check.folders.flatMap((folder) => folder.articles)
  const sections = articles.flatMap((article) => article.sections)
  const count = (review: ReviewStatus) => articles.filter((article) => article.review === review).length
  const problems = check.folders.reduce((sum, folder) => sum + folder.problems.length, 0)
  lines.push(
    '',
    `Summary: ${plural(check.folders.length, 'folder')}, ${plural(articles.length, 'valid article')}, ` +
      `${plural(sections.length, 'section')}.`,
    `  ${plural(sections.filter((section) => section.aboveTarget).length, 'section')} above grade ` +
      `${readingGradeTarget} (a warning: simpler words and shorter sentences help).`,
    `  Reviews: ${count('overdue')} overdue, ${count('due-soon')} due soon (a warning).`,
    problems === 0
      ? '  No problems: the kiosk can show this content.'
      : `  ${plural(problems, 'problem')}: the kiosk does not show an article with a problem. Fix them and run again.`
  )
  return lines.join('\n')
}
