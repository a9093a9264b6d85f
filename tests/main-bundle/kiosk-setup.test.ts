import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { codeInSetupText, setupCodeFileName } from '../../src/main/staff/setup-code'
import type { RecordedCall } from './stand-in/electron'
import { setUpAsKiosk, startMain, waitForCalls, type MainProcess } from './main-process'

let dataFolder: string
const started: MainProcess[] = []

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-setup-data-'))
})

afterEach(async () => {
  for (const main of started.splice(0)) await main.stop()
  await rm(dataFolder, { recursive: true, force: true })
})

const altF4 = { type: 'keyDown', key: 'F4', alt: true, control: false, meta: false, shift: false }
const windowOptions = (calls: RecordedCall[]) =>
  calls.find((call) => call.api === 'new BrowserWindow')?.args[0] as Record<string, unknown>
const autostartEntry = (main: MainProcess) => join(main.folder, 'config', 'autostart', 'waiting-room-kiosk.desktop')
/** Whether auto-start was registered: a login item on Windows and macOS, the XDG entry on Linux. */
const autostartApplied = (main: MainProcess, calls: RecordedCall[]) =>
  process.platform === 'linux'
    ? existsSync(autostartEntry(main))
    : calls.some((call) => call.api === 'app.setLoginItemSettings')

async function startKiosk(): Promise<{ main: MainProcess; calls: RecordedCall[] }> {
  const main = await startMain({ packaged: true, environment: { KIOSK_DATA_DIR: dataFolder } })
  started.push(main)
  const calls = await waitForCalls(main, (all) => all.some((call) => call.api === 'webContents.loadURL'), 'the window')
  return { main, calls }
}

describe('a PC never set up as a kiosk (no staff PIN yet)', () => {
  it('opens an ordinary window its user can close, with Alt+F4 or the close button, and registers no auto-start', async () => {
    const { main, calls } = await startKiosk()
    expect(windowOptions(calls)).toMatchObject({ kiosk: false, fullscreen: false, closable: true })
    expect(String(windowOptions(calls)['title'])).toContain('close this window to leave')
    const close = await main.send<{ prevented: boolean }>({ command: 'emit', target: 'window', event: 'close' })
    expect(close.prevented).toBe(false)
    const key = await main.send<{ prevented: boolean }>({
      command: 'emit',
      target: 'webContents',
      event: 'before-input-event',
      args: [altF4]
    })
    expect(key.prevented).toBe(false)
    // Reload stays refused: only the way out is opened.
    const reload = await main.send<{ prevented: boolean }>({
      command: 'emit',
      target: 'webContents',
      event: 'before-input-event',
      args: [{ ...altF4, key: 'F5', alt: false }]
    })
    expect(reload.prevented).toBe(true)
    // Give a late auto-start a moment to show itself before saying it never came.
    await new Promise((done) => setTimeout(done, 300))
    const after = await main.calls()
    expect(after.some((call) => call.api === 'app.setLoginItemSettings')).toBe(false)
    expect(existsSync(autostartEntry(main))).toBe(false)
  })

  it('locks down and registers auto-start as soon as the first PIN is created on screen, without a restart', async () => {
    const { main } = await startKiosk()
    const setupCode = codeInSetupText(await readFile(join(dataFolder, setupCodeFileName), 'utf8'))
    const answer = await main.send({
      command: 'invoke',
      channel: 'staff:create-pin',
      senderUrl: 'app://kiosk/index.html',
      payload: { setupCode, pin: '482913', confirmation: '482913' }
    })
    expect(answer).toMatchObject({ ok: true })
    const calls = await waitForCalls(
      main,
      (all) =>
        all.some((call) => call.api === 'window.setKiosk' && call.args[0] === true) && autostartApplied(main, all),
      'the lock-down and auto-start'
    )
    expect(calls.some((call) => call.api === 'window.setTitle')).toBe(true)
    const close = await main.send<{ prevented: boolean }>({ command: 'emit', target: 'window', event: 'close' })
    expect(close.prevented).toBe(true)
    const key = await main.send<{ prevented: boolean }>({
      command: 'emit',
      target: 'webContents',
      event: 'before-input-event',
      args: [altF4]
    })
    expect(key.prevented).toBe(true)
  })
})

describe('a PC set up as a kiosk (a PIN set with --set-pin before)', () => {
  it('opens the locked full-screen kiosk that refuses to close, and registers auto-start', async () => {
    await setUpAsKiosk(dataFolder)
    const { main, calls } = await startKiosk()
    expect(windowOptions(calls)).toMatchObject({ kiosk: true, fullscreen: true, title: 'Waiting Room Kiosk' })
    await waitForCalls(main, (all) => autostartApplied(main, all), 'the auto-start entry')
    const close = await main.send<{ prevented: boolean }>({ command: 'emit', target: 'window', event: 'close' })
    expect(close.prevented).toBe(true)
    const key = await main.send<{ prevented: boolean }>({
      command: 'emit',
      target: 'webContents',
      event: 'before-input-event',
      args: [altF4]
    })
    expect(key.prevented).toBe(true)
  })
})
