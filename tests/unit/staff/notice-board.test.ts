import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Channel } from '../../../src/shared/contract'
import type { ClinicHours } from '../../../src/shared/display-schedule'
import { dispatch } from '../../../src/main/kiosk/handlers'
import { NoticeBoard } from '../../../src/main/staff/notice-board'
import { feedbackRecord } from '../support/records'
import { openElectronStore } from '../support/open-json-file'
import { startTestCore } from '../support/test-core'

vi.mock('electron', () => ({ default: {} }))

const late = 'The clinic is running about 20 minutes late'

describe('the notice board', () => {
  let folder: string
  let clock: Date
  let hours: ClinicHours | null
  const logError = vi.fn()
  const open = () =>
    new NoticeBoard({
      dataFolder: folder,
      openJsonFile: openElectronStore,
      now: () => clock,
      clinicHours: () => hours,
      logError
    })

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-notice-'))
    // A Tuesday morning, PC time.
    clock = new Date(2026, 10, 24, 9, 0)
    hours = null
    logError.mockClear()
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('has no notice until staff put one up, then hands it out until its end time, and takes it down then', async () => {
    const board = open()
    expect(board.current()).toBeNull()
    const endsAt = new Date(2026, 10, 24, 11, 30)
    expect(await board.set({ text: late, endsAt: endsAt.toISOString() })).toEqual({
      ok: true,
      value: { text: late, endsAt: endsAt.toISOString() }
    })
    clock = new Date(2026, 10, 24, 11, 29, 59)
    expect(board.current()).toEqual({ text: late, endsAt: endsAt.toISOString() })
    clock = endsAt
    expect(board.current()).toBeNull()
    // Taken down on disk too, so a restart the next morning shows nothing either.
    expect(JSON.parse(await readFile(join(folder, 'notice.json'), 'utf8'))).toMatchObject({ notice: null })
  })

  it('keeps one notice at a time, and staff take it down at once', async () => {
    const board = open()
    await board.set({ text: 'First', endsAt: null })
    await board.set({ text: late, endsAt: null })
    expect(board.current()?.text).toBe(late)
    board.clear()
    expect(board.current()).toBeNull()
  })

  it('scrubs the notice as comments are scrubbed', async () => {
    const board = open()
    const result = await board.set({ text: 'Call 555 123 4567 or mail desk@clinic.example if late', endsAt: null })
    expect(result).toMatchObject({ ok: true, value: { text: 'Call [removed] or mail [removed] if late' } })
    expect(await readFile(join(folder, 'notice.json'), 'utf8')).not.toMatch(/555|desk@/)
  })

  it('still fits its 120 characters when scrubbing made it longer', async () => {
    const text = `Ring 5551234. ${'x'.repeat(106)}`
    expect(text.length).toBe(120)
    const result = await open().set({ text, endsAt: null })
    expect(result.ok && result.value.text.length).toBe(120)
    expect(result.ok && result.value.text.endsWith('…')).toBe(true)
  })

  it("ends by default when today's clinic hours end", async () => {
    hours = { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:30' }
    const result = await open().set({ text: late, endsAt: null })
    expect(result.ok && new Date(result.value.endsAt)).toEqual(new Date(2026, 10, 24, 18, 30))
  })

  it('ends by default at the end of the day after closing, on a closed day, or without clinic hours', async () => {
    const midnight = new Date(2026, 10, 25, 0, 0)
    const endOf = async () => {
      const result = await open().set({ text: late, endsAt: null })
      return result.ok ? new Date(result.value.endsAt) : result.error.message
    }
    expect(await endOf()).toEqual(midnight)
    hours = { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:30' }
    clock = new Date(2026, 10, 24, 19, 0)
    expect(await endOf()).toEqual(midnight)
    hours = { days: [0, 6], open: '08:00', close: '18:30' }
    clock = new Date(2026, 10, 24, 9, 0)
    expect(await endOf()).toEqual(midnight)
  })

  it('refuses an end time that has passed or is more than a week away, and keeps the notice it had', async () => {
    const board = open()
    await board.set({ text: late, endsAt: null })
    expect(await board.set({ text: 'Other', endsAt: new Date(2026, 10, 24, 8, 59).toISOString() })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'staff:set-notice: endsAt must be later than now' }
    })
    expect(await board.set({ text: 'Other', endsAt: new Date(2026, 11, 2, 9, 0).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'staff:set-notice: endsAt must be within 7 days' }
    })
    expect(board.current()?.text).toBe(late)
  })

  it('survives a restart: a board opened again over the same folder shows the same notice', async () => {
    await open().set({ text: late, endsAt: null })
    expect(open().current()?.text).toBe(late)
  })

  it('keeps a damaged file aside, starts with no notice, and says so in the log', async () => {
    await writeFile(join(folder, 'notice.json'), '{"notice": {"text": "half')
    const board = open()
    expect(board.current()).toBeNull()
    const names = await readdir(folder)
    expect(names.some((name) => /^notice\.corrupt-.*\.json$/.test(name))).toBe(true)
    expect(logError).toHaveBeenCalledWith('the notice file was damaged', expect.any(Error))
    expect((await board.set({ text: late, endsAt: null })).ok).toBe(true)
  })
})

describe('the notice through the kiosk core', () => {
  let data: string
  let usb: string
  const sender = { senderUrl: 'app://kiosk/index.html' }

  beforeEach(async () => {
    data = await mkdtemp(join(tmpdir(), 'kiosk-notice-core-'))
    usb = await mkdtemp(join(tmpdir(), 'kiosk-notice-usb-'))
  })
  afterEach(async () => {
    await rm(data, { recursive: true, force: true })
    await rm(usb, { recursive: true, force: true })
  })

  it('is changed only inside a staff session, read by any patient screen, and never enters an export', async () => {
    const core = await startTestCore(data, { exportFolder: usb })
    const call = (channel: Channel, payload?: unknown) => dispatch(core.handlers, channel, payload, sender, () => true)
    await core.feedbackStore.append(feedbackRecord({ time: new Date().toISOString().slice(0, 14) + '00:00.000Z' }))
    expect(await call('staff:set-notice', { text: late, endsAt: null })).toMatchObject({
      ok: false,
      error: { code: 'staff-locked' }
    })
    expect(await call('staff:clear-notice')).toMatchObject({ ok: false, error: { code: 'staff-locked' } })
    // IT set the PIN, as on a kiosk set up by the book; staff then unlock.
    await core.staffAuth.setPin('2468')
    await call('staff:unlock', { pin: '2468' })
    expect(await call('staff:set-notice', { text: late, endsAt: null })).toMatchObject({ ok: true })
    expect(await call('kiosk:notice')).toMatchObject({ ok: true, value: { text: late } })
    await call('staff:destinations')
    for (const format of ['csv', 'json'] as const) {
      const exported = await call('staff:export', { destinationId: 'configured', format, range: { kind: 'all' } })
      expect(exported, JSON.stringify(exported)).toMatchObject({ ok: true, value: { records: 1 } })
    }
    const exported = await readdir(usb)
    expect(exported.length).toBe(4)
    for (const name of exported) expect(await readFile(join(usb, name), 'utf8')).not.toContain('minutes late')
    expect(await call('staff:clear-notice')).toEqual({ ok: true, value: null })
    expect(await call('kiosk:notice')).toEqual({ ok: true, value: null })
  })
})
