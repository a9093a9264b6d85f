import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { systemTimers } from '../shared/timers'
import { BackgroundWork } from './kiosk/background-work'
import { runCli } from './cli/cli'
import { needsKioskData, parseCliArguments } from './cli/cli-arguments'
import { listRemovableDrives } from './export/drives'
import { commentScrubber, scrubberWarmUpMs } from './feedback/scrub'
import { type KioskCore, startKioskCore } from './kiosk/kiosk-core'
import { chooseDataFolder, describeDataFolder, folderProbes, readOnlyFolderProbes } from './kiosk/data-folder'
import { type DataLockOutcome, systemLockProbes, takeDataLock, waitForDataLock } from './kiosk/data-lock'
import { pickFolder, quitApp, restartApp } from './electron/app-control'
import { declareAppScheme } from './electron/app-protocol'
import { appEntryUrl, frontDeskUrl } from './electron/app-url'
import { applyAutostart } from './electron/autostart'
import { runSelfTestCommand } from './electron/self-test-run'
import { keepDisplayAwake } from './electron/power'
import { loadPage, superviseRenderer } from './electron/recovery'
import { isDisplayAwake } from '../shared/display-schedule'
import { RecoveryPolicy } from './kiosk/recovery-policy'
import { kioskMode } from './kiosk/kiosk-setup'
import { openElectronStore, serveScreen } from './electron/serve-screen'
import { startLogging } from './electron/logging'
import { createKioskWindow, lockDownContents } from './electron/window'

// The kiosk's own arguments come after the executable (packaged) or after the app path (development); an option it
// does not know is a usage error (cli/known-options.ts), so a misspelt command never starts the full-screen kiosk.
const command = parseCliArguments(process.argv.slice(app.isPackaged ? 1 : 2))
// --self-test leaves the clinic's data folder as it found it: write rights are asked of the system, not tried with a
// file, and Chromium's files and the log go to a temporary folder.
const selfTestFolder = command.kind === 'self-test' ? mkdtempSync(join(tmpdir(), 'kiosk-self-test-')) : null
// The data folder (KIOSK_DATA_DIR, the machine-wide folder, or the account's own), chosen and set before anything
// reads userData. Electron names the account's own folder after the app inside appData.
const dataFolder = chooseDataFolder({
  platform: process.platform,
  environment: process.env,
  perUserFolder: join(app.getPath('appData'), app.getName()),
  ...(selfTestFolder ? readOnlyFolderProbes : folderProbes)
})
app.setPath('userData', selfTestFolder ?? dataFolder.path)

// Uncaught errors are noted for staff mode too, once the kiosk's services exist.
let noteUncaught: ((error: Error) => void) | null = null
// Closing keys are let through only on a PC not set up as a kiosk; refused until the window knows which it is.
let mayClose = false
// A command prints its own plain lines for IT's script; the log's timestamped copy stays in the log file.
const log = startLogging(selfTestFolder ?? dataFolder.path, (error) => noteUncaught?.(error), {
  toConsole: command.kind === 'none'
})
const [folderInUse, ...foldersPassedOver] = describeDataFolder(dataFolder)
log.info(folderInUse)
for (const line of foldersPassedOver) log.warn(line)
// Chromium in Electron talks to speech-dispatcher, Linux's speech service, only when asked to; without it the page
// finds no voices and read aloud's Listen button never appears.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher')
declareAppScheme()

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

if (command.kind === 'self-test' && selfTestFolder) {
  for (const line of describeDataFolder(dataFolder)) console.log(line)
  // Without a listener Electron quits with exit code 0 once the test window closes, before the result is known.
  app.on('window-all-closed', () => {})
  app
    .whenReady()
    .then(async () =>
      runSelfTestCommand(
        {
          clinicDataFolder: dataFolder.path,
          temporaryFolder: selfTestFolder,
          bundledContentFolder: bundledContentFolder(),
          logError: (message, error) => log.error(message, error)
        },
        (line) => console.log(line)
      )
    )
    .then(
      (code) => app.exit(code),
      (error: unknown) => {
        console.error(`✗ the self-test could not run: ${error instanceof Error ? error.message : String(error)}`)
        app.exit(1)
      }
    )
} else if (command.kind !== 'none' && command.kind !== 'self-test') {
  // IT's command line: no window. Only the instance holding the lock may change the data files; checking and
  // importing content never touch them, so they neither take the lock nor open the core.
  // IT's script says which data folder it worked on, since each Windows account has its own unless set up otherwise.
  if (needsKioskData(command)) for (const line of describeDataFolder(dataFolder)) console.log(line)
  // The lock file also sees a kiosk or command of another Windows account or of SYSTEM, which the app's lock cannot.
  let dataLock: DataLockOutcome | null = null
  if (needsKioskData(command) && app.requestSingleInstanceLock()) {
    dataLock = takeDataLock(dataFolder.path, command.kind === 'set-pin' ? 'set-pin' : 'export', systemLockProbes())
    if (!dataLock.ok) console.log(dataLock.message)
  }
  const ownsData = dataLock?.ok === true
  app
    .whenReady()
    .then(async () =>
      runCli(
        command,
        () => openCore(ownsData),
        ownsData,
        // A usage error goes to stderr, where IT's script and `start /wait` look for what went wrong.
        command.kind === 'error' ? (line) => console.error(line) : (line) => console.log(line)
      )
    )
    .then(
      (code) => {
        if (dataLock?.ok) dataLock.release()
        app.exit(code)
      },
      (error: unknown) => {
        console.error(error)
        if (dataLock?.ok) dataLock.release()
        app.exit(1)
      }
    )
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  // Developers leave with Ctrl+Shift+Q; the packaged kiosk refuses it (staff mode's "Quit the kiosk" is the way out).
  const developerQuit = app.isPackaged ? null : () => app.quit()
  app.on('web-contents-created', (_event, contents) =>
    lockDownContents(contents, devServerUrl, developerQuit, () => mayClose)
  )
  app.on('window-all-closed', () => app.quit())
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('the kiosk could not start', error)
      app.exit(1)
    })
}

/** The articles that ship with the app: in its resources when packaged, in the repository while developing. */
function bundledContentFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'content') : join(app.getAppPath(), 'content')
}

/**
 * Builds the kiosk's services over its data folder, as both the window and the command line use them; a command
 * run while the kiosk is running (`ownsData` false) keeps no copy of the content there.
 */
function openCore(ownsData = true): Promise<KioskCore> {
  return startKioskCore({
    configFile: join(dataFolder.path, 'config.json'),
    bundledContentFolder: bundledContentFolder(),
    dataFolder: dataFolder.path,
    dataFolderInUse: dataFolder,
    openJsonFile: openElectronStore,
    appVersion: app.getVersion(),
    logError: (message, error) => log.error(message, error),
    drives: () => listRemovableDrives(),
    app: { restart: restartApp, quit: quitApp, pickFolder },
    ownsData
  })
}

async function start(): Promise<void> {
  // Alone in the data folder before anything in it is read or written; an --export of IT's takes seconds.
  const dataLock = await waitForDataLock(dataFolder.path, systemLockProbes(), {
    tries: 60,
    waitMs: 2000,
    sleep: (ms) => new Promise((done) => setTimeout(done, ms))
  })
  if (!dataLock.ok) {
    log.error(dataLock.message)
    app.exit(1)
    return
  }
  process.once('exit', () => dataLock.release())
  const core = await openCore()
  for (const problem of core.configProblems) log.warn(`config: ${problem.key}: ${problem.message}`)
  for (const problem of core.content().problems)
    log.warn(`content: ${problem.file}:${problem.line}: ${problem.message}`)

  for (const recovery of core.feedbackStore.recoveries()) {
    log.warn(`feedback file ${recovery.file} was unreadable and kept as ${recovery.backup}`)
  }

  noteUncaught = (error) => core.errors.record(new Date(), `uncaught: ${error.message}`)
  serveScreen(core, devServerUrl, join(import.meta.dirname, '../renderer'))
  const appUrl = devServerUrl ?? appEntryUrl
  // An author's or IT's own PC (no PIN yet) gets an ordinary window and no auto-start (kiosk/kiosk-setup.ts).
  const staffState = () => ({ hasPin: core.staffAuth.hasPin(), resetRequired: core.staffAuth.resetRequired() })
  const mode = kioskMode(staffState(), core.config.autoStart, app.isPackaged)
  if (!mode.locked)
    log.warn('no staff PIN yet: not set up as a kiosk, so the window can be closed and auto-start waits')
  mayClose = !mode.locked
  const kioskWindow = createKioskWindow({
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    devServerUrl,
    allowDevTools: !app.isPackaged,
    display: core.config.display,
    log: (message) => log.warn(message),
    locked: mode.locked
  })
  const window = kioskWindow.window
  const logScreen = (message: string) => log.warn(message)
  // Supervised before the first load, so a first page that fails to load is retried like any other.
  superviseRenderer(window.webContents, new RecoveryPolicy(), { app: appUrl, frontDesk: frontDeskUrl }, logScreen)
  void loadPage(window.webContents, appUrl, logScreen)
  const setUpAutostart = () =>
    applyAutostart(core.config.autoStart).then(
      (note) => note && log.warn(note),
      (error: unknown) => core.logError('setting up auto-start failed', error)
    )
  // Only a set-up kiosk touches the sign-in entry (to add it, or to remove it when autoStart is off).
  if (mode.locked && app.isPackaged) void setUpAutostart()
  // The first PIN created on screen makes this PC a kiosk at once: locked full screen and started at sign-in.
  core.staffAuth.onPinSet(() => {
    if (kioskWindow.isLocked()) return
    kioskWindow.lockDown()
    mayClose = false
    if (app.isPackaged) void setUpAutostart()
  })

  // The display stays awake only in clinic hours; checked every minute so a clock change is followed too.
  const followClinicHours = () => keepDisplayAwake(isDisplayAwake(new Date(), core.config.clinicHours))
  followClinicHours()
  setInterval(followClinicHours, 60_000)

  // Retention, the scheduled export and the nightly soft restart (a fresh screen sheds any slow leak).
  new BackgroundWork(
    core.staff,
    core.config,
    systemTimers,
    () => new Date(),
    core.logError,
    // Not while staff are working in staff mode; the next night will do. The content is read again first, so a
    // folder that came back (or went away) is followed; the fresh screen takes the newest articles.
    () => {
      if (core.staffAuth.inSession()) return
      core
        .reloadContent()
        .catch((error: unknown) => core.logError('reading the content again at the nightly reload failed', error))
        .finally(() => void loadPage(window.webContents, appUrl, logScreen))
    }
  ).start()
  // A freshly loaded screen never inherits a staff session (a crash reload, the nightly reload).
  window.webContents.on('did-start-loading', () => core.staff.end())
  // The comment scrubber's language library: loaded once the kiosk is up, so the first comment need not wait for it.
  setTimeout(() => {
    commentScrubber
      .warmUp()
      .catch((error: unknown) =>
        core.logError(
          'the comment scrubber could not load its language library; comments are scrubbed more strictly',
          error
        )
      )
  }, scrubberWarmUpMs)
}
