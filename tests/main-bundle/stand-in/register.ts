import { createRequire, register } from 'node:module'
import { ElectronStandIn, settingsFromEnvironment, type StandInDisplay } from './electron'
import { holdLongTimers } from './held-timers'

/**
 * Loaded with `node --import` before the built main bundle: puts the Electron stand-in in place of the `electron`
 * module (for `import` through resolve-electron.ts, for the `require` of CommonJS libraries such as electron-log
 * through the CommonJS resolver), holds long timers back, and answers the test's commands over the fork channel.
 */
const standIn = new ElectronStandIn(settingsFromEnvironment(process.env))
// What Electron's main process says about itself, and what libraries check to know they run in Electron.
Object.defineProperty(process.versions, 'electron', { value: '45.4.1', enumerable: true })
Object.assign(process, { type: 'browser' })
// A packaged app finds its bundled content in its resources folder; here that is the repository.
if (standIn.settings.packaged) Object.assign(process, { resourcesPath: standIn.settings.appPath })
;(globalThis as { __electronStandIn?: ElectronStandIn }).__electronStandIn = standIn
register('./resolve-electron.ts', { parentURL: import.meta.url, data: { names: Object.keys(standIn.module()) } })

// CommonJS: Node 20 has no synchronous resolve hook, so the resolver is wrapped and the answer put in its cache.
const cjs = createRequire(import.meta.url)('node:module') as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string
  _cache: Record<string, unknown>
}
const resolveFilename = cjs._resolveFilename
cjs._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'electron' ? 'stand-in:electron' : resolveFilename.call(this, request, ...rest)
}
cjs._cache['stand-in:electron'] = {
  id: 'stand-in:electron',
  filename: 'stand-in:electron',
  loaded: true,
  exports: standIn.module(),
  children: [],
  paths: []
}

const timers = holdLongTimers()
const problems: string[] = []
process.on('unhandledRejection', (reason) => problems.push(`unhandled rejection: ${String(reason)}`))
process.on('uncaughtExceptionMonitor', (error) => problems.push(`uncaught exception: ${String(error)}`))

/** What the test can ask of the stand-in. */
export type Command =
  | { command: 'calls' }
  | { command: 'problems' }
  | { command: 'fetch'; url: string }
  | { command: 'invoke'; channel: string; payload?: unknown; senderUrl?: string }
  | {
      command: 'emit'
      target: 'app' | 'webContents' | 'screen' | 'window'
      event: string
      args?: unknown[]
      times?: number
    }
  | { command: 'ipc' }
  | { command: 'request'; url: string }
  | { command: 'advance'; milliseconds: number }
  | { command: 'timers' }
  | { command: 'fail-loads'; urls: string[] }
  | { command: 'displays'; displays: StandInDisplay[] }
  | { command: 'window' }
  | { command: 'move-window'; bounds: StandInDisplay['bounds'] }
  | { command: 'answer-dialog'; path: string | null }

const textTypes = /^(text\/|application\/json|image\/svg)/

async function answer(message: Command): Promise<unknown> {
  switch (message.command) {
    case 'calls':
      return standIn.calls
    case 'problems':
      return problems
    case 'fetch': {
      const handler = standIn.protocolHandlers.get(new URL(message.url).protocol.replace(/:$/, ''))
      if (!handler) throw new Error(`no protocol handler for ${message.url}`)
      const response = await handler(new Request(message.url))
      const headers = Object.fromEntries(response.headers.entries())
      const bytes = new Uint8Array(await response.arrayBuffer())
      const text = textTypes.test(headers['content-type'] ?? '') ? new TextDecoder().decode(bytes) : null
      return { status: response.status, headers, text, bytes: bytes.length }
    }
    case 'invoke': {
      const handler = standIn.ipcHandlers.get(message.channel)
      if (!handler) throw new Error(`no IPC handler for ${message.channel}`)
      const senderFrame = message.senderUrl === undefined ? null : { url: message.senderUrl }
      return await handler({ senderFrame, sender: standIn.window()?.webContents }, message.payload)
    }
    case 'emit': {
      const target =
        message.target === 'app'
          ? standIn.app
          : message.target === 'screen'
            ? standIn.screen
            : message.target === 'window'
              ? standIn.window()
              : standIn.window()?.webContents
      if (!target) throw new Error(`nothing to emit ${message.event} on`)
      let prevented = false
      const event = { preventDefault: () => (prevented = true), sender: standIn.window()?.webContents }
      // Several at once, in one turn, as a burst of crashes arrives.
      for (let time = 0; time < (message.times ?? 1); time += 1)
        target.emit(message.event, event, ...(message.args ?? []))
      return { prevented }
    }
    case 'ipc': {
      const listeners = standIn.ipcMain.eventNames().map(String)
      return { handlers: [...standIn.ipcHandlers.keys()], listeners }
    }
    case 'request': {
      const filter = standIn.requestFilter
      if (!filter) throw new Error('no request filter')
      return await new Promise((done) => filter({ url: message.url }, (result) => done(!result.cancel)))
    }
    case 'advance':
      timers.advance(message.milliseconds)
      return null
    case 'timers':
      return timers.pending()
    case 'fail-loads':
      standIn.settings.failingUrls.splice(0, Infinity, ...message.urls)
      return null
    case 'displays':
      standIn.settings.displays.splice(0, Infinity, ...message.displays)
      return null
    case 'move-window': {
      const window = standIn.window()
      if (!window) throw new Error('no window to move')
      window.bounds = { ...message.bounds }
      return null
    }
    case 'answer-dialog': {
      const answer = standIn.openDialogs.shift()
      if (!answer) throw new Error('no dialog is open')
      answer(message.path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [message.path] })
      return null
    }
    case 'window': {
      const window = standIn.window()
      return window ? { bounds: window.getBounds(), url: window.webContents.getURL() } : null
    }
  }
}

process.on('message', (message: Command & { id: number }) => {
  answer(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value }),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: String(error) })
  )
})
