import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { kioskMethods } from '../../src/shared/contract'
import { findElectronBinary, launchArguments, missingBinaryMessage } from './electron-binary'

const binary = findElectronBinary()
const repository = resolve(import.meta.dirname, '../..')

if (binary === null) console.warn(`\n[electron suite skipped] ${missingBinaryMessage}\n`)
test.skip(binary === null, missingBinaryMessage)

// Chromium's sandbox cannot start on Linux as root or without the SUID helper npm does not set up; test launches only.
const sandboxArgs = launchArguments(binary)

let app: ElectronApplication
let page: Page
let dataFolder: string

test.beforeAll(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'))
  // A staff PIN makes this PC a kiosk, whose window is locked; without one it is an ordinary window anyone can close.
  await new Promise((done) =>
    spawn(binary ?? '', [...sandboxArgs, repository, '--set-pin', '482913'], {
      env: { ...process.env, KIOSK_DATA_DIR: dataFolder }
    }).on('exit', done)
  )
  app = await _electron.launch({
    executablePath: binary ?? undefined,
    args: [...sandboxArgs, repository],
    env: { ...process.env, KIOSK_DATA_DIR: dataFolder }
  })
  page = await app.firstWindow()
  // The page arrives with the first screen painted; the app then takes its place.
  await expect(page.locator('[data-first-screen]')).toHaveCount(0)
  await expect(page.getByTestId('article-title')).toBeVisible()
})

test.afterAll(async () => {
  await app?.close()
  await rm(dataFolder, { recursive: true, force: true })
})

test('opens one fullscreen kiosk window on the app page', async () => {
  const state = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => ({
      fullScreen: window.isFullScreen(),
      kiosk: window.isKiosk(),
      url: window.webContents.getURL()
    }))
  )
  expect(state).toEqual([{ fullScreen: true, kiosk: true, url: 'app://kiosk/index.html' }])
})

test('window.kiosk has exactly the methods of the contract, and the page has no Node', async () => {
  const exposed = await page.evaluate(() => ({
    methods: Object.keys((window as unknown as { kiosk: object }).kiosk).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process
  }))
  expect(exposed).toEqual({ methods: Object.keys(kioskMethods).sort(), require: 'undefined', process: 'undefined' })
})

test('app://kiosk/index.html arrives with the first title card in it, under the CSP', async () => {
  const served = await page.evaluate(async () => {
    const response = await fetch('app://kiosk/index.html')
    return { csp: response.headers.get('content-security-policy'), html: await response.text() }
  })
  expect(served.csp).toContain("script-src 'self'")
  expect(served.html).toContain('data-first-screen')
  expect(served.html).toContain('elementtiming="title-card"')
})

test('the articles arrive through IPC', async () => {
  const result = await page.evaluate(() =>
    (window as unknown as { kiosk: { playlist: () => Promise<unknown> } }).kiosk.playlist()
  )
  expect(result).toMatchObject({ ok: true, value: { articles: [{ id: 'baclofen-piriformis-syndrome' }] } })
})

test('navigation to an outside address is blocked', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.org/'
  })
  await page.waitForTimeout(1000)
  expect(page.url()).toBe('app://kiosk/index.html')
})

test('window.open opens nothing', async () => {
  const opened = await page.evaluate(() => window.open('https://example.org/') === null)
  expect(opened).toBe(true)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('permission requests are denied', async () => {
  const state = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)
  expect(state).toBe('denied')
})

test('the page zoom stays at 100%', async () => {
  const limits = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.webContents.getZoomFactor()
  )
  expect(limits).toBe(1)
})

test('a crashed screen is reloaded and shows the articles again', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer())
  await expect
    .poll(
      () =>
        app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows()[0]?.webContents.executeJavaScript(
            "document.querySelector('[data-testid=article-title]')?.textContent ?? ''"
          )
        ),
      { timeout: 20_000 }
    )
    .toContain('Baclofen')
})

test('the window does not close on Alt+F4 or a close request', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('a second launch exits and leaves the first one running', async () => {
  const second = spawn(binary ?? '', [...sandboxArgs, repository], {
    env: { ...process.env, KIOSK_DATA_DIR: dataFolder }
  })
  const code = await new Promise<number | null>((done) => second.on('exit', done))
  expect(code).toBe(0)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})
