import { app, BrowserWindow, dialog } from 'electron'
import { kioskLauncher } from '../kiosk/launcher'

/** Restarts the kiosk: a new process starts, from the file that stays (the portable .exe, not its unpacked copy). */
export function restartApp(): void {
  const launcher = kioskLauncher(process.platform, process.env, process.execPath)
  app.relaunch(launcher.kind === 'installed' ? undefined : { execPath: launcher.executable })
  app.exit(0)
}

/** Quits the kiosk (staff mode's "Quit", for IT). */
export function quitApp(): void {
  app.quit()
}

/** The system folder picker over the kiosk window; null when staff cancel. */
export async function pickFolder(): Promise<string | null> {
  const [window] = BrowserWindow.getAllWindows()
  const options = {
    title: 'Export feedback to…',
    properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>
  }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
