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

  it('never throws and never leaves a rejected promise, even when main cannot be reached', async () => {
    const rejected = vi.fn()
    process.on('unhandledRejection', rejected)
    const errors = new ScreenErrors(async () => {
      throw new Error('no main')
    })
    expect(() => errors.report('window', new Error('first'))).not.toThrow()
    const broken = new ScreenErrors(() => {
      throw new Error('no bridge')
    })
    expect(() => broken.report('window', new Error('second'))).not.toThrow()
    await new Promise((done) => setTimeout(done, 10))
    process.off('unhandledRejection', rejected)
    expect(rejected).not.toHaveBeenCalled()
  })

  // Watching the window needs a browser's ErrorEvent: render-errors.spec.ts tests it in Chromium.
})
