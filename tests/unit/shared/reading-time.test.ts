import { describe, expect, it } from 'vitest'
import { blockText, countWords, dwellMilliseconds } from '../../../src/shared/reading-time'

describe('reading time', () => {
  it('counts words, keeping hyphenated words and contractions whole', () => {
    expect(countWords('Non-pharmacological treatments don’t always work.')).toBe(5)
    expect(countWords('  ')).toBe(0)
    expect(countWords('¿Qué es la ciática? 3 pasos.')).toBe(6)
  })

  it('gives a section its words at the configured speed', () => {
    expect(dwellMilliseconds(100, { wordsPerMinute: 100, minSeconds: 5, maxSeconds: 120 })).toBe(60_000)
  })

  it('never shows a section for less than the minimum or longer than the maximum', () => {
    const limits = { wordsPerMinute: 100, minSeconds: 8, maxSeconds: 40 }
    expect(dwellMilliseconds(1, limits)).toBe(8_000)
    expect(dwellMilliseconds(1000, limits)).toBe(40_000)
  })

  it('reads the plain text of every kind of block', () => {
    expect(blockText({ type: 'list', ordered: false, items: [[{ text: 'a' }], [{ text: 'b', strong: true }]] })).toBe(
      'a\nb'
    )
    expect(blockText({ type: 'image', src: 'x.png', alt: 'A knee' })).toBe('A knee')
  })
})
