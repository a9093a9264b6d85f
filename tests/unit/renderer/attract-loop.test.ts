import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AttractLoop } from '../../../src/renderer/src/lib/state/attract-loop.svelte'
import { Reader } from '../../../src/renderer/src/lib/state/reader.svelte'
import { article, readerSettings, section } from './fixtures'

// 100 words a minute: a 20-word section stays 12 s, a 5-word one the 8 s minimum, a 200-word one the 40 s maximum.
const settings = readerSettings

function setUp() {
  const reader = new Reader([article('one', [section('a', 20), section('b', 5)]), article('two', [section('c', 200)])])
  const loop = new AttractLoop(reader, settings)
  return { reader, loop, where: () => `${reader.article.id}/${reader.section.id}` }
}

describe('attract loop', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it("shows each article's title card, then its sections, each for its reading time, and round again", () => {
    const { loop, where } = setUp()
    loop.start()
    expect(loop.mode).toBe('attract')
    // A one-word title and no summary: the 8 s minimum.
    expect([where(), loop.titleCard]).toEqual(['one/a', true])
    vi.advanceTimersByTime(7_999)
    expect(loop.titleCard).toBe(true)
    vi.advanceTimersByTime(1)
    expect([where(), loop.titleCard]).toEqual(['one/a', false])
    vi.advanceTimersByTime(12_000)
    expect(where()).toBe('one/b')
    vi.advanceTimersByTime(8_000)
    expect([where(), loop.titleCard]).toEqual(['two/c', true])
    vi.advanceTimersByTime(8_000)
    expect([where(), loop.titleCard]).toEqual(['two/c', false])
    vi.advanceTimersByTime(40_000)
    expect([where(), loop.titleCard]).toEqual(['one/a', true])
    expect(loop.mode).toBe('attract')
  })

  it('keeps a title card up as long as its title and summary take to read, within the section limits', () => {
    const reader = new Reader([
      { ...article('one', [section('a', 5)]), title: 'Washing your hands', summary: 'word '.repeat(27) },
      { ...article('two', [section('b', 5)]), summary: 'word '.repeat(200) }
    ])
    const loop = new AttractLoop(reader, settings)
    loop.start()
    // 30 words at 100 a minute: 18 s.
    vi.advanceTimersByTime(17_999)
    expect(loop.titleCard).toBe(true)
    vi.advanceTimersByTime(1)
    expect(loop.titleCard).toBe(false)
    vi.advanceTimersByTime(8_000)
    expect([reader.article.id, loop.titleCard]).toEqual(['two', true])
    // 201 words would take two minutes: the 40 s maximum.
    vi.advanceTimersByTime(39_999)
    expect(loop.titleCard).toBe(true)
    vi.advanceTimersByTime(1)
    expect(loop.titleCard).toBe(false)
  })

  it('a touch on a title card starts reading its article at the first section, and nothing advances', () => {
    const { reader, loop, where } = setUp()
    loop.start()
    vi.advanceTimersByTime(8_000 + 12_000 + 8_000)
    expect([where(), loop.titleCard]).toEqual(['two/c', true])
    loop.touch()
    expect([where(), loop.titleCard, loop.mode]).toEqual(['two/c', false, 'reading'])
    vi.advanceTimersByTime(49_000)
    expect(where()).toBe('two/c')
    expect(reader.sectionIndex).toBe(0)
  })

  it('stops advancing at a touch and keeps the patient where they are', () => {
    const { loop, where } = setUp()
    loop.start()
    vi.advanceTimersByTime(20_000)
    loop.touch()
    expect(loop.mode).toBe('reading')
    vi.advanceTimersByTime(49_000)
    expect(where()).toBe('one/b')
  })

  it('asks "Still reading?" ten seconds before the idle time ends, counting down each second', () => {
    const { loop } = setUp()
    loop.touch()
    vi.advanceTimersByTime(49_999)
    expect(loop.mode).toBe('reading')
    vi.advanceTimersByTime(1)
    expect(loop.mode).toBe('still-reading')
    expect(loop.secondsLeft).toBe(10)
    vi.advanceTimersByTime(3_000)
    expect(loop.secondsLeft).toBe(7)
  })

  it('keeps the patient in place when they answer the countdown', () => {
    const { reader, loop, where } = setUp()
    loop.touch()
    reader.next()
    vi.advanceTimersByTime(55_000)
    loop.touch()
    expect(loop.mode).toBe('reading')
    vi.advanceTimersByTime(49_000)
    expect(where()).toBe('one/b')
    expect(loop.mode).toBe('reading')
  })

  it('goes back to the first title card and into attract mode after the idle time', () => {
    const { reader, loop, where } = setUp()
    const resets = vi.fn()
    loop.onReset(resets)
    loop.touch()
    reader.openArticle(1)
    vi.advanceTimersByTime(60_000)
    expect([where(), loop.titleCard]).toEqual(['one/a', true])
    expect(loop.mode).toBe('attract')
    expect(resets).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(8_000 + 12_000)
    expect(where()).toBe('one/b')
  })

  it('starts the idle wait again on every touch', () => {
    const { loop } = setUp()
    loop.touch()
    vi.advanceTimersByTime(45_000)
    loop.touch()
    vi.advanceTimersByTime(45_000)
    expect(loop.mode).toBe('reading')
  })

  it('leaves no timer running once stopped', () => {
    const { loop, where } = setUp()
    loop.start()
    loop.stop()
    vi.advanceTimersByTime(600_000)
    expect(where()).toBe('one/a')
    expect(vi.getTimerCount()).toBe(0)
  })
})
