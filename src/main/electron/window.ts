import { app, BrowserWindow, screen, session, type WebContents } from 'electron'
import { isBlockedKey, isClosingKey, isDeveloperQuitKey } from '../../shared/key-filter'
import { chooseDisplay, type DisplayChoice, type DisplayInfo } from '../kiosk/display-choice'
import { notSetUpTitle } from '../kiosk/kiosk-setup'
import { isAllowedRequest, isAppUrl } from './app-url'

/** The calm background of the reader, shown before the first paint so there is no white flash. */
export const backgroundColour = '#f7f4ee'

/** What the kiosk window needs to know. */
export interface KioskWindowOptions {
  preload: string
  devServerUrl: string | undefined
  allowDevTools: boolean
  /** The `display` config key: null, a number counted from the left, or a monitor's name. */
  display: number | string | null
  log: (message: string) => void
  /** Whether this PC is set up as a kiosk (kiosk/kiosk-setup.ts): locked full screen, or an ordinary window. */
  locked: boolean
}

/** The window, and a way to lock it down once the PC becomes a kiosk (a PIN set on screen). */
export interface KioskWindow {
  window: BrowserWindow
  isLocked: () => boolean
  lockDown: () => void
}

function connectedDisplays(): DisplayInfo[] {
  return screen.getAllDisplays().map(({ id, label, bounds }) => ({ id, label, bounds }))
}

function noteMissing(choice: DisplayChoice, log: (message: string) => void): void {
  if (choice.missing === undefined) return
  log(
    `display ${JSON.stringify(choice.missing)} (config "display") is not connected; the kiosk is on display "${choice.display.label}"`
  )
}

/** Denies every permission, and cancels every request that is not for the app's own files (the offline guarantee). */
export function lockDownSession(devServerUrl: string | undefined): void {
  const kioskSession = session.defaultSession
  kioskSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  kioskSession.setPermissionCheckHandler(() => false)
  kioskSession.setDevicePermissionHandler(() => false)
  kioskSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) })
  })
}

/**
 * Keeps any web contents on the app: no navigation away, no new windows, no webviews, no closing keys (unless
 * `mayClose` says the PC is not set up as a kiosk). While developing, `developerQuit` is given and Ctrl+Shift+Q
 * (Cmd+Shift+Q) calls it.
 */
export function lockDownContents(
  contents: WebContents,
  devServerUrl: string | undefined,
  developerQuit: (() => void) | null = null,
  mayClose: () => boolean = () => false
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // Reload, devtools, zoom, print, find, new windows and closing keys never reach the page.
  contents.on('before-input-event', (event, input) => {
    if (developerQuit && isDeveloperQuitKey(input)) {
      event.preventDefault()
      developerQuit()
      return
    }
    if (isBlockedKey(input) && !(mayClose() && isClosingKey(input))) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/**
 * Opens the one kiosk window, hidden until its first paint; the caller loads the page. Locked, it is full screen in
 * kiosk mode and refuses to close; on a PC not set up as a kiosk it is an ordinary window anyone can close, until
 * `lockDown` is called.
 */
export function createKioskWindow(options: KioskWindowOptions): KioskWindow {
  let locked = options.locked
  const first = chooseDisplay(connectedDisplays(), options.display, null, screen.getPrimaryDisplay().id)
  noteMissing(first, options.log)
  const window = new BrowserWindow({
    ...first.display.bounds,
    show: false,
    kiosk: locked,
    fullscreen: locked,
    closable: true,
    autoHideMenuBar: true,
    backgroundColor: backgroundColour,
    title: locked ? 'Waiting Room Kiosk' : notSetUpTitle,
    webPreferences: {
      // Reviewed: the preload exposes only the contract's invoke wrappers (tests/unit/preload/preload.test.ts).
      preload: options.preload /* eng-disable PRELOAD_JS_CHECK */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.allowDevTools
    }
  })
  window.removeMenu()
  window.once('ready-to-show', () => window.show())
  // The page's own title would hide how to leave an ordinary window.
  window.on('page-title-updated', (event) => {
    if (!locked) event.preventDefault()
  })
  window.webContents.on('did-finish-load', () => {
    void window.webContents.setVisualZoomLevelLimits(1, 1)
  })
  // Alt+F4 and the window manager's close button: a kiosk closes only when the app itself quits (staff "Quit").
  let quitting = false
  app.once('before-quit', () => (quitting = true))
  window.on('close', (event) => {
    if (locked && !quitting) event.preventDefault()
  })
  // A monitor plugged, unplugged or rotated: full screen again on the configured display or the one the window is on
  // (not the primary one, which may not be the touch monitor), zoom held at 100%.
  const refit = () => {
    // An ordinary window (a PC not set up as a kiosk) stays where and as large as its user put it.
    if (!locked) return
    const current = screen.getDisplayMatching(window.getBounds()).id
    const choice = chooseDisplay(connectedDisplays(), options.display, current, screen.getPrimaryDisplay().id)
    noteMissing(choice, options.log)
    window.setBounds(choice.display.bounds)
    if (locked) window.setKiosk(true)
    void window.webContents.setVisualZoomLevelLimits(1, 1)
  }
  screen.on('display-metrics-changed', refit)
  screen.on('display-added', refit)
  screen.on('display-removed', refit)
  window.once('closed', () => {
    screen.off('display-metrics-changed', refit)
    screen.off('display-added', refit)
    screen.off('display-removed', refit)
  })
  const lockDown = () => {
    if (locked) return
    locked = true
    window.setTitle('Waiting Room Kiosk')
    refit()
  }
  return { window, isLocked: () => locked, lockDown }
}
