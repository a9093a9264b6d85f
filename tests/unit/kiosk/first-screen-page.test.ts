import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { defaultConfig, readerSettings } from '../../../src/shared/config'
import type { KioskConfig } from '../../../src/shared/config'
import { fail, ok } from '../../../src/shared/result'
import { loadContent } from '../../../src/main/content/content-service'
import type { FeedbackService } from '../../../src/main/feedback/feedback-service'
import { appMountPoint, pageWithFirstScreen } from '../../../src/main/kiosk/first-screen-page'
import { createHandlers } from '../../../src/main/kiosk/handlers'
import type { NoticeBoard } from '../../../src/main/staff/notice-board'
import type { StaffService } from '../../../src/main/staff/staff-service'

const page = `<!doctype html><html lang="en"><body>${appMountPoint}<script type="module" src="./x.js"></script></body></html>`
const noon = new Date('2026-11-24T12:00:00')
const midnight = new Date('2026-11-24T23:30:00')

describe('the page the window loads, with the first screen in it', async () => {
  const content = await loadContent({
    bundledFolder: resolve(import.meta.dirname, '../../fixtures/content/playlist'),
    externalFolder: null,
    language: 'en',
    playlist: []
  })
  const handlersFor = (config: KioskConfig) =>
    createHandlers({
      config: () => config,
      content: () => content,
      feedback: {} as FeedbackService,
      staff: {} as StaffService,
      notices: { current: () => null } as unknown as NoticeBoard,
      now: () => noon
    })
  const render = vi.fn((playlist: { articles: { title: string }[] }) => `<h2>${playlist.articles[0]?.title}</h2>`)

  it('puts the rendered first screen inside the mount point, from what the renderer itself would be served', async () => {
    const logError = vi.fn()
    const served = await pageWithFirstScreen(page, handlersFor(defaultConfig()), render, { now: () => noon, logError })
    expect(render).toHaveBeenCalledWith(content.playlist, readerSettings(defaultConfig()), null)
    expect(served).toBe(
      page.replace(appMountPoint, `<div id="app"><h2>${content.playlist.articles[0]?.title}</h2></div>`)
    )
    expect(logError).not.toHaveBeenCalled()
  })

  it("puts the front desk's notice in it too, as the notice handler hands it out", async () => {
    const notice = { text: 'Running late', endsAt: '2026-11-24T18:00:00.000Z' }
    const handlers = { ...handlersFor(defaultConfig()), 'kiosk:notice': async () => ok(notice) }
    await pageWithFirstScreen(page, handlers, render, { now: () => noon, logError: () => {} })
    expect(render).toHaveBeenLastCalledWith(content.playlist, readerSettings(defaultConfig()), notice)
  })

  it('keeps "$&" and other replacement patterns in the article as they are', async () => {
    const served = await pageWithFirstScreen(page, handlersFor(defaultConfig()), () => '<p>costs $& or $1</p>', {
      now: () => noon,
      logError: () => {}
    })
    expect(served).toContain('<div id="app"><p>costs $& or $1</p></div>')
  })

  it('sends the page as it is outside clinic hours, so no article flashes up before the screen goes dark', async () => {
    const config = { ...defaultConfig(), clinicHours: { days: [0, 1, 2, 3, 4, 5, 6], open: '08:00', close: '18:00' } }
    const options = { logError: () => {} }
    expect(await pageWithFirstScreen(page, handlersFor(config), render, { ...options, now: () => midnight })).toBe(page)
    expect(await pageWithFirstScreen(page, handlersFor(config), render, { ...options, now: () => noon })).toContain(
      '<h2>'
    )
  })

  it('sends the page as it is when there is nothing to show, and the app explains', async () => {
    const handlers = {
      'content:playlist': async () => fail('content-unavailable', 'no articles are available to show'),
      'kiosk:settings': handlersFor(defaultConfig())['kiosk:settings']
    }
    const logError = vi.fn()
    expect(await pageWithFirstScreen(page, handlers, render, { now: () => noon, logError })).toBe(page)
    expect(logError).not.toHaveBeenCalled()
  })

  it('sends the page as it is, and logs why, when rendering or a handler fails', async () => {
    const logError = vi.fn()
    const broken = () => {
      throw new Error('no reader')
    }
    expect(await pageWithFirstScreen(page, handlersFor(defaultConfig()), broken, { now: () => noon, logError })).toBe(
      page
    )
    const throwing = {
      'content:playlist': async () => {
        throw new Error('disk gone')
      },
      'kiosk:settings': handlersFor(defaultConfig())['kiosk:settings']
    }
    expect(await pageWithFirstScreen(page, throwing, render, { now: () => noon, logError })).toBe(page)
    expect(logError.mock.calls.map(([, error]) => (error as Error).message)).toEqual(['no reader', 'disk gone'])
  })

  it('sends a page without the mount point as it is, and logs it', async () => {
    const logError = vi.fn()
    const other = '<!doctype html><body><main></main></body>'
    expect(await pageWithFirstScreen(other, handlersFor(defaultConfig()), render, { now: () => noon, logError })).toBe(
      other
    )
    expect(logError).toHaveBeenCalledOnce()
  })
})
