import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Channel } from '../../../src/shared/contract'
import { dispatch } from '../../../src/main/kiosk/handlers'
import type { KioskCore } from '../../../src/main/kiosk/kiosk-core'
import { codeInSetupText, setupCodeFileName } from '../../../src/main/staff/setup-code'
import type { OpenPicker } from '../../../src/main/staff/session-folder-picker'
import { startTestCore } from '../support/test-core'

vi.mock('electron', () => ({ default: {} }))

const sender = { senderUrl: 'app://kiosk/index.html' }

// The native picker is the one piece of staff mode a patient could be left holding: it must not outlive the session.
describe('the folder picker in staff mode', () => {
  let data: string
  let core: KioskCore
  let pickers: Array<{ closed: boolean; answer: (path: string | null) => void }>
  const call = (channel: Channel, payload?: unknown) => dispatch(core.handlers, channel, payload, sender, () => true)
  const open = (): OpenPicker => {
    const picker = { closed: false, answer: (_path: string | null) => {} }
    pickers.push(picker)
    return {
      answer: new Promise((done) => (picker.answer = done)),
      close: () => (picker.closed = true)
    }
  }

  beforeEach(async () => {
    pickers = []
    data = await mkdtemp(join(tmpdir(), 'kiosk-picker-data-'))
    core = await startTestCore(data, {}, { app: { restart: () => {}, quit: () => {}, pickFolder: open } })
    const code = codeInSetupText(await readFile(join(data, setupCodeFileName), 'utf8')) ?? ''
    await call('staff:create-pin', { setupCode: code, pin: '2468', confirmation: '2468' })
  })
  afterEach(async () => {
    await rm(data, { recursive: true, force: true })
  })

  it('offers the folder staff picked as a destination', async () => {
    const picked = call('staff:pick-folder')
    await vi.waitFor(() => expect(pickers).toHaveLength(1))
    pickers[0]?.answer('/media/stick')
    expect(await picked).toEqual({ ok: true, value: { id: 'picked', label: '/media/stick', kind: 'picked' } })
  })

  it.each([
    ['Done', () => call('staff:end')],
    ['a reload of the screen', async () => core.staff.end()]
  ])('closes the picker on %s, and never offers the folder it answers late', async (_what, endSession) => {
    const picked = call('staff:pick-folder')
    await vi.waitFor(() => expect(pickers).toHaveLength(1))
    await endSession()
    expect(pickers[0]?.closed).toBe(true)
    pickers[0]?.answer('C:\\Users\\Public')
    expect(await picked).toMatchObject({ ok: false, error: { code: 'staff-locked' } })
    await call('staff:unlock', { pin: '2468' })
    const offered = await call('staff:destinations')
    expect(JSON.stringify(offered)).not.toContain('Public')
  })
})
