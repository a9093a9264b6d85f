import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskApi } from '../../../src/shared/contract'
import type { Notice, NoticeInput } from '../../../src/shared/notice'
import { fail, ok } from '../../../src/shared/result'
import { NoticeBoard } from '../../../src/renderer/src/lib/state/notice-board.svelte'
import { NoticeDraft } from '../../../src/renderer/src/lib/state/notice-draft.svelte'

const late = 'Running about 20 minutes late'

/** Main's side, as the renderer sees it: it answers with what it stored (here: the text as sent). */
function fakeApi() {
  const sent: NoticeInput[] = []
  const api: Pick<KioskApi, 'setNotice' | 'clearNotice'> = {
    setNotice: async (input) => {
      sent.push(input)
      return ok({ text: input.text, endsAt: input.endsAt ?? new Date(2026, 10, 25).toISOString() })
    },
    clearNotice: async () => ok(null)
  }
  return { api, sent }
}

describe("the notice on patients' screens", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date(2026, 10, 24, 9, 0) }))
  afterEach(() => vi.useRealTimers())

  it('shows a notice until its end time, then takes it down by itself', () => {
    const board = new NoticeBoard(fakeApi().api)
    const notice: Notice = { text: late, endsAt: new Date(2026, 10, 24, 11, 30).toISOString() }
    board.show(notice)
    vi.advanceTimersByTime(150 * 60_000 - 1)
    expect(board.notice).toEqual(notice)
    vi.advanceTimersByTime(1)
    expect(board.notice).toBeNull()
  })

  it('notices a clock that jumped past the end time at its next look, within a minute', () => {
    const board = new NoticeBoard(fakeApi().api)
    board.show({ text: late, endsAt: new Date(2026, 10, 24, 18, 0).toISOString() })
    vi.setSystemTime(new Date(2026, 10, 24, 19, 0))
    vi.advanceTimersByTime(60_000)
    expect(board.notice).toBeNull()
  })

  it('shows nothing for a notice that has already ended', () => {
    const board = new NoticeBoard(fakeApi().api)
    board.show({ text: late, endsAt: new Date(2026, 10, 24, 8, 0).toISOString() })
    expect(board.notice).toBeNull()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('shows what main stored when staff put a notice up, and nothing once they take it down', async () => {
    const board = new NoticeBoard(fakeApi().api)
    expect(await board.publish(late, null)).toMatchObject({ ok: true })
    expect(board.notice?.text).toBe(late)
    await board.takeDown()
    expect(board.notice).toBeNull()
  })

  it('keeps the notice it had when main refuses a new one', async () => {
    const board = new NoticeBoard({
      setNotice: async () => fail('staff-locked', 'staff mode is locked'),
      clearNotice: async () => fail('staff-locked', 'staff mode is locked')
    })
    board.show({ text: late, endsAt: new Date(2026, 10, 24, 18, 0).toISOString() })
    expect(await board.publish('Other', null)).toMatchObject({ ok: false, error: { code: 'staff-locked' } })
    expect(await board.takeDown()).toMatchObject({ ok: false })
    expect(board.notice?.text).toBe(late)
  })
})

describe('a notice while staff write it', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date(2026, 10, 24, 9, 0) }))
  afterEach(() => vi.useRealTimers())

  const boardWith = (hours: NoticeBoard['clinicHours']) => {
    const { api, sent } = fakeApi()
    const board = new NoticeBoard(api)
    board.clinicHours = hours
    return { board, sent }
  }
  const open = { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:30' }

  it("offers shorter whiles, then the end of today's clinic hours, picked to begin with", () => {
    const draft = new NoticeDraft(boardWith(open).board)
    expect(draft.choices).toEqual([
      { kind: 'for', minutes: 30 },
      { kind: 'for', minutes: 60 },
      { kind: 'for', minutes: 120 },
      { kind: 'default', label: { kind: 'clinic-closes', time: new Date(2026, 10, 24, 18, 30) } }
    ])
    expect(draft.choice).toBe(3)
  })

  it('offers the end of the day without clinic hours, and only the whiles that end before the default', () => {
    vi.setSystemTime(new Date(2026, 10, 24, 17, 45))
    expect(new NoticeDraft(boardWith(open).board).choices).toEqual([
      { kind: 'for', minutes: 30 },
      { kind: 'default', label: { kind: 'clinic-closes', time: new Date(2026, 10, 24, 18, 30) } }
    ])
    expect(new NoticeDraft(boardWith(null).board).choices.at(-1)).toEqual({
      kind: 'default',
      label: { kind: 'end-of-day' }
    })
  })

  it('sends no end time for the default, so main decides it by its own clock, and a time for a while', async () => {
    const { board, sent } = boardWith(open)
    const draft = new NoticeDraft(board)
    draft.type(`  ${late}  `)
    expect(await draft.publish()).toBe(true)
    draft.pick(1)
    expect(await draft.publish()).toBe(true)
    expect(sent).toEqual([
      { text: late, endsAt: null },
      { text: late, endsAt: new Date(2026, 10, 24, 10, 0).toISOString() }
    ])
  })

  it('keeps to 120 characters, sends nothing empty, and starts from the notice it changes', async () => {
    const { board, sent } = boardWith(null)
    const draft = new NoticeDraft(board, 'x'.repeat(130))
    expect(draft.text.length).toBe(120)
    draft.type('   ')
    expect(draft.canPublish).toBe(false)
    expect(await draft.publish()).toBe(false)
    expect(sent).toEqual([])
  })

  it('says why when main refuses it', async () => {
    const board = new NoticeBoard({
      setNotice: async () => fail('invalid-input', 'staff:set-notice: endsAt must be later than now'),
      clearNotice: async () => ok(null)
    })
    const draft = new NoticeDraft(board, late)
    expect(await draft.publish()).toBe(false)
    expect(draft.error).toBe('invalid-input')
  })
})
