import { appendFileSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createContext, runInContext } from 'node:vm'
import { EventEmitter } from 'node:events'
import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A recording stand-in for the `electron` module, for the built main bundle started under Node. It imitates only what
 * the app and its bundled libraries (electron-store, electron-log) call, with Electron's rules where the app relies on
 * them (scheme privileges only before `ready`, protocol handlers only after it, absolute paths only, one handler per
 * IPC channel), records every call in order, and plays the events Electron would send when the test asks.
 */

/** One call the app made, in order, and whether the app was ready then. */
export interface RecordedCall {
  api: string
  args: unknown[]
  ready: boolean
}

/** A display as Electron's screen module describes it. */
export interface StandInDisplay {
  id: number
  label: string
  bounds: { x: number; y: number; width: number; height: number }
  /** As Electron's Display.touchSupport; 'available' unless a test says otherwise. */
  touchSupport?: 'available' | 'unavailable' | 'unknown'
}

/** How a test sets the stand-in up, through environment variables of the child process. */
export interface StandInSettings {
  /** Electron's appData; userData starts as its "Waiting Room Kiosk" folder, as Electron names it after the app. */
  appData: string
  appPath: string
  packaged: boolean
  singleInstanceLockTaken: boolean
  /** Loads of these URLs fail with ERR_FILE_NOT_FOUND, as a missing or unreadable page does. */
  failingUrls: string[]
  displays: StandInDisplay[]
  /** The languages of the voices the page's speechSynthesis lists (Chromium's through speech-dispatcher or SAPI). */
  voices: string[]
  /** Every call is also appended here as a JSON line, so a test sees them after the process has exited. */
  recordFile: string | null
}

const repository = resolve(import.meta.dirname, '../../..')

/** Reads the settings the test passed to the child process. */
export function settingsFromEnvironment(environment: NodeJS.ProcessEnv): StandInSettings {
  return {
    appData: environment['STAND_IN_APP_DATA'] ?? join(repository, 'test-results', 'stand-in-app-data'),
    appPath: repository,
    packaged: environment['STAND_IN_PACKAGED'] === '1',
    singleInstanceLockTaken: environment['STAND_IN_LOCK_TAKEN'] === '1',
    failingUrls: JSON.parse(environment['STAND_IN_FAILING_URLS'] ?? '[]') as string[],
    displays: JSON.parse(
      environment['STAND_IN_DISPLAYS'] ??
        '[{"id":1,"label":"Built-in","bounds":{"x":0,"y":0,"width":1920,"height":1080},"touchSupport":"available"}]'
    ) as StandInDisplay[],
    voices: JSON.parse(environment['STAND_IN_VOICES'] ?? '["en-US","es-ES"]') as string[],
    recordFile: environment['STAND_IN_RECORD_FILE'] ?? null
  }
}

/** Makes arguments safe to send to the test: functions and Electron objects become short descriptions. */
function describeValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '<function>'
  if (value instanceof StandInWebContents) return `<webContents ${value.id}>`
  if (value instanceof StandInWindow) return `<window ${value.id}>`
  if (value === null || typeof value !== 'object') return value
  if (depth > 4) return '<deep>'
  if (Array.isArray(value)) return value.map((item) => describeValue(item, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, describeValue(item, depth + 1)]))
}

/** The error Electron rejects a failed load with. */
function loadError(code: number, name: string, url: string): Error {
  return Object.assign(new Error(`${name} (${code}) loading '${url}'`), { errno: code, code: name, url })
}

let nextId = 1

class StandInWebContents extends EventEmitter {
  readonly id = nextId++
  url = ''
  #pending: { abort: () => void } | null = null

  constructor(private readonly standIn: ElectronStandIn) {
    super()
  }

  /** Starts a load that finishes on a later turn, supersedes any load still under way, and fails for failing URLs. */
  loadURL(url: string): Promise<void> {
    this.standIn.record('webContents.loadURL', [url])
    this.#pending?.abort()
    this.emit('did-start-loading')
    return new Promise((done, failed) => {
      const pending = {
        abort: () => {
          this.#pending = null
          this.emit('did-fail-load', {}, -3, 'ERR_ABORTED', url, true)
          failed(loadError(-3, 'ERR_ABORTED', url))
        }
      }
      this.#pending = pending
      setImmediate(() => {
        if (this.#pending !== pending) return
        this.#pending = null
        if (this.standIn.settings.failingUrls.includes(url)) {
          this.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', url, true)
          failed(loadError(-6, 'ERR_FILE_NOT_FOUND', url))
          return
        }
        this.url = url
        this.emit('did-finish-load')
        done()
      })
    })
  }

  getURL(): string {
    return this.url
  }

  #page: Record<string, unknown> | null = null

  /**
   * Runs a script in the page as Electron does, and answers with its (awaited) result as a structured copy. No page
   * runs here, so the "page" is the real built preload run in its own context, its `ipcRenderer.invoke` going to the
   * registered `ipcMain.handle` with this page's URL as the sender frame, plus `speechSynthesis` listing the voices of
   * the settings. A page not loaded yet has no window.kiosk, as in Electron before the preload ran.
   */
  async executeJavaScript(code: string): Promise<unknown> {
    this.standIn.record('webContents.executeJavaScript', [code])
    if (!this.url) throw new Error('Script failed to execute: no page is loaded')
    this.#page ??= this.#pageContext()
    const result: unknown = await (runInContext(code, this.#page) as Promise<unknown>)
    return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown)
  }

  #pageContext(): Record<string, unknown> {
    const preload = (this.standIn.windowOf(this)?.options['webPreferences'] as { preload?: string } | undefined)
      ?.preload
    const page: Record<string, unknown> = {
      setTimeout,
      speechSynthesis: {
        getVoices: () => this.standIn.settings.voices.map((lang) => ({ lang, name: `stand-in ${lang}` })),
        addEventListener: () => {}
      }
    }
    page['window'] = page
    const context = createContext(page)
    if (preload) {
      const electron = {
        contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (page[key] = api) },
        ipcRenderer: {
          invoke: async (channel: string, payload: unknown) => {
            const handler = this.standIn.ipcHandlers.get(channel)
            if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`)
            return handler({ senderFrame: { url: this.url }, sender: this }, payload)
          }
        }
      }
      const source = readFileSync(preload, 'utf8')
      const run = runInContext(`(function (require) { ${source}\n})`, context) as (require: unknown) => void
      run((name: string) => {
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`)
        return electron
      })
    }
    return context
  }
  setWindowOpenHandler(handler: unknown): void {
    this.standIn.record('webContents.setWindowOpenHandler', [handler])
  }
  async setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void> {
    this.standIn.record('webContents.setVisualZoomLevelLimits', [minimum, maximum])
  }
  forcefullyCrashRenderer(): void {
    this.standIn.record('webContents.forcefullyCrashRenderer', [])
  }
  isDestroyed(): boolean {
    return false
  }
  isCrashed(): boolean {
    return false
  }
  send(channel: string): void {
    this.standIn.record('webContents.send', [channel])
  }
}

class StandInWindow extends EventEmitter {
  readonly id = nextId++
  readonly webContents: StandInWebContents
  bounds: StandInDisplay['bounds']

  constructor(
    private readonly standIn: ElectronStandIn,
    readonly options: Record<string, unknown>
  ) {
    super()
    standIn.record('new BrowserWindow', [options])
    if (!standIn.ready) throw new Error('Cannot create BrowserWindow before app is ready')
    const primary = standIn.settings.displays[0]?.bounds ?? { x: 0, y: 0, width: 800, height: 600 }
    this.bounds = {
      x: (options['x'] as number | undefined) ?? primary.x,
      y: (options['y'] as number | undefined) ?? primary.y,
      width: (options['width'] as number | undefined) ?? primary.width,
      height: (options['height'] as number | undefined) ?? primary.height
    }
    this.webContents = new StandInWebContents(standIn)
    standIn.windows.push(this)
    standIn.app.emit('web-contents-created', {}, this.webContents)
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show'))
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  getBounds(): StandInDisplay['bounds'] {
    return { ...this.bounds }
  }
  setBounds(bounds: StandInDisplay['bounds']): void {
    this.standIn.record('window.setBounds', [bounds])
    this.bounds = { ...bounds }
  }
  setKiosk(on: boolean): void {
    this.standIn.record('window.setKiosk', [on])
  }
  setTitle(title: string): void {
    this.standIn.record('window.setTitle', [title])
  }
  removeMenu(): void {}
  show(): void {
    this.standIn.record('window.show', [])
  }
  isMinimized(): boolean {
    return false
  }
  #destroyed = false
  isDestroyed(): boolean {
    return this.#destroyed
  }
  /** Destroys the window at once, as Electron does; a dialog it parents stays open (as on Windows). */
  destroy(): void {
    this.standIn.record('window.destroy', [`<window ${this.id}>`])
    this.#destroyed = true
    this.standIn.windows.splice(this.standIn.windows.indexOf(this), 1)
    this.emit('closed')
    // Electron's default when the last window goes and nobody listens for window-all-closed: the app quits.
    if (this.standIn.windows.length === 0) {
      if (this.standIn.app.listenerCount('window-all-closed') > 0) this.standIn.app.emit('window-all-closed')
      else (this.standIn.app as unknown as { quit: () => void }).quit()
    }
  }
  moveTop(): void {
    this.standIn.record('window.moveTop', [`<window ${this.id}>`])
  }
  restore(): void {
    this.standIn.record('window.restore', [])
  }
  focus(): void {
    this.standIn.record('window.focus', [])
  }
}

/** The stand-in itself: one per process, shared by `import` and `require` of 'electron'. */
export class ElectronStandIn {
  readonly calls: RecordedCall[] = []
  readonly windows: StandInWindow[] = []
  /** Open dialogs, oldest first, waiting for the test to answer them. */
  readonly openDialogs: Array<(answer: { canceled: boolean; filePaths: string[] }) => void> = []
  readonly ipcHandlers = new Map<string, (event: unknown, payload: unknown) => unknown>()
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>()
  requestFilter: ((details: { url: string }, callback: (answer: { cancel?: boolean }) => void) => void) | null = null
  ready = false
  readonly #paths: Map<string, string>
  #markReady: () => void = () => {}
  readonly #whenReady: Promise<void>

  readonly app: EventEmitter
  readonly BrowserWindow: unknown
  readonly protocol: Record<string, unknown>
  readonly net: Record<string, unknown>
  readonly ipcMain: EventEmitter
  readonly session: Record<string, unknown>
  readonly screen: EventEmitter
  readonly powerSaveBlocker: Record<string, unknown>
  readonly dialog: Record<string, unknown>
  readonly shell: Record<string, unknown>
  readonly webContents: Record<string, unknown>

  constructor(readonly settings: StandInSettings) {
    this.#paths = new Map([
      ['appData', settings.appData],
      ['userData', join(settings.appData, 'Waiting Room Kiosk')],
      ['home', resolve(settings.appData, '..')],
      ['temp', resolve(settings.appData, '..')]
    ])
    this.#whenReady = new Promise((done) => (this.#markReady = done))
    // The module's functions are called detached (electron-store destructures `app`), so they close over the stand-in.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const standIn = this
    const record =
      (api: string) =>
      (...args: unknown[]) =>
        standIn.record(api, args)

    this.app = Object.assign(new EventEmitter(), {
      name: 'Waiting Room Kiosk',
      isPackaged: settings.packaged,
      commandLine: {
        appendSwitch: record('app.commandLine.appendSwitch'),
        appendArgument: record('app.commandLine.appendArgument'),
        hasSwitch: () => false,
        getSwitchValue: () => ''
      },
      getName: () => 'Waiting Room Kiosk',
      getVersion: () => '0.1.0',
      getAppPath: () => settings.appPath,
      getPath: (name: string) => {
        standIn.record('app.getPath', [name])
        const path = standIn.#paths.get(name)
        if (!path) throw new Error(`Failed to get '${name}' path`)
        return path
      },
      setPath: (name: string, path: string) => {
        standIn.record('app.setPath', [name, path])
        // Electron refuses a relative path, and throws.
        if (!isAbsolute(path)) throw new Error(`Path must be absolute: ${path}`)
        standIn.#paths.set(name, path)
      },
      requestSingleInstanceLock: () => {
        standIn.record('app.requestSingleInstanceLock', [])
        return !settings.singleInstanceLockTaken
      },
      isReady: () => standIn.ready,
      whenReady: () => standIn.#whenReady,
      quit: () => {
        standIn.record('app.quit', [])
        standIn.app.emit('before-quit', { preventDefault: () => {} })
        setImmediate(() => process.exit(0))
      },
      exit: (code = 0) => {
        standIn.record('app.exit', [code])
        process.exit(code)
      },
      relaunch: record('app.relaunch'),
      setLoginItemSettings: record('app.setLoginItemSettings')
    })

    this.BrowserWindow = Object.assign(
      function BrowserWindow(options: Record<string, unknown>) {
        return new StandInWindow(standIn, options)
      },
      { getAllWindows: () => [...standIn.windows] }
    )

    this.protocol = {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        standIn.record('protocol.registerSchemesAsPrivileged', [schemes])
        if (standIn.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        standIn.record('protocol.handle', [scheme, handler])
        if (!standIn.ready) throw new Error('The protocol module can only be used after the app is ready')
        standIn.protocolHandlers.set(scheme, handler)
      }
    }

    // Electron's net.fetch reads file: URLs; this one does too, but sends no Content-Type, so the app must set it.
    this.net = {
      fetch: async (url: string) => {
        standIn.record('net.fetch', [url])
        // A scheme registered with protocol.handle is answered by its handler, as Electron's net.fetch does.
        const handler = standIn.protocolHandlers.get(url.split(':')[0] ?? '')
        if (handler) return handler(new Request(url))
        if (!url.startsWith('file:')) throw new Error(`the stand-in fetches only file: URLs, not ${url}`)
        try {
          return new Response(await readFile(fileURLToPath(url)), { status: 200 })
        } catch {
          return new Response('', { status: 404 })
        }
      }
    }

    this.ipcMain = Object.assign(new EventEmitter(), {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => {
        standIn.record('ipcMain.handle', [channel])
        if (standIn.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        standIn.ipcHandlers.set(channel, handler)
      },
      removeHandler: (channel: string) => {
        standIn.record('ipcMain.removeHandler', [channel])
        standIn.ipcHandlers.delete(channel)
      }
    })
    const ipcOn = this.ipcMain.on.bind(this.ipcMain)
    this.ipcMain.on = (channel: string, listener: (...args: unknown[]) => void) => {
      standIn.record('ipcMain.on', [channel])
      return ipcOn(channel, listener)
    }

    const defaultSession = {
      setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
      setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
      setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
      setPreloads: record('session.setPreloads'),
      getPreloads: () => [],
      registerPreloadScript: record('session.registerPreloadScript'),
      webRequest: {
        onBeforeRequest: (filter: typeof standIn.requestFilter) => {
          standIn.record('session.webRequest.onBeforeRequest', [filter])
          standIn.requestFilter = filter
        }
      }
    }
    this.session = { defaultSession }

    this.screen = Object.assign(new EventEmitter(), {
      getPrimaryDisplay: () => settings.displays[0],
      getAllDisplays: () => [...settings.displays],
      getDisplayMatching: (rectangle: StandInDisplay['bounds']) => displayMatching(settings.displays, rectangle)
    })

    let blockers = 0
    this.powerSaveBlocker = {
      start: (type: string) => {
        standIn.record('powerSaveBlocker.start', [type])
        return ++blockers
      },
      stop: record('powerSaveBlocker.stop')
    }
    this.dialog = {
      // Stays open until the test answers it (command 'answer-dialog'), whatever happens to its parent window.
      showOpenDialog: (...args: unknown[]) => {
        standIn.record('dialog.showOpenDialog', args)
        return new Promise((done) => standIn.openDialogs.push(done))
      },
      showErrorBox: record('dialog.showErrorBox')
    }
    this.shell = { openExternal: record('shell.openExternal'), openPath: async () => '' }
    this.webContents = { getAllWebContents: () => standIn.windows.map((window) => window.webContents) }
  }

  /** Notes a call; with a record file, also writes it there at once, so it survives an exit. */
  record(api: string, args: unknown[]): void {
    const call = { api, args: describeValue(args) as unknown[], ready: this.ready }
    this.calls.push(call)
    if (this.settings.recordFile) appendFileSync(this.settings.recordFile, `${JSON.stringify(call)}\n`)
  }

  /** Emits `ready` as Electron does once the main script has run: whenReady resolves, then `ready` fires. */
  becomeReady(): void {
    if (this.ready) return
    this.record('(ready)', [])
    this.ready = true
    this.#markReady()
    this.app.emit('ready', {}, {})
  }

  /** The window a web contents belongs to. */
  windowOf(contents: StandInWebContents): StandInWindow | undefined {
    return this.windows.find((window) => window.webContents === contents)
  }

  /** The kiosk window, once there is one. */
  window(): StandInWindow | undefined {
    return this.windows[0]
  }

  /** The module as `import electron from 'electron'` and `require('electron')` see it. */
  module(): Record<string, unknown> {
    return {
      app: this.app,
      BrowserWindow: this.BrowserWindow,
      protocol: this.protocol,
      net: this.net,
      ipcMain: this.ipcMain,
      session: this.session,
      screen: this.screen,
      powerSaveBlocker: this.powerSaveBlocker,
      dialog: this.dialog,
      shell: this.shell,
      webContents: this.webContents
    }
  }
}

/** The display a rectangle overlaps most, as Electron's screen.getDisplayMatching answers. */
function displayMatching(displays: StandInDisplay[], rectangle: StandInDisplay['bounds']): StandInDisplay | undefined {
  const overlap = (display: StandInDisplay) => {
    const { bounds } = display
    const width = Math.min(bounds.x + bounds.width, rectangle.x + rectangle.width) - Math.max(bounds.x, rectangle.x)
    const height = Math.min(bounds.y + bounds.height, rectangle.y + rectangle.height) - Math.max(bounds.y, rectangle.y)
    return Math.max(0, width) * Math.max(0, height)
  }
  return [...displays].sort((a, b) => overlap(b) - overlap(a))[0]
}
