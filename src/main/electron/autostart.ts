import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app } from 'electron'
import { autostartDesktopEntry, autostartFileName } from '../kiosk/autostart-entry'

/** Starts the kiosk at login (or stops doing so): a login item on Windows and macOS, an XDG entry on Linux. */
export async function applyAutostart(on: boolean): Promise<void> {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin: on })
    return
  }
  const folder = join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'autostart')
  const file = join(folder, autostartFileName)
  if (!on) {
    await rm(file, { force: true })
    return
  }
  await mkdir(folder, { recursive: true })
  // An AppImage runs from a temporary mount; APPIMAGE is the file that stays.
  await writeFile(file, autostartDesktopEntry(process.env['APPIMAGE'] ?? process.execPath))
}
