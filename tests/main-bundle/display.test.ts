import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setUpAsKiosk, startMain, waitForCalls, type MainProcess } from './main-process'
import type { StandInDisplay } from './stand-in/electron'

// The PC's own screen is primary; the touch monitor in the waiting room is to its right.
const office: StandInDisplay = { id: 1, label: 'Built-in Display', bounds: { x: 0, y: 0, width: 1920, height: 1080 } }
const touch: StandInDisplay = { id: 2, label: 'DELL P2418HT', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } }
const added: StandInDisplay = { id: 3, label: 'HP E24', bounds: { x: 0, y: 1080, width: 1280, height: 1024 } }

let dataFolder: string
let main: MainProcess | undefined

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-display-'))
})

afterEach(async () => {
  await main?.stop()
  main = undefined
  await rm(dataFolder, { recursive: true, force: true })
})

async function started(config: Record<string, unknown>): Promise<MainProcess> {
  await writeFile(join(dataFolder, 'config.json'), JSON.stringify(config))
  // Only a PC set up as a kiosk fills and follows the display; an ordinary window stays where its user put it.
  await setUpAsKiosk(dataFolder)
  main = await startMain({ environment: { KIOSK_DATA_DIR: dataFolder }, displays: [office, touch] })
  await waitForCalls(main, (calls) => calls.some((call) => call.api === 'new BrowserWindow'), 'the window')
  return main
}

const lastBounds = async (kiosk: MainProcess) =>
  (await kiosk.calls()).filter((call) => call.api === 'window.setBounds').at(-1)?.args[0]

describe('the kiosk window and the displays, in the built main bundle', () => {
  it('opens on the configured display, found by name, and goes back to it when a monitor is plugged in', async () => {
    const kiosk = await started({ display: 'DELL P2418HT' })
    const window = (await kiosk.calls()).find((call) => call.api === 'new BrowserWindow')?.args[0]
    expect(window).toMatchObject(touch.bounds)
    await kiosk.send({ command: 'displays', displays: [office, touch, added] })
    await kiosk.send({ command: 'emit', target: 'screen', event: 'display-added', args: [added] })
    expect(await lastBounds(kiosk)).toEqual(touch.bounds)
  })

  it('keeps the window on the display it is on, not the primary one, when displays change', async () => {
    const kiosk = await started({})
    await kiosk.send({ command: 'move-window', bounds: touch.bounds })
    await kiosk.send({ command: 'displays', displays: [office, touch, added] })
    await kiosk.send({ command: 'emit', target: 'screen', event: 'display-added', args: [added] })
    expect(await lastBounds(kiosk)).toEqual(touch.bounds)
    await kiosk.send({ command: 'displays', displays: [office, touch] })
    await kiosk.send({ command: 'emit', target: 'screen', event: 'display-removed', args: [added] })
    expect(await lastBounds(kiosk)).toEqual(touch.bounds)
  })
})
