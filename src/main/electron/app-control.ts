import { app, BrowserWindow, dialog } from 'electron'
import { kioskLauncher } from '../kiosk/launcher'
import type { OpenPicker } from '../staff/session-folder-picker'

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

/**
 * Opens the system folder picker over the kiosk window, on a hidden parent window of its own: Electron has no way to
 * cancel an open dialog, so closing it destroys that parent (which takes the dialog with it where the platform
 * does, macOS for one) and brings the kiosk window back on top of any dialog the platform leaves behind (Windows).
 * The staff session's picker (staff/session-folder-picker.ts) then ignores whatever that dialog answers.
 */
export function pickFolder(): OpenPicker {
  const [kiosk] = BrowserWindow.getAllWindows()
  // It never loads a page, but is held to the same preferences as the kiosk window all the same.
  const parent = new BrowserWindow({
    parent: kiosk,
    modal: true,
    show: false,
    width: 1,
    height: 1,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    }
  })
  const closeParent = () => {
    if (!parent.isDestroyed()) parent.destroy()
  }
  const answer = dialog
    .showOpenDialog(parent, {
      title: 'Export feedback to…',
      properties: ['openDirectory', 'createDirectory']
    })
    .then((result) => (result.canceled ? null : (result.filePaths[0] ?? null)))
    .finally(closeParent)
  return {
    answer,
    close: () => {
      closeParent()
      if (kiosk && !kiosk.isDestroyed()) {
        kiosk.moveTop()
        kiosk.focus()
      }
    }
  }
}
