import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app } from 'electron'
import { autostartDesktopEntry, autostartFileName } from '../kiosk/autostart-entry'
import { autostartPlan, kioskLauncher } from '../kiosk/launcher'

/**
 * Starts the kiosk at login (or stops doing so), on the file that starts this copy again (kiosk/launcher.ts): a login
 * item on Windows and macOS, an XDG entry on Linux. Resolves to a note for the log when it set nothing up on purpose.
 */
export async function applyAutostart(on: boolean): Promise<string | null> {
  const plan = autostartPlan(process.platform, kioskLauncher(process.platform, process.env, process.execPath), on)
  if (plan.kind === 'login-item') {
    // `path` is read on Windows only; macOS registers the app bundle itself.
    app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, path: plan.path })
    return null
  }
  const folder = join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'autostart')
  const file = join(folder, autostartFileName)
  if (plan.kind === 'remove-entry') {
    await rm(file, { force: true })
    return plan.reason ?? null
  }
  await mkdir(folder, { recursive: true })
  await writeFile(file, autostartDesktopEntry(plan.executable))
  return null
}
