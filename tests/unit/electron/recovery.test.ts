import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebContents } from 'electron'
import { loadPage, superviseRenderer, type SupervisedContents } from '../../../src/main/electron/recovery'
import { RecoveryPolicy } from '../../../src/main/kiosk/recovery-policy'

const urls = { app: 'app://kiosk/index.html', frontDesk: 'app://kiosk/front-desk.html' }
const coolDown = 10 * 60_000

/** The few parts of webContents the supervisor uses; loads resolve unless a test says otherwise. */
class FakeContents extends EventEmitter {
  loads: string[] = []
  crashed = 0
  nextLoad: () => Promise<void> = async () => {}
  loadURL(url: string): Promise<void> {
    this.loads.push(url)
    return this.nextLoad()
  }
  forcefullyCrashRenderer(): void {
    this.crashed += 1
  }
}

const aborted = (url: string) =>
  Object.assign(new Error(`ERR_ABORTED (-3) loading '${url}'`), { errno: -3, code: 'ERR_ABORTED' })

let contents: FakeContents
let messages: string[]

function supervise(policy = new RecoveryPolicy()): void {
  superviseRenderer(contents as unknown as SupervisedContents, policy, urls, (message) => messages.push(message))
}
const crash = (reason = 'crashed') => contents.emit('render-process-gone', {}, { reason, exitCode: 139 })
const failLoad = (code: number, url = urls.app, isMainFrame = true) =>
  contents.emit('did-fail-load', {}, code, 'ERR_SOMETHING', url, isMainFrame)

beforeEach(() => {
  vi.useFakeTimers()
  contents = new FakeContents()
  messages = []
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the screen supervisor', () => {
  it('reloads a crashed screen and ignores one that exited cleanly', () => {
    supervise()
    crash('clean-exit')
    expect(contents.loads).toEqual([])
    crash()
    expect(contents.loads).toEqual([urls.app])
    expect(messages[0]).toContain('crashed')
  })

  it('treats a page that failed to load like a crash: three reloads, then the front desk', () => {
    supervise()
    for (let failure = 0; failure < 4; failure += 1) failLoad(-6)
    expect(contents.loads).toEqual([urls.app, urls.app, urls.app, urls.frontDesk])
    expect(messages.join('\n')).toContain('failed to load')
  })

  it('ignores a load that was superseded (ERR_ABORTED) and failures inside sub-frames', () => {
    supervise()
    failLoad(-3)
    failLoad(-6, 'app://kiosk/assets/x.js', false)
    expect(contents.loads).toEqual([])
  })

  it('keeps one cool-down pending however many crashes and failures arrive, then tries the app afresh', () => {
    supervise()
    for (let crashes = 0; crashes < 4; crashes += 1) crash()
    expect(vi.getTimerCount()).toBe(1)
    for (let more = 0; more < 5; more += 1) {
      crash()
      failLoad(-2)
    }
    expect(vi.getTimerCount()).toBe(1)
    expect(contents.loads.at(-1)).toBe(urls.frontDesk)

    vi.advanceTimersByTime(coolDown)
    expect(contents.loads.at(-1)).toBe(urls.app)
    expect(vi.getTimerCount()).toBe(0)
    // Forgiven: the next crash is reloaded again.
    crash()
    expect(contents.loads.at(-1)).toBe(urls.app)
  })

  it('does not reload a front-desk page that fails to load, but waits for the cool-down', () => {
    supervise()
    for (let crashes = 0; crashes < 4; crashes += 1) crash()
    const before = contents.loads.length
    failLoad(-6, urls.frontDesk)
    expect(contents.loads).toHaveLength(before)
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(coolDown)
    expect(contents.loads.at(-1)).toBe(urls.app)
  })

  it('crashes a screen that stays unresponsive for 30 s on purpose, unless it recovers', () => {
    supervise()
    contents.emit('unresponsive')
    vi.advanceTimersByTime(29_000)
    contents.emit('responsive')
    vi.advanceTimersByTime(5_000)
    expect(contents.crashed).toBe(0)
    contents.emit('unresponsive')
    contents.emit('unresponsive')
    vi.advanceTimersByTime(30_000)
    expect(contents.crashed).toBe(1)
  })
})

describe('loading a page', () => {
  it('swallows the ERR_ABORTED of a load superseded by a newer one, and logs any other failure', async () => {
    const logged: string[] = []
    contents.nextLoad = async () => {
      throw aborted(urls.app)
    }
    await loadPage(contents as unknown as Pick<WebContents, 'loadURL'>, urls.app, (message) => logged.push(message))
    expect(logged).toEqual([])
    contents.nextLoad = async () => {
      throw Object.assign(new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://kiosk/index.html'"), { errno: -6 })
    }
    await loadPage(contents as unknown as Pick<WebContents, 'loadURL'>, urls.app, (message) => logged.push(message))
    expect(logged).toEqual([expect.stringContaining('ERR_FILE_NOT_FOUND')])
  })

  it("never leaves a rejection for the supervisor's own reloads", async () => {
    contents.nextLoad = async () => {
      throw aborted(urls.app)
    }
    supervise()
    crash()
    crash()
    // An unhandled rejection would fail this test run.
    await vi.runAllTimersAsync()
    expect(contents.loads).toEqual([urls.app, urls.app])
  })
})
