import type { ContentUpdateStatus, PackReview } from './content-update'
import type { Article, Playlist, ReaderSettings } from './domain'
import type { EngagementIncrement } from './engagement'
import type { FeedbackInput } from './feedback'
import type { Notice, NoticeInput } from './notice'
import type { RendererErrorReport } from './renderer-error'
import type {
  Destination,
  ExportRangeChoice,
  ExportReceipt,
  PinChangeAnswer,
  StaffStatus,
  StaffSummary,
  UnlockAnswer
} from './staff'
import type { Result } from './result'

/** Every IPC channel, as `area:verb`, with what goes in and what comes out. */
export interface Contract {
  'content:playlist': { in: void; out: Result<Playlist> }
  'kiosk:settings': { in: void; out: Result<ReaderSettings> }
  'feedback:submit': { in: FeedbackInput; out: Result<{ id: string }> }
  'staff:status': { in: void; out: Result<StaffStatus> }
  'staff:create-pin': { in: { setupCode: string; pin: string; confirmation: string }; out: Result<UnlockAnswer> }
  'staff:unlock': { in: { pin: string }; out: Result<UnlockAnswer> }
  'staff:touch': { in: void; out: Result<StaffStatus> }
  'staff:end': { in: void; out: Result<null> }
  'staff:summary': { in: void; out: Result<StaffSummary> }
  'staff:destinations': { in: void; out: Result<{ destinations: Destination[]; canPickFolder: boolean }> }
  'staff:pick-folder': { in: void; out: Result<Destination | null> }
  'staff:export': {
    in: { destinationId: string; format: 'csv' | 'json'; range: ExportRangeChoice; report?: boolean }
    out: Result<ExportReceipt>
  }
  'staff:clear-exported': { in: { exportId: string }; out: Result<{ removed: number }> }
  'staff:reload-content': { in: void; out: Result<{ articles: number; problems: number }> }
  'staff:restart': { in: void; out: Result<null> }
  'staff:quit': { in: void; out: Result<null> }
  'staff:change-pin': { in: { current: string; pin: string; confirmation: string }; out: Result<PinChangeAnswer> }
  'kiosk:notice': { in: void; out: Result<Notice | null> }
  'staff:set-notice': { in: NoticeInput; out: Result<Notice> }
  'staff:clear-notice': { in: void; out: Result<null> }
  'engagement:record': { in: EngagementIncrement; out: Result<null> }
  'content:version': { in: void; out: Result<{ version: string }> }
  'staff:content-status': { in: void; out: Result<ContentUpdateStatus> }
  'staff:scan-content': { in: { driveId: string }; out: Result<PackReview> }
  'staff:preview-article': { in: { scanId: string; language: string; articleId: string }; out: Result<Article> }
  'staff:install-content': { in: { scanId: string }; out: Result<ContentUpdateStatus> }
  'staff:undo-content': { in: void; out: Result<ContentUpdateStatus> }
  /** An error the screen survived (a part it could not draw, an uncaught error), for main's log; rate-limited there. */
  'kiosk:log-error': { in: RendererErrorReport; out: Result<null> }
}

/** A channel name of the contract. */
export type Channel = keyof Contract

/** The method the preload exposes for each channel: `window.kiosk[method]` invokes `channel`. */
export const kioskMethods = {
  playlist: 'content:playlist',
  settings: 'kiosk:settings',
  submitFeedback: 'feedback:submit',
  staffStatus: 'staff:status',
  createStaffPin: 'staff:create-pin',
  unlockStaff: 'staff:unlock',
  touchStaff: 'staff:touch',
  endStaff: 'staff:end',
  staffSummary: 'staff:summary',
  exportDestinations: 'staff:destinations',
  pickExportFolder: 'staff:pick-folder',
  exportFeedback: 'staff:export',
  clearExported: 'staff:clear-exported',
  reloadContent: 'staff:reload-content',
  restartKiosk: 'staff:restart',
  quitKiosk: 'staff:quit',
  changeStaffPin: 'staff:change-pin',
  notice: 'kiosk:notice',
  setNotice: 'staff:set-notice',
  clearNotice: 'staff:clear-notice',
  recordEngagement: 'engagement:record',
  contentVersion: 'content:version',
  contentStatus: 'staff:content-status',
  scanContent: 'staff:scan-content',
  previewArticle: 'staff:preview-article',
  installContent: 'staff:install-content',
  undoContent: 'staff:undo-content',
  logError: 'kiosk:log-error'
} as const satisfies Record<string, Channel>

/** A method name of `window.kiosk`. */
export type KioskMethod = keyof typeof kioskMethods

type MethodOf<C extends Channel> = Contract[C]['in'] extends void
  ? () => Promise<Contract[C]['out']>
  : (input: Contract[C]['in']) => Promise<Contract[C]['out']>

/** The API the renderer sees, identical whether it is backed by the preload or by the web-mode harness. */
export type KioskApi = { [M in KioskMethod]: MethodOf<(typeof kioskMethods)[M]> }

/** All channels, for registration and for checking that nothing is missing. */
export const channels: readonly Channel[] = Object.values(kioskMethods)
