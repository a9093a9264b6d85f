import { readerSettings, type KioskConfig } from '../../shared/config'
import { withoutOverdue } from '../../shared/content-review'
import { type Channel, type Contract, channels } from '../../shared/contract'
import { checkInput } from '../../shared/ipc-schemas'
import { localDay } from '../../shared/local-day'
import { fail, ok, type Result } from '../../shared/result'
import type { ContentState } from '../content/content-library'
import type { ContentPacks } from '../content/content-pack'
import type { ContentService } from '../content/content-service'
import { type EngagementStore, refusalOfIncrement } from '../feedback/engagement-store'
import type { FeedbackService } from '../feedback/feedback-service'
import type { NoticeBoard } from '../staff/notice-board'
import type { StaffService } from '../staff/staff-service'
import { RendererErrorLog } from './renderer-errors'

/** Who sent a message: the URL of the frame, checked before any handler runs. */
export interface CallContext {
  senderUrl: string | undefined
}

/** A handler for one channel: validated input in, typed result out. */
export type Handler<C extends Channel> = (input: Contract[C]['in'], context: CallContext) => Promise<Contract[C]['out']>

/** One handler per channel; served by ipcMain in the app and by the loopback harness in tests. */
export type HandlerTable = { [C in Channel]: Handler<C> }

/** What the handlers read from; each is a function so a reload is seen at once. */
export interface HandlerDependencies {
  config: () => KioskConfig
  content: () => ContentState
  feedback: FeedbackService
  staff: StaffService
  /** The front desk's notice: any patient screen may read it, only staff in a session may change it. */
  notices: Pick<NoticeBoard, 'current' | 'set' | 'clear'>
  /** The clock that decides, at each request, which articles are past their review date. */
  now: () => Date
  /** The daily engagement aggregates the reader's counts go into; absent, they are refused as not available. */
  engagement?: Pick<EngagementStore, 'add'>
  logError?: ErrorLogger
  /** Hands the screen the newest articles when it asks for them (at start and at calm moments). */
  contentService?: Pick<ContentService, 'take' | 'latestVersion'>
  /** Staff's "Update articles" from a USB stick. */
  contentPacks?: Pick<ContentPacks, 'status' | 'scan' | 'preview' | 'install' | 'undo'>
}

/** Builds the handler table over the kiosk's services. */
export function createHandlers(dependencies: HandlerDependencies): HandlerTable {
  const { staff, contentPacks } = dependencies
  // One limit for the whole screen, kept as long as the table: a part failing in a loop is logged ten times a minute.
  const screenErrors = new RendererErrorLog(
    (message, error) => dependencies.logError?.(message, error),
    dependencies.now
  )
  const packs = async <T>(run: (packs: NonNullable<typeof contentPacks>) => Promise<Result<T>>): Promise<Result<T>> =>
    contentPacks ? run(contentPacks) : fail('not-available', 'articles cannot be installed here')
  return {
    'content:playlist': async () => {
      // The screen asks for the articles at start and at calm moments only: that is when newer ones go on screen.
      const { playlist } = dependencies.contentService?.take() ?? dependencies.content()
      if (playlist.articles.length === 0) return fail('content-unavailable', 'no articles are available to show')
      // Judged at each request, not at load: the kiosk runs for weeks and the screen asks again every night.
      if (!dependencies.config().hideArticlesPastReview) return ok(playlist)
      const current = withoutOverdue(playlist, localDay(dependencies.now()))
      if (current.articles.length === 0)
        return fail('content-unavailable', 'every article is past its review date and hidden (hideArticlesPastReview)')
      return ok(current)
    },
    'kiosk:settings': async () => ok(readerSettings(dependencies.config())),
    'feedback:submit': async (input) => dependencies.feedback.submit(input),
    'staff:status': async () => ok(staff.status()),
    'staff:create-pin': async ({ setupCode, pin, confirmation }) => staff.createPin(setupCode, pin, confirmation),
    'staff:unlock': async ({ pin }) => staff.unlock(pin),
    'staff:touch': async () => staff.inSession(async () => ok(staff.status())),
    'staff:end': async () => {
      staff.end()
      return ok(null)
    },
    'staff:summary': async () => staff.inSession(async () => ok(await staff.summary())),
    'staff:destinations': async () => staff.inSession(async () => ok(await staff.destinations())),
    'staff:pick-folder': async () => staff.inSession(() => staff.pickFolder()),
    'staff:export': async ({ destinationId, format, range, report }) =>
      staff.inSession(() => staff.export(destinationId, format, range, report ?? false)),
    'staff:clear-exported': async ({ exportId }) => staff.inSession(() => staff.clearExported(exportId)),
    'staff:reload-content': async () =>
      staff.inSession(async () => {
        const reloaded = await staff.reloadContent()
        return ok({ articles: reloaded.playlist.articles.length, problems: reloaded.problems.length })
      }),
    'staff:restart': async () => staff.inSession(async () => ok(staff.restart())),
    'staff:quit': async () => staff.inSession(async () => ok(staff.quit())),
    'staff:change-pin': async ({ current, pin, confirmation }) =>
      staff.inSession(() => staff.changePin(current, pin, confirmation)),
    'kiosk:notice': async () => ok(dependencies.notices.current()),
    'staff:set-notice': async (input) => staff.inSession(() => dependencies.notices.set(input)),
    'staff:clear-notice': async () =>
      staff.inSession(async () => {
        dependencies.notices.clear()
        return ok(null)
      }),
    'engagement:record': async (input) => {
      const { engagement } = dependencies
      if (!engagement) return fail('not-available', 'engagement is not counted here')
      const refusal = refusalOfIncrement(dependencies.content().playlist, input)
      if (refusal !== null) return fail('invalid-input', `engagement:record: ${refusal}`)
      try {
        engagement.add(input)
      } catch (error) {
        // Counts of one anonymous visit: logged for IT, never a reason to trouble the patient.
        dependencies.logError?.('engagement could not be saved', error)
        return fail('storage-failed', 'engagement could not be saved')
      }
      return ok(null)
    },
    'content:version': async () =>
      ok({
        version: dependencies.contentService?.latestVersion() ?? dependencies.content().playlist.contentVersion
      }),
    'staff:content-status': async () => staff.inSession(() => packs(async (found) => ok(await found.status()))),
    'staff:scan-content': async ({ driveId }) => staff.inSession(() => packs((found) => found.scan(driveId))),
    'staff:preview-article': async ({ scanId, language, articleId }) =>
      staff.inSession(() => packs(async (found) => found.preview(scanId, language, articleId))),
    'staff:install-content': async ({ scanId }) => staff.inSession(() => packs((found) => found.install(scanId))),
    'staff:undo-content': async () => staff.inSession(() => packs((found) => found.undo())),
    'kiosk:log-error': async (report) => {
      screenErrors.record(report)
      return ok(null)
    }
  }
}

function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value)
}

/** Something that can fail to log; main passes electron-log, tests pass a spy. */
export type ErrorLogger = (message: string, error: unknown) => void

/**
 * Checks the channel, the sender and the input, then runs the handler; whatever happens the caller gets a Result,
 * never an exception.
 */
export async function dispatch(
  table: HandlerTable,
  channel: string,
  payload: unknown,
  context: CallContext,
  isTrustedSender: (url: string | undefined) => boolean,
  logError: ErrorLogger = () => {}
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('unknown-channel', `no such operation: ${channel.slice(0, 60)}`)
  if (!isTrustedSender(context.senderUrl))
    return fail('untrusted-sender', 'this operation is only for the kiosk screen')
  const checked = checkInput(channel, payload)
  if (!checked.ok) {
    // A refused input is a bug (or worse) in the screen: IT sees it in the log and in staff mode's recent errors.
    logError('refused input', checked.message)
    return fail('invalid-input', checked.message)
  }
  try {
    const handler = table[channel] as (input: unknown, context: CallContext) => Promise<Result<unknown>>
    return await handler(checked.input, context)
  } catch (error) {
    logError(`handler ${channel} failed`, error)
    return fail('internal', 'something went wrong on the kiosk')
  }
}
