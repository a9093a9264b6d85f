import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { ConfigProblem, KioskConfig } from '../../shared/config'
import type { DataFolderInUse } from '../../shared/staff'
import { readConfigFile } from './config-file'
import { type ContentState, isShownSection } from '../content/content-library'
import { ContentPacks } from '../content/content-pack'
import { ContentService } from '../content/content-service'
import { EngagementStore } from '../feedback/engagement-store'
import { FeedbackService } from '../feedback/feedback-service'
import { FeedbackStore } from '../feedback/feedback-store'
import type { OpenJsonFile } from './json-file'
import type { RemovableDrive } from '../export/drives'
import { createHandlers, type ErrorLogger, type HandlerTable } from './handlers'
import { ErrorJournal } from './recovery-policy'
import type { MachineReadings } from '../staff/machine-health'
import { NoticeBoard } from '../staff/notice-board'
import { StaffAuth } from '../staff/staff-auth'
import { type AppControl, StaffService } from '../staff/staff-service'
import type { Timers } from '../../shared/timers'
import { dataFolderProblems } from './data-folder'

/** The kiosk's services without any window: what the Electron app and the web-mode harness both run. */
export interface KioskCore {
  config: KioskConfig
  configProblems: ConfigProblem[]
  content: () => ContentState
  reloadContent: () => Promise<ContentState>
  feedbackStore: FeedbackStore
  staffAuth: StaffAuth
  staff: StaffService
  /** The front desk's notice for patients, in `notice.json` of the data folder. */
  notices: NoticeBoard
  /** The daily engagement aggregates, in the data folder's `engagement` folder. */
  engagementStore: EngagementStore
  errors: ErrorJournal
  /** Logs an error and notes it for staff mode's data health; everything in main logs errors through this. */
  logError: ErrorLogger
  handlers: HandlerTable
  /** Which articles are on screen: IT's folder, its last good copy, installed articles or the bundled ones. */
  contentService: ContentService
  /** Staff's "Update articles" from a USB stick: review, preview, install, undo. */
  contentPacks: ContentPacks
  /** Stops the core's timers (looking at the content folder again). */
  stop: () => void
}

/** Where the core finds its files, and the few things that differ between the app and the harness. */
export interface CoreSetup {
  configFile: string
  bundledContentFolder: string
  /** The kiosk's data folder; feedback lives in its `feedback` sub-folder. */
  dataFolder: string
  /** electron-store in the app, conf (what electron-store wraps) in the harness. */
  openJsonFile: OpenJsonFile
  appVersion: string
  logError: ErrorLogger
  now?: () => Date
  /** Lists plugged-in removable drives; the harness offers none. */
  drives?: () => Promise<RemovableDrive[]>
  /** Restart, quit and the folder picker: Electron's in the app, stand-ins in the harness. */
  app?: Omit<AppControl, 'reloadContent'>
  /** Why the app runs on `dataFolder` (kiosk/data-folder.ts), for staff mode's data health. */
  dataFolderInUse?: DataFolderInUse
  /** Uptime, memory and disk space for data health; this process and machine unless a test passes its own. */
  machine?: MachineReadings
  /** Timers for looking at the content folder again; the system's unless a test fakes them. */
  timers?: Timers
  /**
   * False when this process must not write the data folder (the command line while the kiosk runs): content is
   * then read without keeping its last good copy.
   */
  ownsData?: boolean
}

/** Reads the config and the content and builds the services and the handler table over them. */
export async function startKioskCore(setup: CoreSetup): Promise<KioskCore> {
  const read = await readConfigFile(setup.configFile)
  const config = read.config
  // A data folder that could not be used is told as loudly as a bad key: in the log at start and in data health.
  const configProblems = [...dataFolderProblems(setup.dataFolderInUse), ...read.problems]
  const now = setup.now ?? (() => new Date())
  const errors = new ErrorJournal()
  const logError: ErrorLogger = (message, error) => {
    errors.record(now(), `${message}: ${error instanceof Error ? error.message : String(error)}`)
    setup.logError(message, error)
  }
  const contentService = new ContentService({
    bundledFolder: setup.bundledContentFolder,
    contentFolder: config.contentFolder,
    language: config.language,
    playlist: config.playlist,
    dataFolder: setup.ownsData === false ? null : setup.dataFolder,
    retryMinutes: config.contentRetryMinutes,
    now,
    timers: setup.timers,
    logError
  })
  await contentService.reload()
  // What patients see and what feedback is checked against: the articles on screen, not those waiting for a calm moment.
  const content = () => contentService.shown()
  const contentPacks = new ContentPacks({
    service: contentService,
    drives: setup.drives ?? (async () => []),
    contentFolder: config.contentFolder,
    language: config.language,
    playlist: config.playlist,
    now,
    logError
  })
  const feedbackStore = new FeedbackStore(join(setup.dataFolder, 'feedback'), setup.openJsonFile, now)
  const feedback = new FeedbackService({
    store: feedbackStore,
    now,
    monotonic: () => performance.now(),
    randomId: randomUUID,
    station: () => config.stationLabel,
    appVersion: setup.appVersion,
    contentVersion: () => content().playlist.contentVersion,
    roundingMinutes: () => config.feedbackTimeRoundingMinutes,
    minimumGapSeconds: () => config.feedbackMinimumGapSeconds,
    isShown: (articleId, sectionId) => isShownSection(content().playlist, articleId, sectionId),
    logError
  })
  const reloadContent = () => contentService.reload()
  const engagementStore = new EngagementStore(join(setup.dataFolder, 'engagement'), setup.openJsonFile, now, logError)
  const staffAuth = new StaffAuth(setup.dataFolder, setup.openJsonFile, now, config.staffSessionSeconds, logError)
  const staff = new StaffService({
    auth: staffAuth,
    store: feedbackStore,
    engagement: engagementStore,
    content,
    latestContent: () => contentService.latest(),
    contentSource: () => contentService.source(),
    config,
    configProblems,
    configFile: setup.configFile,
    dataFolder: setup.dataFolder,
    openJsonFile: setup.openJsonFile,
    appVersion: setup.appVersion,
    now,
    drives: setup.drives ?? (async () => []),
    app: { reloadContent, ...(setup.app ?? { restart: () => {}, quit: () => {}, pickFolder: null }) },
    logError,
    recentErrors: () => errors.list(),
    dataFolderInUse: setup.dataFolderInUse,
    machine: setup.machine
  })
  const notices = new NoticeBoard({
    dataFolder: setup.dataFolder,
    openJsonFile: setup.openJsonFile,
    now,
    clinicHours: () => config.clinicHours,
    language: () => config.language,
    logError
  })
  return {
    config,
    configProblems,
    content,
    reloadContent,
    feedbackStore,
    staffAuth,
    staff,
    notices,
    engagementStore,
    errors,
    logError,
    handlers: createHandlers({
      config: () => config,
      content,
      feedback,
      staff,
      notices,
      now,
      engagement: engagementStore,
      logError,
      contentService,
      contentPacks
    }),
    contentService,
    contentPacks,
    stop: () => contentService.stop()
  }
}
