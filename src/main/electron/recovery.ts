import type { BrowserWindow } from 'electron'
import type { RecoveryPolicy } from '../kiosk/recovery-policy'

/** Seconds an unresponsive screen gets before it is crashed on purpose and reloaded. */
export const unresponsiveGraceSeconds = 30

/** Keeps the screen alive: reloads it after a crash (within the policy's cap) and unsticks a hung one. */
export function superviseRenderer(
  window: BrowserWindow,
  policy: RecoveryPolicy,
  urls: { app: string; frontDesk: string },
  log: (message: string) => void
): void {
  const contents = window.webContents
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    const action = policy.onCrash(Date.now())
    log(`the screen's renderer ${details.reason} (exit code ${details.exitCode}); ${action}`)
    if (action === 'reload') {
      void contents.loadURL(urls.app)
      return
    }
    void contents.loadURL(urls.frontDesk)
    setTimeout(() => {
      policy.forgive()
      void contents.loadURL(urls.app)
    }, policy.cooldownMilliseconds)
  })
  let stuck: NodeJS.Timeout | null = null
  contents.on('unresponsive', () => {
    stuck ??= setTimeout(() => {
      stuck = null
      log(`the screen was unresponsive for ${unresponsiveGraceSeconds} s; restarting it`)
      contents.forcefullyCrashRenderer()
    }, unresponsiveGraceSeconds * 1000)
  })
  contents.on('responsive', () => {
    if (stuck) clearTimeout(stuck)
    stuck = null
  })
}
