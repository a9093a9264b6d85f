import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMain, waitForCalls, type MainProcess } from './main-process'
import type { RecordedCall } from './stand-in/electron'

let dataFolder: string
const started: MainProcess[] = []
const sender = 'app://kiosk/index.html'

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-picker-data-'))
})

afterEach(async () => {
  for (const main of started.splice(0)) await main.stop()
  await rm(dataFolder, { recursive: true, force: true })
})

/** As waitForCalls, with more patience: two starts of the bundle on a busy machine can take longer than its 10 s. */
async function patiently(main: MainProcess, check: (calls: RecordedCall[]) => boolean, what: string) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await waitForCalls(main, check, what)
    } catch (error) {
      if (attempt === 5 || !String(error).includes('timed out')) throw error
    }
  }
}

/** The kiosk with a PIN set by IT's command line, in a staff session opened through its own IPC. */
async function kioskInStaffMode(): Promise<MainProcess> {
  const setPin = await startMain({ args: ['--set-pin', '482913'], environment: { KIOSK_DATA_DIR: dataFolder } })
  started.push(setPin)
  expect(await setPin.exited).toBe(0)
  const kiosk = await startMain({ environment: { KIOSK_DATA_DIR: dataFolder } })
  started.push(kiosk)
  await patiently(kiosk, (calls) => calls.some((call) => call.api === 'webContents.loadURL'), 'the window')
  const unlocked = await kiosk.send({
    command: 'invoke',
    channel: 'staff:unlock',
    senderUrl: sender,
    payload: { pin: '482913' }
  })
  expect(unlocked).toMatchObject({ ok: true, value: { unlocked: true } })
  return kiosk
}

// Two starts of the bundle and a scrypt hash each: roomy on a busy machine, no timing asserted.
describe('the folder picker of the built main bundle', { timeout: 90_000 }, () => {
  it('opens on a parent of its own, and when the screen reloads that parent goes and its late answer is ignored', async () => {
    const kiosk = await kioskInStaffMode()
    const picked = kiosk.send({ command: 'invoke', channel: 'staff:pick-folder', senderUrl: sender })
    const calls = await patiently(
      kiosk,
      (recorded) => recorded.some((call) => call.api === 'dialog.showOpenDialog'),
      'the folder picker'
    )
    const windows = calls.filter((call) => call.api === 'new BrowserWindow')
    const dialog = calls.find((call) => call.api === 'dialog.showOpenDialog')
    expect(windows).toHaveLength(2)
    expect(windows[1]?.args[0]).toMatchObject({ modal: true, show: false })
    const parent = dialog?.args[0]
    expect(parent).toMatch(/^<window \d+>$/)
    // A reload of the screen ends the staff session, as a crash reload or the nightly reload would.
    await kiosk.send({ command: 'emit', target: 'webContents', event: 'did-start-loading' })
    const after = await patiently(
      kiosk,
      (recorded) => recorded.some((call) => call.api === 'window.destroy'),
      'the picker closed'
    )
    expect(after.find((call) => call.api === 'window.destroy')?.args).toEqual([parent])
    expect(after.some((call) => call.api === 'window.moveTop')).toBe(true)
    // The stand-in's dialog, like Windows', outlives its parent and answers late: that answer is never acted on.
    await kiosk.send({ command: 'answer-dialog', path: '/home/someone' })
    expect(await picked).toMatchObject({ ok: false, error: { code: 'staff-locked' } })
  })

  it('gives the folder staff picked while the session stands', async () => {
    const kiosk = await kioskInStaffMode()
    const picked = kiosk.send({ command: 'invoke', channel: 'staff:pick-folder', senderUrl: sender })
    await patiently(kiosk, (calls) => calls.some((call) => call.api === 'dialog.showOpenDialog'), 'the picker')
    await kiosk.send({ command: 'answer-dialog', path: '/media/stick' })
    expect(await picked).toEqual({ ok: true, value: { id: 'picked', label: '/media/stick', kind: 'picked' } })
    const calls = await kiosk.calls()
    expect(calls.filter((call) => call.api === 'window.destroy')).toHaveLength(1)
  })
})
