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

describe('recovery of loads that fail, in the built main bundle', () => {
  it('reloads an app page that fails to load three times, then shows the front desk, then tries again', async () => {
    const kiosk = await started({ failingUrls: [appPage] })
    await waitForCalls(kiosk, (calls) => loads(calls).includes(frontDesk), 'the front-desk page')
    expect(loads(await kiosk.calls())).toEqual([appPage, appPage, appPage, appPage, frontDesk])
    expect(await kiosk.send({ command: 'timers' })).toContain(coolDown)

    await kiosk.send({ command: 'fail-loads', urls: [] })
    await kiosk.send({ command: 'advance', milliseconds: coolDown })
    await waitForCalls(kiosk, (calls) => loads(calls).at(-1) === appPage, 'the app after the cool-down')
    expect(await kiosk.send({ command: 'window' })).toMatchObject({ url: appPage })
    expect(await kiosk.send({ command: 'problems' })).toEqual([])
  })

  it('keeps one cool-down pending however many crashes arrive while the front desk shows', async () => {
    const kiosk = await started()
    await crash(kiosk, 4)
    await waitForCalls(kiosk, (calls) => loads(calls).includes(frontDesk), 'the front-desk page')
    await crash(kiosk, 5)
    const pending = await kiosk.send<number[]>({ command: 'timers' })
    expect(pending.filter((delay) => delay === coolDown)).toHaveLength(1)
  })

  it('takes a load superseded by a newer one (ERR_ABORTED) as expected, not as an uncaught error', async () => {
    const kiosk = await started()
    // Two crashes in one turn: the second reload supersedes the first while it is still loading.
    await crash(kiosk, 2)
    await waitForCalls(kiosk, (calls) => loads(calls).length === 3, 'both reloads')
    await kiosk.send({ command: 'timers' })
    expect(await kiosk.send({ command: 'problems' })).toEqual([])
    expect(await kiosk.send({ command: 'window' })).toMatchObject({ url: appPage })
  })
})
