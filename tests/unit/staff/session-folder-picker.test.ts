import { describe, expect, it } from 'vitest'
import type { Timers } from '../../../src/shared/timers'
import {
  type OpenPicker,
  sessionCheckMilliseconds,
  SessionFolderPicker
} from '../../../src/main/staff/session-folder-picker'

/** Timers that run only when the test moves time on. */
function fakeTimers() {
  let now = 0
  let waiting: Array<{ at: number; run: () => void; handle: number }> = []
  let next = 1
  const timers: Timers = {
    setTimeout: (run, milliseconds) => {
      const handle = next++
      waiting.push({ at: now + milliseconds, run, handle })
      return handle
    },
    clearTimeout: (handle) => {
      waiting = waiting.filter((timer) => timer.handle !== handle)
    }
  }
  const advance = (milliseconds: number) => {
    const until = now + milliseconds
    for (;;) {
      const due = waiting.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      waiting = waiting.filter((timer) => timer !== due)
      now = due.at
      due.run()
    }
    now = until
  }
  return { timers, advance, pending: () => waiting.length }
}

/** A picker that stays open until the test answers it, and notes when it is closed (a closed one may still answer). */
function fakePicker() {
  let answer: (path: string | null) => void = () => {}
  const opened: Array<{ closed: boolean }> = []
  const open = (): OpenPicker => {
    const state = { closed: false }
    opened.push(state)
    return { answer: new Promise((done) => (answer = done)), close: () => (state.closed = true) }
  }
  return { open, opened, answer: (path: string | null) => answer(path) }
}

describe('the folder picker of a staff session', () => {
  it('gives the folder staff chose while their session stands, and nothing when they cancel', async () => {
    const { timers } = fakeTimers()
    const picker = fakePicker()
    const gate = new SessionFolderPicker(picker.open, () => 1, timers)
    const first = gate.pick()
    picker.answer('/media/stick')
    expect(await first).toEqual({ kind: 'picked', path: '/media/stick' })
    const second = gate.pick()
    picker.answer(null)
    expect(await second).toEqual({ kind: 'cancelled' })
    expect(picker.opened.map((each) => each.closed)).toEqual([false, false])
  })

  it('closes the picker when the session ends, and ignores the folder it still answers', async () => {
    const { timers, pending } = fakeTimers()
    const picker = fakePicker()
    const gate = new SessionFolderPicker(picker.open, () => 1, timers)
    const pick = gate.pick()
    gate.sessionEnded()
    expect(picker.opened[0]?.closed).toBe(true)
    picker.answer('C:\\Users\\Public')
    expect(await pick).toEqual({ kind: 'session-ended' })
    expect(pending()).toBe(0)
  })

  it('closes the picker when the session runs out while it is open', async () => {
    const { timers, advance, pending } = fakeTimers()
    const picker = fakePicker()
    let session: number | null = 7
    const gate = new SessionFolderPicker(picker.open, () => session, timers)
    const pick = gate.pick()
    advance(10 * sessionCheckMilliseconds)
    expect(picker.opened[0]?.closed).toBe(false)
    session = null
    advance(sessionCheckMilliseconds)
    expect(picker.opened[0]?.closed).toBe(true)
    picker.answer('/home/staff')
    expect(await pick).toEqual({ kind: 'session-ended' })
    expect(pending()).toBe(0)
  })

  it('ignores an answer that arrives in a newer session than the one that opened the picker', async () => {
    const { timers } = fakeTimers()
    const picker = fakePicker()
    let session = 1
    const gate = new SessionFolderPicker(picker.open, () => session, timers)
    const pick = gate.pick()
    session = 2
    picker.answer('/home/other')
    expect(await pick).toEqual({ kind: 'session-ended' })
  })

  it('opens no picker outside a session', async () => {
    const { timers } = fakeTimers()
    const picker = fakePicker()
    const gate = new SessionFolderPicker(picker.open, () => null, timers)
    expect(await gate.pick()).toEqual({ kind: 'session-ended' })
    expect(picker.opened).toEqual([])
  })
})
