import type { ContentSource } from './content-update'
import type { EngagementSummary } from './engagement'

/** Ratings counted by value: [not helpful, a little, very helpful]. */
export type Distribution = [number, number, number]

/** Figures for one group of feedback; groups under the privacy threshold carry only their count. */
export interface GroupFigures {
  count: number
  /** Null when the group is too small to show (fewer than `smallGroup` records). */
  distribution: Distribution | null
  average: number | null
}

/** Figures for one section of an article. */
export interface SectionSummary extends GroupFigures {
  sectionId: string
  title: string
}

/** Figures for one article, its sections, and its latest comments when the group is large enough. */
export interface ArticleSummary extends GroupFigures {
  articleId: string
  title: string
  sections: SectionSummary[]
  comments: Array<{ time: string; text: string }>
}

/** One day of the 30-day trend. */
export interface TrendDay {
  day: string
  count: number
  average: number | null
}

/** An article that needs its clinical review soon or is overdue for it. */
export interface ContentReview {
  articleId: string
  language: string
  title: string
  file: string
  /** YYYY-MM-DD, as the front matter's `nextReview` says. */
  nextReview: string
  status: 'due-soon' | 'overdue'
  /** True when the config hides articles past their review date and this one is not shown to patients. */
  hidden: boolean
}

/** The data folder the kiosk runs on and why that one (src/main/kiosk/data-folder.ts, README "Data folder"). */
export interface DataFolderInUse {
  path: string
  /** KIOSK_DATA_DIR, the machine-wide folder IT created, or the account's own folder. */
  source: 'environment' | 'machine' | 'user'
  /** Folders that came first but could not be used: a relative KIOSK_DATA_DIR, a folder this account cannot write. */
  passedOver: Array<{ path: string; reason: 'relative' | 'not-writable' }>
}

/** What the data-health panel shows. */
export interface DataHealth {
  records: number
  storeFiles: number
  storeBytes: number
  lastExport: { at: string; place: string; file: string; records: number } | null
  lastScheduledExport: { at: string; ok: boolean; message: string } | null
  /** Month files kept aside; `recovered`: how many valid records found in one were put back into a fresh file. */
  recoveredFiles: Array<{ file: string; backup: string; time: string; recovered: number }>
  contentProblems: Array<{ file: string; line: number; message: string }>
  /** Articles whose next review is due within `reviewSoonDays` or already past, soonest first. */
  contentReviews: ContentReview[]
  configProblems: Array<{ key: string; message: string }>
  retention: { days: number; lastRemoved: number; waitingForExport: number }
  appVersion: string
  contentVersion: string
  station: string
  configFile: string
  /** The last errors the kiosk logged, newest last. */
  recentErrors: Array<{ time: string; message: string }>
  /** Where the kiosk keeps its data, and why that folder. */
  dataFolder: DataFolderInUse
  /** Month files a newer kiosk version wrote: left untouched, and nothing is saved for their month. */
  newerDataFiles: Array<{ file: string; version: string }>
  /** Temporary files of interrupted writes removed when the kiosk started, and their bytes. */
  leftoverFilesRemoved: { count: number; bytes: number }
  /** Every config key not at its default, with its value as config.json writes it. */
  changedSettings: Array<{ key: string; value: string }>
  /** Valid articles in the kiosk's language that the configured playlist leaves out. */
  notInPlaylist: Array<{ articleId: string; title: string; file: string }>
  /** Seconds since the kiosk's app started. */
  uptimeSeconds: number
  /** Memory the kiosk's main process holds (resident set), in bytes. */
  memoryBytes: number
  /** Space left on the drive of the data folder, in bytes; null when the system cannot tell. */
  diskFreeBytes: number | null
  /** Which articles are on screen (the folder, its last good copy, installed, bundled), from when and why. */
  contentSource: ContentSource
  /** Days of engagement aggregates held, those in no export made after they ended, and those past retention. */
  engagementDays: { held: number; unexported: number; waitingForExport: number }
  /** How writing the status file to `statusFolder` goes; null when no status folder is configured. */
  statusFolder: StatusFolderState | null
}

/** How writing the status file goes: when it was last written, and why the last try failed (null: it worked). */
export interface StatusFolderState {
  folder: string
  lastWritten: string | null
  problem: string | null
}

/** Everything staff mode shows on its summary screen. */
export interface StaffSummary {
  overall: GroupFigures
  articles: ArticleSummary[]
  trend: TrendDay[]
  health: DataHealth
  /** Groups with fewer records than this show counts only. */
  smallGroup: number
  /** Per article, where readers stop and which sections hold attention, over every day held. */
  engagement: EngagementSummary
}

/** Where an export can go, as main offers it; the renderer picks by id and never sends a path. */
export interface Destination {
  id: string
  label: string
  kind: 'removable' | 'configured' | 'picked'
}

/** Which records an export covers. */
export type ExportRangeChoice = { kind: 'all' } | { kind: 'unexported' } | { kind: 'dates'; from: string; to: string }

/** A verified export, as staff mode reports it. */
export interface ExportReceipt {
  exportId: string
  file: string
  records: number
  place: string
  /** The engagement file written beside the feedback, and the report, when there are. */
  engagementFile?: string | null
  reportFile?: string | null
}

/** Where staff mode stands, without any secret. */
export interface StaffStatus {
  inSession: boolean
  hasPin: boolean
  canCreatePin: boolean
  lockedSeconds: number
  /** While the first PIN may be created on screen: the file holding the one-time setup code (never the code). */
  setupCodeFile: string | null
}

/** Why an unlock did not open staff mode. */
export type UnlockAnswer =
  | { unlocked: true }
  | { unlocked: false; reason: 'no-pin' | 'reset-required' }
  | { unlocked: false; reason: 'wrong-pin'; triesLeft: number }
  | { unlocked: false; reason: 'locked'; seconds: number }
  | { unlocked: false; reason: 'wrong-code'; triesLeft: number }

/** Whether a PIN change from staff mode went through, and if not why; a wrong current PIN counts toward the lockout. */
export type PinChangeAnswer =
  | { changed: true }
  | { changed: false; reason: 'wrong-pin'; triesLeft: number }
  | { changed: false; reason: 'locked'; seconds: number }

/** How many digits the one-time setup code has: typed on the PIN pad, far too many to guess under the lockout. */
export const setupCodeDigits = 8
