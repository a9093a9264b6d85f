import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import log from 'electron-log/main'
import ElectronStore from 'electron-store'
import { startKioskCore } from './services/kiosk-core'
import { declareAppScheme, serveAppScheme } from './electron/app-protocol'
import { appEntryUrl, isAppUrl } from './electron/app-url'
import { registerIpc } from './electron/ipc'
import { createKioskWindow, lockDownContents, lockDownSession } from './electron/window'

// IT and the e2e tests can keep the kiosk's data somewhere else; it must be set before anything reads userData.
if (process.env['KIOSK_DATA_DIR']) app.setPath('userData', process.env['KIOSK_DATA_DIR'])

log.initialize()
declareAppScheme()

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, devServerUrl))
  app.on('window-all-closed', () => app.quit())
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('the kiosk could not start', error)
      app.exit(1)
    })
}

async function start(): Promise<void> {
  const bundledContentFolder = app.isPackaged
    ? join(process.resourcesPath, 'content')
    : join(app.getAppPath(), 'content')
  const dataFolder = app.getPath('userData')
  const core = await startKioskCore({
    configFile: join(dataFolder, 'config.json'),
    bundledContentFolder,
    dataFolder,
    // The service's options are conf options; only the file location is electron-store's to add.
    openJsonFile: (cwd, name, options) =>
      new ElectronStore({ ...options, cwd, name } as unknown as ConstructorParameters<typeof ElectronStore>[0]),
    appVersion: app.getVersion(),
    logError: (message, error) => log.error(message, error)
  })
  for (const problem of core.configProblems) log.warn(`config: ${problem.key}: ${problem.message}`)
  for (const problem of core.content().problems)
    log.warn(`content: ${problem.file}:${problem.line}: ${problem.message}`)

  lockDownSession(devServerUrl)
  serveAppScheme(join(import.meta.dirname, '../renderer'), () => core.content().root)
  registerIpc(
    core.handlers,
    (url) => isAppUrl(url, devServerUrl),
    (message, error) => log.error(message, error)
  )
  createKioskWindow({
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    url: devServerUrl ?? appEntryUrl,
    devServerUrl,
    allowDevTools: !app.isPackaged
  })
}
