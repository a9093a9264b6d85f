import { describe, expect, it, vi } from 'vitest'
import { defaultConfig } from '../../../src/shared/config'
import type { ContentState } from '../../../src/main/content/content-library'
import type { FeedbackService } from '../../../src/main/feedback/feedback-service'
import { createHandlers, dispatch } from '../../../src/main/kiosk/handlers'
import { RendererErrorLog, rendererErrorsPerMinute } from '../../../src/main/kiosk/renderer-errors'
import type { NoticeBoard } from '../../../src/main/staff/notice-board'
import type { StaffService } from '../../../src/main/staff/staff-service'

const report = { where: 'reader-section', message: 'TypeError: Cannot read properties of null' }

describe('the screen errors log', () => {
  it('logs each error with the part of the screen it happened in', () => {
    const logError = vi.fn()
    const log = new RendererErrorLog(logError, () => new Date('2026-11-24T12:00:00Z'))
    expect(log.record(report)).toBe(true)
    expect(logError).toHaveBeenCalledWith('screen error in reader-section', report.message)
  })

  it('logs at most ten a minute, then says how many it left out when the next minute starts', () => {
    const logError = vi.fn()
    let time = Date.parse('2026-11-24T12:00:00Z')
    const log = new RendererErrorLog(logError, () => new Date(time))
    const results = Array.from({ length: 1000 }, () => log.record(report))
    expect(results.filter(Boolean)).toHaveLength(rendererErrorsPerMinute)
    expect(logError).toHaveBeenCalledTimes(rendererErrorsPerMinute)
    time += 59_999
    expect(log.record(report)).toBe(false)
    time += 1
    expect(log.record(report)).toBe(true)
    expect(logError.mock.calls.slice(rendererErrorsPerMinute)).toEqual([
      ['screen errors not logged', '991 more in the minute before (at most 10 a minute are logged)'],
      ['screen error in reader-section', report.message]
    ])
  })

  it('starts a new minute when the clock is set back, so a wrong clock cannot silence it', () => {
    const logError = vi.fn()
    let time = Date.parse('2026-11-24T12:00:00Z')
    const log = new RendererErrorLog(logError, () => new Date(time), 1)
    log.record(report)
    expect(log.record(report)).toBe(false)
    time -= 3_600_000
    expect(log.record(report)).toBe(true)
  })
})

describe('kiosk:log-error', () => {
  const trusted = (url: string | undefined) => url === 'app://kiosk/index.html'
  const context = { senderUrl: 'app://kiosk/index.html' }
  const tableWith = (logError: (message: string, error: unknown) => void) =>
    createHandlers({
      config: defaultConfig,
      content: () => ({}) as ContentState,
      feedback: {} as FeedbackService,
      staff: {} as StaffService,
      notices: {} as NoticeBoard,
      now: () => new Date('2026-11-24T12:00:00Z'),
      logError
    })

  it('answers ok and logs through the kiosk logger, rate-limited across calls', async () => {
    const logError = vi.fn()
    const table = tableWith(logError)
    for (let call = 0; call < 50; call += 1)
      expect(await dispatch(table, 'kiosk:log-error', report, context, trusted, logError)).toEqual({
        ok: true,
        value: null
      })
    expect(logError).toHaveBeenCalledTimes(rendererErrorsPerMinute)
    expect(logError).toHaveBeenCalledWith('screen error in reader-section', report.message)
  })

  it('is refused from any page but the kiosk screen, and logs nothing then', async () => {
    const logError = vi.fn()
    const answer = await dispatch(
      tableWith(logError),
      'kiosk:log-error',
      report,
      { senderUrl: 'https://example.com/' },
      trusted,
      logError
    )
    expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    expect(logError).not.toHaveBeenCalled()
  })
})
