import type { ConfigProblem, KioskConfig } from '../../shared/config'
import type { ContentSource } from '../../shared/content-update'
import type { DataFolderInUse } from '../../shared/staff'
import type { Timers } from '../../shared/timers'
import type { ContentState } from '../content/content-library'
import type { RemovableDrive } from '../export/drives'
import type { EngagementStore } from '../feedback/engagement-store'
import type { FeedbackStore } from '../feedback/feedback-store'
import type { JsonFileOptions, OpenJsonFile } from '../kiosk/json-file'
import type { MachineReadings } from './machine-health'
import type { PickerOpener } from './session-folder-picker'
import type { StaffAuth } from './staff-auth'

// What staff mode in main is built from (kiosk-core passes it), and the small file it keeps of its exports.

/** What staff mode keeps of its exports and retention between restarts, in `exports.json`. */
export interface ExportLogData extends Record<string, unknown> {
  lastExport: { at: string; place: string; file: string; records: number } | null
  lastScheduledExport: { at: string; ok: boolean; message: string } | null
  retention: {
    at: string
    removed: number
    waitingForExport: number
    engagementDaysRemoved?: number
    engagementDaysWaiting?: number
  } | null
}

/** The schema and defaults of `exports.json`. */
export const exportLogOptions = (): JsonFileOptions<ExportLogData> => ({
  schema: {
    lastExport: { type: ['object', 'null'] },
    lastScheduledExport: { type: ['object', 'null'] },
    retention: { type: ['object', 'null'] }
  },
  defaults: { lastExport: null, lastScheduledExport: null, retention: null },
  migrations: {},
  projectVersion: '1.0.0',
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false
})

/** What the app can do that the harness cannot, or does differently. */
export interface AppControl {
  reloadContent: () => Promise<ContentState>
  restart: () => void
  quit: () => void
  /** Opens the system's folder picker, which can be closed; null where there is none (web mode). */
  pickFolder: PickerOpener | null
}

/** What staff mode works with. */
export interface StaffServiceOptions {
  auth: StaffAuth
  store: FeedbackStore
  /** The engagement aggregates, exported beside the feedback and kept under the same retention. */
  engagement?: EngagementStore
  content: () => ContentState
  /**
   * The newest content read, which may still wait for a calm moment: data health lists its problems and reviews, so
   * an author who taps Reload content sees what was just read. The content on screen unless given.
   */
  latestContent?: () => ContentState
  /** Which articles are on screen, from when and why, and whether newer ones wait; from the content service. */
  contentSource?: () => ContentSource
  config: KioskConfig
  configProblems: ConfigProblem[]
  configFile: string
  dataFolder: string
  openJsonFile: OpenJsonFile
  appVersion: string
  now: () => Date
  drives: () => Promise<RemovableDrive[]>
  app: AppControl
  logError: (message: string, error: unknown) => void
  recentErrors: () => Array<{ time: string; message: string }>
  /** Why the kiosk runs on `dataFolder`; without it, the folder is taken as the account's own. */
  dataFolderInUse?: DataFolderInUse
  /** Uptime, memory and disk space for data health; this process and machine unless a test passes its own. */
  machine?: MachineReadings
  /** The timers that watch an open folder picker's session; the runtime's own unless a test passes fakes. */
  timers?: Timers
}

/** What else an export writes beside the feedback. */
export interface ExportExtras {
  /** Write report.html beside the data. */
  report?: boolean
  /** For the command line's --since: engagement days from this local day on (otherwise the range decides). */
  engagementFrom?: string
}
