import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMain, waitForCalls, type MainProcess } from './main-process'

const developerQuit = { type: 'keyDown', key: 'Q', control: true, shift: true, alt: false, meta: false }

let dataFolder: string
let main: MainProcess | undefined

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-leaving-'))
})

afterEach(async () => {
  await main?.stop()
  main = undefined
  await rm(dataFolder, { recursive: true, force: true })
})

async function pressDeveloperQuit(packaged: boolean): Promise<{ prevented: boolean }> {
  main = await startMain({ environment: { KIOSK_DATA_DIR: dataFolder }, packaged })
  await waitForCalls(main, (calls) => calls.some((call) => call.api === 'webContents.loadURL'), 'the window')
  return main.send<{ prevented: boolean }>({
    command: 'emit',
    target: 'webContents',
    event: 'before-input-event',
    args: [developerQuit]
  })
}

describe('leaving the kiosk, in the built main bundle', () => {
  it('quits on Ctrl+Shift+Q while developing (the app is not packaged)', async () => {
    const answer = await pressDeveloperQuit(false)
    expect(answer.prevented).toBe(true)
    expect(await main?.exited).toBe(0)
    expect((await main?.calls())?.some((call) => call.api === 'app.quit')).toBe(true)
  })

  it('refuses Ctrl+Shift+Q in the packaged app, as every other closing key', async () => {
    const answer = await pressDeveloperQuit(true)
    expect(answer.prevented).toBe(true)
    const calls = (await main?.calls()) ?? []
    expect(calls.some((call) => call.api === 'app.quit')).toBe(false)
    expect(await main?.send({ command: 'window' })).toMatchObject({ url: 'app://kiosk/index.html' })
  })
})
