import type { WebContents } from 'electron'
import { systemTimers, type Timers } from '../../shared/timers'
import { isSupersededLoad, type RecoveryPolicy } from '../kiosk/recovery-policy'

/** Seconds an unresponsive screen gets before it is crashed on purpose and reloaded. */
export const unresponsiveGraceSeconds = 30

/** The parts of the window's webContents the supervisor uses. */
export type SupervisedContents = Pick<WebContents, 'on' | 'loadURL' | 'forcefullyCrashRenderer'>

/**
 * Loads a page without leaving a rejected promise behind: a load superseded by a newer one rejects with ERR_ABORTED,
 * which is expected and ignored; any other failure is logged (did-fail-load, below, decides what to do about it).
 */
export async function loadPage(
  contents: Pick<WebContents, 'loadURL'>,
  url: string,
  log: (message: string) => void
): Promise<void> {
  try {
    await contents.loadURL(url)
  } catch (error) {
    if (!isSupersededLoad(error))
      log(`the screen could not load ${url}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * Keeps the screen alive: a crashed renderer and a page that failed to load are both reloaded within the policy's
 * cap, after which the front-desk page shows and the app is tried again after one cool-down (one timer, however many
 * crashes and failures arrive meanwhile); a hung screen is crashed on purpose after a grace period.
 */
export function superviseRenderer(
  contents: SupervisedContents,
  policy: RecoveryPolicy,
  urls: { app: string; frontDesk: string },
  log: (message: string) => void,
  timers: Timers = systemTimers,
  now: () => number = Date.now
): void {
  const load = (url: string) => void loadPage(contents, url, log)
  let coolDown: unknown = null
  const waitForCoolDown = () => {
    coolDown ??= timers.setTimeout(() => {
      coolDown = null
      policy.forgive()
      log('the cool-down is over; trying the screen again')
      load(urls.app)
    }, policy.cooldownMilliseconds)
  }
  const recover = (what: string) => {
    if (policy.onCrash(now()) === 'reload') {
      log(`${what}; reloading it`)
      load(urls.app)
      return
    }
    log(`${what}; showing the front-desk page until the cool-down is over`)
    load(urls.frontDesk)
    waitForCoolDown()
  }
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    recover(`the screen's renderer ${details.reason} (exit code ${details.exitCode})`)
  })
  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    // ERR_ABORTED (-3) is a load superseded by a newer one; a sub-frame's failure leaves the page standing.
    if (!isMainFrame || errorCode === -3) return
    if (url === urls.frontDesk) {
      log(`the front-desk page failed to load: ${errorDescription} (${errorCode}); waiting for the cool-down`)
      waitForCoolDown()
      return
    }
    recover(`the screen failed to load ${url}: ${errorDescription} (${errorCode})`)
  })
  let stuck: unknown = null
  contents.on('unresponsive', () => {
    stuck ??= timers.setTimeout(() => {
      stuck = null
      log(`the screen was unresponsive for ${unresponsiveGraceSeconds} s; restarting it`)
      contents.forcefullyCrashRenderer()
    }, unresponsiveGraceSeconds * 1000)
  })
  contents.on('responsive', () => {
    if (stuck !== null) timers.clearTimeout(stuck)
    stuck = null
  })
}
