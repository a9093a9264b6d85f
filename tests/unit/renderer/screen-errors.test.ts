import { describe, expect, it, vi } from 'vitest'
import { ScreenErrors } from '../../../src/renderer/src/lib/state/screen-errors'

describe('screen errors', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})

  it('sends main a bounded report of where and what, without the quoted text', () => {
    const send = vi.fn(async () => ({ ok: true }))
    new ScreenErrors(send).report('reader-section', new TypeError('bad value "Ana, 555 0123"'))
    expect(send).toHaveBeenCalledWith({ where: 'reader-section', message: 'TypeError: bad value "…"' })
  })

  it('sends at most its share in a minute, so a part failing in a loop does not flood the IPC', () => {
    const send = vi.fn(async () => ({ ok: true }))
    let time = 0
    const errors = new ScreenErrors(send, () => time, 3)
    for (let count = 0; count < 100; count += 1) errors.report('window', new Error('again'))
    expect(send).toHaveBeenCalledTimes(3)
    time += 60_000
    errors.report('window', new Error('again'))
    expect(send).toHaveBeenCalledTimes(4)
  })

  it('never throws and never leaves a rejected promise, even when main cannot be reached', () => {
    const unanswered = Promise.reject(new Error('no main'))
    const caught = vi.spyOn(unanswered, 'catch')
    expect(() => new ScreenErrors(() => unanswered).report('window', new Error('first'))).not.toThrow()
    expect(caught).toHaveBeenCalled()
    const noBridge = () => {
      throw new Error('no bridge')
    }
    expect(() => new ScreenErrors(noBridge).report('window', new Error('second'))).not.toThrow()
  })

  // Watching the window needs a browser's ErrorEvent: render-errors.spec.ts tests it in Chromium.
})
