import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskApi } from '../../../src/shared/contract'
import { fail, ok } from '../../../src/shared/result'
import { StaffGesture, staffGesture } from '../../../src/renderer/src/lib/state/staff-gesture.svelte'
import { StaffSession } from '../../../src/renderer/src/lib/state/staff-session.svelte'

const screen = { width: 1920, height: 1080 }
const topLeft = [10, 10, screen.width, screen.height] as const
const bottomRight = [screen.width - 10, screen.height - 10, screen.width, screen.height] as const

describe('staff gesture', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('opens after a 3-second hold of the top-left corner and a tap on the bottom-right one', () => {
    const gesture = new StaffGesture()
    expect(gesture.down(...topLeft)).toBe(false)
    vi.advanceTimersByTime(staffGesture.holdMilliseconds)
    gesture.up()
    expect(gesture.down(...bottomRight)).toBe(true)
  })

  it('does nothing for a short press, a tap elsewhere in between, or a late second tap', () => {
    const gesture = new StaffGesture()
    gesture.down(...topLeft)
    vi.advanceTimersByTime(staffGesture.holdMilliseconds - 1)
    gesture.up()
    vi.advanceTimersByTime(10)
    expect(gesture.down(...bottomRight)).toBe(false)

    gesture.down(...topLeft)
    vi.advanceTimersByTime(staffGesture.holdMilliseconds)
    gesture.up()
    gesture.down(900, 500, screen.width, screen.height)
    expect(gesture.down(...bottomRight)).toBe(false)

    gesture.down(...topLeft)
    vi.advanceTimersByTime(staffGesture.holdMilliseconds)
    gesture.up()
    vi.advanceTimersByTime(staffGesture.armedMilliseconds)
    expect(gesture.down(...bottomRight)).toBe(false)
  })
})

function fakeApi(overrides: Partial<KioskApi> = {}): KioskApi {
  const summary = {
    overall: { count: 0, distribution: null, average: null },
    articles: [],
    trend: [],
    smallGroup: 5,
    health: {} as never
  }
  return {
    staffStatus: vi.fn(async () =>
      ok({ inSession: false, hasPin: true, canCreatePin: false, lockedSeconds: 0, setupCodeFile: null })
    ),
    unlockStaff: vi.fn(async ({ pin }: { pin: string }) =>
      ok(
        pin === '2468'
          ? { unlocked: true as const }
          : { unlocked: false as const, reason: 'wrong-pin' as const, triesLeft: 3 }
      )
    ),
    createStaffPin: vi.fn(async () => ok({ unlocked: true as const })),
    staffSummary: vi.fn(async () => ok(summary)),
    exportDestinations: vi.fn(async () =>
      ok({ destinations: [{ id: 'drive-1', label: 'USB (E:)', kind: 'removable' as const }], canPickFolder: false })
    ),
    exportFeedback: vi.fn(async () => ok({ exportId: 'e', file: 'f.csv', records: 3, place: 'USB (E:)' })),
    clearExported: vi.fn(async () => ok({ removed: 3 })),
    endStaff: vi.fn(async () => ok(null)),
    touchStaff: vi.fn(async () =>
      ok({ inSession: true, hasPin: true, canCreatePin: false, lockedSeconds: 0, setupCodeFile: null })
    ),
    ...overrides
  } as unknown as KioskApi
}

describe('staff session (renderer)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks for the PIN, shows the tries left, and opens the panel on the right one', async () => {
    const api = fakeApi()
    const staff = new StaffSession(api, 120, () => {})
    await staff.open()
    expect(staff.step).toBe('pin')
    for (const digit of '1111') staff.press(digit)
    await staff.submitPin()
    expect(staff.notice).toEqual({ kind: 'wrong', triesLeft: 3 })
    for (const digit of '2468') staff.press(digit)
    await staff.submitPin()
    expect(staff.step).toBe('panel')
    expect(staff.destinations).toHaveLength(1)
  })

  it('does not reopen the panel when the right PIN is answered after Cancel, and ends the session in main', async () => {
    let answer: (value: unknown) => void = () => {}
    const api = fakeApi({ unlockStaff: vi.fn(() => new Promise((resolve) => (answer = resolve))) as never })
    const staff = new StaffSession(api, 120, () => {})
    await staff.open()
    for (const digit of '2468') staff.press(digit)
    const submitting = staff.submitPin()
    await staff.close()
    answer(ok({ unlocked: true }))
    await submitting
    expect(staff.step).toBe('closed')
    expect(api.staffSummary).not.toHaveBeenCalled()
    expect(api.endStaff).toHaveBeenCalledTimes(2)
  })

  it('sends one clear however many times Remove is tapped', async () => {
    const api = fakeApi()
    const staff = new StaffSession(api, 120, () => {})
    await staff.open()
    for (const digit of '2468') staff.press(digit)
    await staff.submitPin()
    await staff.export('drive-1', 'csv', { kind: 'all' })
    staff.askToClear()
    await Promise.all([staff.clear(), staff.clear()])
    expect(api.clearExported).toHaveBeenCalledTimes(1)
  })

  it('keeps at most 8 digits and needs at least 4 before OK', () => {
    const staff = new StaffSession(fakeApi(), 120, () => {})
    for (const digit of '123') staff.press(digit)
    expect(staff.pinComplete).toBe(false)
    for (const digit of '4567890') staff.press(digit)
    expect(staff.pin).toBe('12345678')
  })

  it('offers clearing only after a verified export, and only after a confirmation', async () => {
    const api = fakeApi()
    const staff = new StaffSession(api, 120, () => {})
    await staff.open()
    for (const digit of '2468') staff.press(digit)
    await staff.submitPin()
    await staff.clear()
    expect(api.clearExported).not.toHaveBeenCalled()
    await staff.export('drive-1', 'csv', { kind: 'all' })
    expect(staff.exportState.kind).toBe('done')
    staff.askToClear()
    await staff.clear()
    expect(api.clearExported).toHaveBeenCalledWith({ exportId: 'e' })
    expect(staff.exportState).toEqual({ kind: 'cleared', removed: 3 })
  })

  it('shows the reason when an export fails, and offers no clearing', async () => {
    const staff = new StaffSession(
      fakeApi({ exportFeedback: vi.fn(async () => fail('disk-full', 'full')) as never }),
      120,
      () => {}
    )
    await staff.open()
    for (const digit of '2468') staff.press(digit)
    await staff.submitPin()
    await staff.export('drive-1', 'csv', { kind: 'all' })
    expect(staff.exportState).toEqual({ kind: 'failed', code: 'disk-full' })
    staff.askToClear()
    expect(staff.exportState.kind).toBe('failed')
  })

  it('closes after the session time without a touch, and tells main', async () => {
    const api = fakeApi()
    const closed = vi.fn()
    const staff = new StaffSession(api, 120, closed)
    await staff.open()
    vi.advanceTimersByTime(119_000)
    staff.touch()
    vi.advanceTimersByTime(119_000)
    expect(staff.step).toBe('pin')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(staff.step).toBe('closed')
    expect(api.endStaff).toHaveBeenCalled()
    expect(closed).toHaveBeenCalled()
  })
})

describe('the first PIN on screen (renderer)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const codeFile = 'C:\\ProgramData\\Waiting Room Kiosk\\setup-code.txt'
  const firstUse = vi.fn(async () =>
    ok({ inSession: false, hasPin: false, canCreatePin: true, lockedSeconds: 0, setupCodeFile: codeFile })
  )
  const type = (staff: StaffSession, digits: string) => {
    for (const digit of digits) staff.press(digit)
    return staff.submitPin()
  }

  it('asks for the whole 8-digit setup code first, showing only where it is, then the new PIN twice', async () => {
    const api = fakeApi({ staffStatus: firstUse as never })
    const staff = new StaffSession(api, 120, () => {})
    await staff.open()
    expect(staff.step).toBe('setup-code')
    expect(staff.setupCodeFile).toBe(codeFile)
    for (const digit of '1234567') staff.press(digit)
    expect(staff.pinComplete).toBe(false)
    for (const digit of '890') staff.press(digit)
    expect(staff.pin).toBe('12345678')
    await staff.submitPin()
    expect(staff.step).toBe('create')
    await type(staff, '2468')
    expect(staff.step).toBe('confirm')
    await type(staff, '2468')
    expect(api.createStaffPin).toHaveBeenCalledWith({ setupCode: '12345678', pin: '2468', confirmation: '2468' })
    expect(staff.step).toBe('panel')
  })

  it('after a wrong code asks for the code again and keeps the PIN already chosen twice', async () => {
    const createStaffPin = vi
      .fn()
      .mockResolvedValueOnce(ok({ unlocked: false, reason: 'wrong-code', triesLeft: 4 }))
      .mockResolvedValueOnce(ok({ unlocked: true }))
    const api = fakeApi({ staffStatus: firstUse as never, createStaffPin })
    const staff = new StaffSession(api, 120, () => {})
    await staff.open()
    await type(staff, '11111111')
    await type(staff, '2468')
    await type(staff, '2468')
    expect(staff.step).toBe('setup-code')
    expect(staff.notice).toEqual({ kind: 'wrong-code', triesLeft: 4 })
    await type(staff, '12345678')
    expect(createStaffPin).toHaveBeenLastCalledWith({ setupCode: '12345678', pin: '2468', confirmation: '2468' })
    expect(staff.step).toBe('panel')
  })

  it('shows the pause when entry is locked, and leaves the PIN to IT when main refuses outright', async () => {
    const createStaffPin = vi.fn(async () => ok({ unlocked: false, reason: 'locked', seconds: 30 }))
    const staff = new StaffSession(fakeApi({ staffStatus: firstUse as never, createStaffPin } as never), 120, () => {})
    await staff.open()
    await type(staff, '11111111')
    await type(staff, '2468')
    await type(staff, '2468')
    expect(staff.notice).toEqual({ kind: 'locked', seconds: 30 })
    expect(staff.step).toBe('setup-code')

    const staffStatus = vi
      .fn()
      .mockResolvedValueOnce(
        ok({ inSession: false, hasPin: false, canCreatePin: true, lockedSeconds: 0, setupCodeFile: codeFile })
      )
      .mockResolvedValue(
        ok({ inSession: false, hasPin: false, canCreatePin: false, lockedSeconds: 0, setupCodeFile: null })
      )
    const refused = new StaffSession(
      fakeApi({ staffStatus, createStaffPin: vi.fn(async () => fail('staff-locked', 'IT sets it')) } as never),
      120,
      () => {}
    )
    await refused.open()
    await type(refused, '12345678')
    await type(refused, '2468')
    await type(refused, '2468')
    expect(refused.step).toBe('reset-required')
  })
})

describe('changing the PIN (renderer)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const unlocked = async (api: KioskApi) => {
    const staff = new StaffSession(api, 120, () => {})
    await staff.open()
    for (const digit of '2468') staff.press(digit)
    await staff.submitPin()
    staff.startPinChange()
    return staff
  }
  const type = async (staff: StaffSession, digits: string) => {
    for (const digit of digits) staff.press(digit)
    await staff.submitPin()
  }

  it('takes the current PIN, then the new one twice, sends them once, and goes back to the panel', async () => {
    const changeStaffPin = vi.fn(async () => ok({ changed: true }))
    const staff = await unlocked(fakeApi({ changeStaffPin } as never))
    expect(staff.step).toBe('change-current')
    await type(staff, '2468')
    expect(staff.step).toBe('change-new')
    await type(staff, '1357')
    await type(staff, '1358')
    expect(staff.notice).toEqual({ kind: 'mismatch' })
    expect(staff.step).toBe('change-new')
    await type(staff, '1357')
    await type(staff, '1357')
    expect(changeStaffPin).toHaveBeenCalledTimes(1)
    expect(changeStaffPin).toHaveBeenCalledWith({ current: '2468', pin: '1357', confirmation: '1357' })
    expect(staff.step).toBe('change-done')
    staff.endPinChange()
    expect(staff.step).toBe('panel')
    expect(staff.summary).not.toBeNull()
  })

  it('starts again from the current PIN when it was wrong, with the tries left or the pause', async () => {
    const changeStaffPin = vi
      .fn()
      .mockResolvedValueOnce(ok({ changed: false, reason: 'wrong-pin', triesLeft: 2 }))
      .mockResolvedValueOnce(ok({ changed: false, reason: 'locked', seconds: 60 }))
    const staff = await unlocked(fakeApi({ changeStaffPin } as never))
    for (const notice of [
      { kind: 'wrong', triesLeft: 2 },
      { kind: 'locked', seconds: 60 }
    ]) {
      await type(staff, '1111')
      await type(staff, '1357')
      await type(staff, '1357')
      expect(staff.step).toBe('change-current')
      expect(staff.notice).toEqual(notice)
    }
  })

  it('keeps the session in main alive while the PIN is being changed, and closes when main says it has ended', async () => {
    const touchStaff = vi.fn(async () => fail('staff-locked', 'staff mode is locked'))
    const changeStaffPin = vi.fn(async () => fail('staff-locked', 'staff mode is locked'))
    const staff = await unlocked(fakeApi({ changeStaffPin, touchStaff } as never))
    vi.advanceTimersByTime(6_000)
    staff.press('2')
    expect(touchStaff).toHaveBeenCalled()
    await vi.waitFor(() => expect(staff.step).toBe('closed'))

    const again = await unlocked(fakeApi({ changeStaffPin } as never))
    await type(again, '2468')
    await type(again, '1357')
    await type(again, '1357')
    await vi.waitFor(() => expect(again.step).toBe('closed'))
  })
})
