import { afterEach, describe, expect, it } from 'vitest'
import { startMain, waitForCalls, type MainProcess } from './main-process'
import type { RecordedCall } from './stand-in/electron'

const appPage = 'app://kiosk/index.html'
const frontDesk = 'app://kiosk/front-desk.html'
const coolDown = 10 * 60_000

let main: MainProcess | undefined

afterEach(async () => {
  await main?.stop()
  main = undefined
})

const loads = (calls: RecordedCall[]) =>
  calls.filter((call) => call.api === 'webContents.loadURL').map((call) => call.args[0] as string)

async function started(options: Parameters<typeof startMain>[0] = {}): Promise<MainProcess> {
  main = await startMain(options)
  await waitForCalls(main, (calls) => loads(calls).length > 0, 'the first load')
  return main
}

const crash = (kiosk: MainProcess, times = 1) =>
  kiosk.send({
    command: 'emit',
    target: 'webContents',
    event: 'render-process-gone',
    args: [{ reason: 'crashed', exitCode: 139 }],
    times
  })

describe('recovery of the screen in the built main bundle', () => {
  it('reloads a crashed screen three times, then shows the front desk, then tries again after the cool-down', async () => {
    const kiosk = await started()
    for (let crashes = 1; crashes <= 4; crashes += 1) {
      await crash(kiosk)
      await waitForCalls(kiosk, (calls) => loads(calls).length === 1 + crashes, `load after crash ${crashes}`)
    }
    expect(loads(await kiosk.calls())).toEqual([appPage, appPage, appPage, appPage, frontDesk])
    expect(await kiosk.send({ command: 'timers' })).toContain(coolDown)

    await kiosk.send({ command: 'advance', milliseconds: coolDown })
    await waitForCalls(kiosk, (calls) => loads(calls).at(-1) === appPage, 'the app after the cool-down')
    expect(await kiosk.send({ command: 'window' })).toMatchObject({ url: appPage })
    expect(await kiosk.send({ command: 'problems' })).toEqual([])
  })

  it('ignores a renderer that exited cleanly', async () => {
    const kiosk = await started()
    await waitForCalls(kiosk, (calls) => calls.some((call) => call.api === 'window.show'), 'the first paint')
    await kiosk.send({
      command: 'emit',
      target: 'webContents',
      event: 'render-process-gone',
      args: [{ reason: 'clean-exit', exitCode: 0 }]
    })
    expect(loads(await kiosk.calls())).toEqual([appPage])
  })
})
