import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkInput } from '../../../src/shared/ipc-schemas'
import { rendererErrorLimits, rendererErrorReport } from '../../../src/shared/renderer-error'

describe('a screen error report', () => {
  it('names the kind of error and keeps the message a developer needs', () => {
    expect(
      rendererErrorReport('reader-section', new TypeError("Cannot read properties of null (reading 'text')"))
    ).toEqual({ where: 'reader-section', message: "TypeError: Cannot read properties of null (reading 'text')" })
    expect(rendererErrorReport('reader-section', new Error('https://svelte.dev/e/each_key_duplicate')).message).toBe(
      'Error: https://svelte.dev/e/each_key_duplicate'
    )
  })

  it('leaves out quoted text and long numbers, which may be what a patient typed', () => {
    const error = new SyntaxError('Unexpected token in "my name is Ana Lopez, call 555 0123 4567" at position 12')
    expect(rendererErrorReport('feedback', error).message).toBe('SyntaxError: Unexpected token in "…" at position 12')
    expect(rendererErrorReport('window', 'PIN 12345678 refused').message).toBe('PIN … refused')
  })

  it('keeps only the first line, so a message cannot write lines of its own in the log', () => {
    expect(rendererErrorReport('window', new Error('first\nsecond\r\nthird')).message).toBe('Error: first')
  })

  it('describes a thrown value that is not an Error by its kind only', () => {
    expect(rendererErrorReport('promise', { comment: 'private words' }).message).toBe(
      'a thrown value that is not an Error (an object)'
    )
    expect(rendererErrorReport('promise', undefined).message).toBe('a thrown value that is not an Error (undefined)')
  })

  it('reads an Error whose message is not text, even one String() cannot convert', () => {
    const odd = Object.defineProperty(new Error(), 'message', { value: { toString: [] } })
    expect(rendererErrorReport('reader-section', odd).message).toBe('Error: a message that is not text')
  })

  it('is always one the IPC schema accepts, whatever was thrown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 5000 }), fc.anything()), fc.boolean(), (thrown, wrap) => {
        const started = performance.now()
        // Wrapped, the value becomes the Error's message as it is, even one that String() cannot convert.
        const wrapped = Object.defineProperty(new Error(), 'message', { value: thrown })
        const report = rendererErrorReport('reader-section', wrap ? wrapped : thrown)
        expect(performance.now() - started).toBeLessThan(250)
        expect(report.message.length).toBeLessThanOrEqual(rendererErrorLimits.message)
        expect(checkInput('kiosk:log-error', report)).toMatchObject({ ok: true })
      }),
      { numRuns: 2000 }
    )
  })
})
