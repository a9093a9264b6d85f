import { describe, expect, it } from 'vitest'
import { Reader } from '../../../src/renderer/src/lib/state/reader.svelte'
import { article, section } from './fixtures'

const playlist = () => [
  article('one', [section('a'), section('b'), section('c')]),
  article('two', [section('d'), section('e')])
]
const where = (reader: Reader) => `${reader.article.id}/${reader.section.id}`

describe('reader', () => {
  it('starts at the first section of the first article', () => {
    const reader = new Reader(playlist())
    expect(where(reader)).toBe('one/a')
    expect(reader.isAtStart).toBe(true)
  })

  it('goes forward through sections, into the next article, and back to the start after the last', () => {
    const reader = new Reader(playlist())
    const seen = [where(reader)]
    for (let step = 0; step < 5; step += 1) {
      reader.next()
      seen.push(where(reader))
    }
    expect(seen).toEqual(['one/a', 'one/b', 'one/c', 'two/d', 'two/e', 'one/a'])
  })

  it('goes back into the previous article at its last section, and not before the start', () => {
    const reader = new Reader(playlist())
    reader.openArticle(1)
    reader.previous()
    expect(where(reader)).toBe('one/c')
    expect(reader.direction).toBe(-1)
    reader.restart()
    reader.previous()
    expect(where(reader)).toBe('one/a')
  })

  it('jumps to a section and ignores one that does not exist', () => {
    const reader = new Reader(playlist())
    reader.goToSection(2)
    expect(where(reader)).toBe('one/c')
    reader.goToSection(7)
    reader.goToSection(-1)
    expect(where(reader)).toBe('one/c')
  })

  it('knows when it is on the last section of the last article', () => {
    const reader = new Reader(playlist())
    reader.openArticle(1)
    reader.goToSection(1)
    expect(reader.isLastSection && reader.isLastArticle).toBe(true)
  })

  it('refuses an empty playlist', () => {
    expect(() => new Reader([])).toThrow('at least one article')
  })
})
