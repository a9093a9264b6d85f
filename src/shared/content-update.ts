import type { ContentProblem } from './domain'
import type { ReviewStatus } from './content-review'

/**
 * Where the articles on screen come from: IT's `contentFolder`, the last good copy of it kept in the data folder,
 * articles staff installed from a USB stick, or the bundled sample (only for a kiosk that never had its own).
 */
export type ContentSourceKind = 'folder' | 'last-good-copy' | 'pack' | 'bundled'

/**
 * Why that source is on screen: the folder was read; it was read but no copy could be kept (so the screen reads it
 * directly); it cannot be reached, or has no valid article to show (so its last good copy stands in); staff installed
 * articles; no content of the kiosk's own exists yet; or the folder is away and no copy of it exists yet.
 */
export type ContentSourceReason =
  'folder-read' | 'copy-failed' | 'folder-away' | 'folder-empty' | 'installed' | 'no-content' | 'folder-away-no-copy'

/** Which articles are on screen, from when, and why: for staff mode's data health. */
export interface ContentSource {
  kind: ContentSourceKind
  reason: ContentSourceReason
  /** When these articles were read or saved (ISO time): the copy's time for a copy, the install's for a pack. */
  since: string
  /** The error that made the folder unreachable, or where a pack came from; null when there is nothing to add. */
  detail: string | null
  /** The folder IT configured (`contentFolder`), or null. */
  contentFolder: string | null
  /** Articles kept at their last good version because their file in the folder is now refused. */
  kept: Array<{ file: string; title: string }>
  /** True when newer articles are ready and wait for a calm moment (attract mode or the idle reset). */
  waiting: boolean
}

/** One article of a content folder on a USB stick, as staff review it before installing. */
export interface PackArticle {
  articleId: string
  language: string
  title: string
  file: string
  /** Against what is on screen now. */
  change: 'new' | 'changed' | 'unchanged'
  reviewed: string
  nextReview: string
  review: ReviewStatus
  sections: Array<{ title: string; words: number; grade: number | null; aboveTarget: boolean }>
}

/** Why Install is not offered for a stick's content. */
export type InstallBlock = 'content-folder' | 'nothing-valid' | 'nothing-to-show'

/** What a USB stick holds, against what is on screen: read, checked and staged, not yet installed. */
export interface PackReview {
  scanId: string
  /** The stick's name as the system shows it. */
  drive: string
  /** The folder read on the stick. */
  folder: string
  articles: PackArticle[]
  /** Articles on screen now that the stick does not hold: installing takes them off. */
  removed: Array<{ articleId: string; language: string; title: string }>
  /** Every problem, with the file on the stick and the line. Files with a problem are never installed. */
  problems: ContentProblem[]
  /** The reading grade sections should stay at or below. */
  gradeTarget: number
  /** Null when Install is offered. */
  blocked: InstallBlock | null
}

/** Staff mode's view of the articles: where they come from, the sticks plugged in, and whether Undo is possible. */
export interface ContentUpdateStatus {
  source: ContentSource
  drives: Array<{ id: string; label: string }>
  /** True when a staff install can be undone: the content before it is kept. */
  canUndo: boolean
}
