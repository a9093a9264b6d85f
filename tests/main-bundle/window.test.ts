import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels } from '../../src/shared/contract'
import { contentSecurityPolicy } from '../../src/shared/csp'
import type { RecordedCall } from './stand-in/electron'
import { setUpAsKiosk, startMain, waitForCalls, type MainProcess } from './main-process'

const repository = resolve(import.meta.dirname, '../..')
const contentFolder = join(repository, 'tests/fixtures/content/playlist')

interface Fetched {
  status: number
  headers: Record<string, string>
  text: string | null
  bytes: number
}

let main: MainProcess
let calls: RecordedCall[]
let dataFolder: string

const indexOf = (api: string, matches: (call: RecordedCall) => boolean = () => true) =>
  calls.findIndex((call) => call.api === api && matches(call))
const fetchApp = (url: string) => main.send<Fetched>({ command: 'fetch', url })

beforeAll(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-data-'))
  await writeFile(join(dataFolder, 'config.json'), JSON.stringify({ contentFolder }))
  // A PIN makes this PC a kiosk, whose window is locked down (kiosk-setup.test.ts covers a PC without one).
  await setUpAsKiosk(dataFolder)
  main = await startMain({ environment: { KIOSK_DATA_DIR: dataFolder } })
  calls = await waitForCalls(main, (all) => all.some((call) => call.api === 'webContents.loadURL'), 'the window')
})

afterAll(async () => {
  await main?.stop()
  await rm(dataFolder, { recursive: true, force: true })
})

describe('start-up order of the built main bundle', () => {
  it('sets the data folder and declares the app scheme before ready, and opens the window only after it', () => {
    const ready = indexOf('(ready)')
    expect(ready).toBeGreaterThan(-1)
    const setData = indexOf('app.setPath', (call) => call.args[0] === 'userData')
    expect(setData).toBeGreaterThan(-1)
    expect(calls[setData]?.args[1]).toBe(dataFolder)
    expect(setData).toBeLessThan(ready)
    // Nothing read userData before it was set.
    expect(indexOf('app.getPath', (call) => call.args[0] === 'userData')).toBeGreaterThan(setData)

    const scheme = indexOf('protocol.registerSchemesAsPrivileged')
    expect(scheme).toBeLessThan(ready)
    expect(calls[scheme]?.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ])
    expect(indexOf('app.requestSingleInstanceLock')).toBeLessThan(ready)

    expect(indexOf('protocol.handle')).toBeGreaterThan(ready)
    expect(indexOf('new BrowserWindow')).toBeGreaterThan(ready)
    expect(indexOf('webContents.loadURL')).toBeGreaterThan(indexOf('protocol.handle'))
    expect(calls.filter((call) => call.api === 'new BrowserWindow')).toHaveLength(1)
    expect(calls.find((call) => call.api === 'webContents.loadURL')?.args).toEqual(['app://kiosk/index.html'])
  })

  it('logs the data folder in use, and why, into that folder once logging exists', async () => {
    const logFile = join(dataFolder, 'logs', 'main.log')
    await expect
      .poll(() => readFile(logFile, 'utf8').catch(() => ''))
      .toContain(`Data folder: ${dataFolder} (set by KIOSK_DATA_DIR)`)
  })

  it('asks Chromium to talk to speech-dispatcher on Linux, before ready, so read aloud finds voices', () => {
    const speech = indexOf('app.commandLine.appendSwitch', (call) => call.args[0] === 'enable-speech-dispatcher')
    if (process.platform === 'linux') {
      expect(speech).toBeGreaterThan(-1)
      expect(speech).toBeLessThan(indexOf('(ready)'))
    } else {
      expect(speech).toBe(-1)
    }
  })

  it('opens a sandboxed, isolated window whose one preload is the kiosk bridge; the session gets no other', () => {
    const window = calls.find((call) => call.api === 'new BrowserWindow')?.args[0] as {
      webPreferences: Record<string, unknown>
    }
    expect(window.webPreferences).toMatchObject({
      preload: join(repository, 'out/preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false
    })
    // electron-log's initialize() used to add its own preload (window.__electronLog) to the session.
    expect(
      calls.filter((call) => call.api === 'session.setPreloads' || call.api === 'session.registerPreloadScript')
    ).toEqual([])
  })
})

describe('app://kiosk served by the registered protocol handler', () => {
  it('sends index.html with the first screen in it, under the CSP', async () => {
    const page = await fetchApp('app://kiosk/index.html')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.text).toContain('data-first-screen')
    expect(page.text).toContain('Drinking Enough Water')
  })

  it.each([
    'app://kiosk/../../package.json',
    'app://kiosk/%2e%2e/%2e%2e/package.json',
    'app://kiosk/assets/..%2f..%2f..%2fpackage.json',
    'app://kiosk/content/..%2f..%2f..%2f..%2fpackage.json',
    'app://kiosk/content/en/drinking-water.md',
    'app://kiosk/%00index.html',
    'app://elsewhere/index.html',
    'app://kiosk/no-such-file.js'
  ])('refuses %s', async (url) => {
    const response = await fetchApp(url)
    expect(response.status).toBe(404)
    expect(response.text ?? '').not.toContain('"name"')
  })

  it('sends every file with its MIME type and the CSP', async () => {
    const assets = await readdir(join(repository, 'out/renderer/assets'))
    const expected: Record<string, string> = {
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.woff2': 'font/woff2',
      '.woff': 'font/woff'
    }
    for (const extension of Object.keys(expected)) {
      const asset = assets.find((file) => extname(file) === extension)
      expect(asset, extension).toBeDefined()
      const response = await fetchApp(`app://kiosk/assets/${asset}`)
      expect(response.status, asset).toBe(200)
      expect(response.headers['content-type'], asset).toBe(expected[extension])
      expect(response.headers['content-security-policy'], asset).toBe(contentSecurityPolicy)
      expect(response.bytes, asset).toBeGreaterThan(0)
    }
    const frontDesk = await fetchApp('app://kiosk/front-desk.html')
    expect(frontDesk.headers['content-type']).toBe('text/html; charset=utf-8')
    const picture = await fetchApp('app://kiosk/content/en/images/hands.svg')
    expect(picture.status).toBe(200)
    expect(picture.headers['content-type']).toBe('image/svg+xml')
  })
})

describe('IPC registered by the built main bundle', () => {
  it('answers the app page, and refuses a message from any other origin', async () => {
    const answer = await main.send({
      command: 'invoke',
      channel: 'content:playlist',
      senderUrl: 'app://kiosk/index.html'
    })
    expect(answer).toMatchObject({ ok: true, value: { articles: [{ id: 'drinking-water' }, { id: 'hand-washing' }] } })
    for (const senderUrl of ['https://evil.example/', 'file:///etc/passwd', 'app://elsewhere/index.html', undefined]) {
      const refused = await main.send({ command: 'invoke', channel: 'content:playlist', senderUrl })
      expect(refused, String(senderUrl)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    }
  })

  it('registers every contract channel with ipcMain.handle, and no other channel at all', async () => {
    const ipc = await main.send<{ handlers: string[]; listeners: string[] }>({ command: 'ipc' })
    expect([...ipc.handlers].sort()).toEqual([...channels].sort())
    // electron-log and electron-store open channels of their own for renderers that use them; this one does not.
    expect(ipc.listeners).toEqual([])
  })
})

describe('the window kept on the app', () => {
  it('prevents navigation away from the app and cancels every request outside it', async () => {
    const away = await main.send<{ prevented: boolean }>({
      command: 'emit',
      target: 'webContents',
      event: 'will-navigate',
      args: ['https://example.org/']
    })
    expect(away.prevented).toBe(true)
    const home = await main.send<{ prevented: boolean }>({
      command: 'emit',
      target: 'webContents',
      event: 'will-navigate',
      args: ['app://kiosk/index.html']
    })
    expect(home.prevented).toBe(false)
    expect(await main.send({ command: 'request', url: 'https://example.org/tracker.js' })).toBe(false)
    expect(await main.send({ command: 'request', url: 'app://kiosk/assets/x.js' })).toBe(true)
  })

  it('refuses the keys that would close or reload the kiosk', async () => {
    for (const input of [
      { type: 'keyDown', key: 'F4', alt: true, control: false, meta: false, shift: false },
      { type: 'keyDown', key: 'q', alt: false, control: true, meta: false, shift: false },
      { type: 'keyDown', key: 'F5', alt: false, control: false, meta: false, shift: false }
    ]) {
      const answer = await main.send<{ prevented: boolean }>({
        command: 'emit',
        target: 'webContents',
        event: 'before-input-event',
        args: [input]
      })
      expect(answer.prevented, input.key).toBe(true)
    }
  })

  it('brings the window forward when the kiosk is started a second time', async () => {
    await main.send({ command: 'emit', target: 'app', event: 'second-instance', args: [[], repository] })
    const after = await main.calls()
    expect(after.some((call) => call.api === 'window.focus')).toBe(true)
    expect(after.filter((call) => call.api === 'new BrowserWindow')).toHaveLength(1)
  })
})
