import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StaffAuth, hashPin, lockoutSeconds, pinMatches } from '../../../src/main/staff/staff-auth'
import { openElectronStore } from '../support/open-json-file'

vi.mock('electron', () => ({ default: {} }))

describe('PIN hashing', () => {
  it('stores a salted scrypt hash, never the PIN, and a fresh salt each time', async () => {
    const first = await hashPin('4821')
    const second = await hashPin('4821')
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(first).not.toContain('4821')
    expect(first).not.toBe(second)
    expect(await pinMatches('4821', first)).toBe(true)
    expect(await pinMatches('4822', first)).toBe(false)
    expect(await pinMatches('4821', 'md5$whatever')).toBe(false)
  })

  it('locks after the fifth wrong PIN, for longer each time, never more than an hour', () => {
    expect([1, 4, 5, 6, 7, 20].map(lockoutSeconds)).toEqual([0, 0, 30, 60, 120, 3600])
  })
})

describe('staff auth', () => {
  let folder: string
  let clock: Date
  const now = () => clock
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-staff-'))
    clock = new Date('2026-11-24T09:00:00.000Z')
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('offers to create a PIN on first use, and keeps only the hash on disk', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    expect(auth.canCreatePinOnScreen()).toBe(true)
    expect(await auth.unlock('1234')).toEqual({ ok: false, refusal: { reason: 'no-pin' } })
    await auth.setPin('135790')
    expect(auth.canCreatePinOnScreen()).toBe(false)
    expect(await readFile(join(folder, 'staff.json'), 'utf8')).not.toContain('135790')
  })

  it('refuses a PIN that is not 4 to 8 digits', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    for (const pin of ['123', '123456789', '12a4', '']) await expect(auth.setPin(pin)).rejects.toThrow('4 to 8 digits')
  })

  it('opens a session with the right PIN that ends after two minutes without a touch', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    expect(await auth.unlock('2468')).toEqual({ ok: true })
    expect(auth.inSession()).toBe(true)
    clock = new Date(clock.getTime() + 90_000)
    auth.touch()
    clock = new Date(clock.getTime() + 119_000)
    expect(auth.inSession()).toBe(true)
    clock = new Date(clock.getTime() + 1_000)
    expect(auth.inSession()).toBe(false)
  })

  it('ends the session on Done', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    await auth.unlock('2468')
    auth.end()
    expect(auth.inSession()).toBe(false)
  })

  it('counts wrong PINs down, locks on the fifth, and keeps the lock across a restart', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    for (const left of [4, 3, 2, 1]) {
      expect(await auth.unlock('0000')).toEqual({ ok: false, refusal: { reason: 'wrong-pin', triesLeft: left } })
    }
    expect(await auth.unlock('0000')).toEqual({ ok: false, refusal: { reason: 'locked', seconds: 30 } })
    const restarted = new StaffAuth(folder, openElectronStore, now)
    expect(await restarted.unlock('2468')).toEqual({ ok: false, refusal: { reason: 'locked', seconds: 30 } })
    clock = new Date(clock.getTime() + 30_000)
    expect(await restarted.unlock('0000')).toEqual({ ok: false, refusal: { reason: 'locked', seconds: 60 } })
    clock = new Date(clock.getTime() + 60_000)
    expect(await restarted.unlock('2468')).toEqual({ ok: true })
    expect(await restarted.unlock('0000')).toEqual({ ok: false, refusal: { reason: 'wrong-pin', triesLeft: 4 } })
  })

  it('counts attempts fired together one by one, so they cannot get round the lockout', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    const guesses = ['0000', '1111', '2222', '3333', '4444', '5555', '6666', '2468']
    const answers = await Promise.all(guesses.map((pin) => auth.unlock(pin)))
    expect(answers.at(-1)).toEqual({ ok: false, refusal: { reason: 'locked', seconds: expect.any(Number) } })
    expect(answers.filter((answer) => answer.ok)).toEqual([])
  })

  it('after a damaged staff file, keeps it aside and lets only IT set a new PIN', async () => {
    await writeFile(join(folder, 'staff.json'), '{"pinHash": ')
    const auth = new StaffAuth(folder, openElectronStore, now)
    expect(auth.hasPin()).toBe(false)
    expect(auth.canCreatePinOnScreen()).toBe(false)
    expect((await readdir(folder)).some((name) => name.startsWith('staff.corrupt-'))).toBe(true)
    await auth.setPin('8642')
    expect(await auth.unlock('8642')).toEqual({ ok: true })
  })
})
