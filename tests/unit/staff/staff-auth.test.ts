import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StaffAuth, hashPin, lockoutSeconds, pinMatches } from '../../../src/main/staff/staff-auth'
import { codeInSetupText, setupCodeFileName } from '../../../src/main/staff/setup-code'
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

  it('locks after the fifth wrong PIN, for longer each time, never more than 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 20].map(lockoutSeconds)).toEqual([0, 0, 30, 60, 120, 900])
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

  it("reads an older version's count of 40 and hour-long lock as a lock of 15 minutes at most", async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    const old = JSON.parse(await readFile(join(folder, 'staff.json'), 'utf8')) as Record<string, unknown>
    delete old['lastFailureAt']
    const hourLater = new Date(clock.getTime() + 3_600_000).toISOString()
    await writeFile(join(folder, 'staff.json'), JSON.stringify({ ...old, failures: 40, lockedUntil: hourLater }))
    const restarted = new StaffAuth(folder, openElectronStore, now)
    expect(restarted.lockedSeconds()).toBe(900)
    expect(await restarted.unlock('2468')).toEqual({ ok: false, refusal: { reason: 'locked', seconds: 900 } })
    clock = new Date(clock.getTime() + 900_000)
    expect(await restarted.unlock('2468')).toEqual({ ok: true })
  })

  it('forgets wrong PINs with quiet time, so a wrong tap an hour never keeps staff out', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    for (let tap = 0; tap < 5; tap += 1) await auth.unlock('0000')
    expect(auth.lockedSeconds()).toBe(30)
    for (let hour = 0; hour < 6; hour += 1) {
      clock = new Date(clock.getTime() + 3_600_000)
      const answer = await auth.unlock('0000')
      expect(answer.ok === false && answer.refusal.reason).toBe('wrong-pin')
    }
    expect(auth.lockedSeconds()).toBe(0)
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
    // A damaged file on a real kiosk still counts as set up (kiosk/kiosk-setup.ts), so it stays locked.
    expect(auth.resetRequired()).toBe(true)
    expect(auth.canCreatePinOnScreen()).toBe(false)
    expect((await readdir(folder)).some((name) => name.startsWith('staff.corrupt-'))).toBe(true)
    await auth.setPin('8642')
    expect(auth.resetRequired()).toBe(false)
    expect(await auth.unlock('8642')).toEqual({ ok: true })
  })

  it('tells its listeners once a PIN is set, so the window can lock down without a restart', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    expect(auth.resetRequired()).toBe(false)
    let told = 0
    auth.onPinSet(() => (told += 1))
    await auth.setPin('135790')
    expect(told).toBe(1)
  })
})

// Each case hashes a PIN or code several times with scrypt, slow on a busy machine: a roomy time-out, no timing.
describe('the one-time setup code', { timeout: 30_000 }, () => {
  let folder: string
  let clock: Date
  const now = () => clock
  const codeFile = () => join(folder, setupCodeFileName)
  const readCode = async () => codeInSetupText(await readFile(codeFile(), 'utf8'))
  /** A code of the same length that is not the right one. */
  const wrongCode = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10))
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-setup-code-'))
    clock = new Date('2026-11-24T09:00:00.000Z')
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('is written once on first start as 8 random digits, with only its hash in the staff file', async () => {
    const first = new StaffAuth(folder, openElectronStore, now)
    const code = await readCode()
    expect(code).toMatch(/^\d{8}$/)
    expect(first.setupCodeFile()).toBe(codeFile())
    const staffFile = await readFile(join(folder, 'staff.json'), 'utf8')
    expect(staffFile).not.toContain(code)
    expect(JSON.parse(staffFile).setupCodeHash).toMatch(/^scrypt\$/)
    const written = (await stat(codeFile())).mtimeMs
    new StaffAuth(folder, openElectronStore, now)
    new StaffAuth(folder, openElectronStore, now)
    expect(await readCode()).toBe(code)
    expect((await stat(codeFile())).mtimeMs).toBe(written)
    if (process.platform !== 'win32') expect((await stat(codeFile())).mode & 0o077).toBe(0)
  })

  it('sets the first PIN only with the right code, opens a session, and then stops working', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    const code = (await readCode()) ?? ''
    expect(await auth.createFirstPin(wrongCode(code), '2468')).toEqual({
      ok: false,
      refusal: { reason: 'wrong-code', triesLeft: 4 }
    })
    expect(auth.hasPin()).toBe(false)
    expect(await auth.createFirstPin(code, '2468')).toEqual({ ok: true })
    expect(auth.inSession()).toBe(true)
    expect(auth.hasPin()).toBe(true)
    expect(auth.canCreatePinOnScreen()).toBe(false)
    expect(auth.setupCodeFile()).toBeNull()
    await expect(stat(codeFile())).rejects.toThrow('ENOENT')
    expect(JSON.parse(await readFile(join(folder, 'staff.json'), 'utf8')).setupCodeHash).toBeNull()
    expect(await auth.createFirstPin(code, '1357')).toEqual({ ok: false, refusal: { reason: 'not-allowed' } })
    const restarted = new StaffAuth(folder, openElectronStore, now)
    expect(await restarted.createFirstPin(code, '1357')).toEqual({ ok: false, refusal: { reason: 'not-allowed' } })
    expect(await restarted.unlock('2468')).toEqual({ ok: true })
  })

  it('counts wrong codes toward the same lockout as wrong PINs, across a restart', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    const code = (await readCode()) ?? ''
    for (const left of [4, 3, 2, 1]) {
      expect(await auth.createFirstPin(wrongCode(code), '2468')).toEqual({
        ok: false,
        refusal: { reason: 'wrong-code', triesLeft: left }
      })
    }
    expect(await auth.createFirstPin('1', '2468')).toEqual({ ok: false, refusal: { reason: 'locked', seconds: 30 } })
    const restarted = new StaffAuth(folder, openElectronStore, now)
    expect(restarted.lockedSeconds()).toBe(30)
    expect(await restarted.createFirstPin(code, '2468')).toEqual({
      ok: false,
      refusal: { reason: 'locked', seconds: 30 }
    })
    expect(restarted.hasPin()).toBe(false)
    clock = new Date(clock.getTime() + 30_000)
    expect(await restarted.createFirstPin(code, '2468')).toEqual({ ok: true })
    expect(restarted.lockedSeconds()).toBe(0)
  })

  it('checks guesses fired together one by one', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    const code = (await readCode()) ?? ''
    const guesses = ['00000000', '11111111', '22222222', '33333333', '44444444', '55555555'].filter(
      (guess) => guess !== code
    )
    const answers = await Promise.all([...guesses, code].map((guess) => auth.createFirstPin(guess, '2468')))
    expect(answers.filter((answer) => answer.ok)).toEqual([])
    expect(answers.at(-1)).toEqual({ ok: false, refusal: { reason: 'locked', seconds: expect.any(Number) } })
  })

  it('is retired when IT sets the PIN, and never written again while a PIN exists', async () => {
    const beforeCode = new StaffAuth(folder, openElectronStore, now)
    const code = (await readCode()) ?? ''
    await beforeCode.setPin('97531')
    await expect(stat(codeFile())).rejects.toThrow('ENOENT')
    expect(await beforeCode.createFirstPin(code, '2468')).toEqual({ ok: false, refusal: { reason: 'not-allowed' } })
    const restarted = new StaffAuth(folder, openElectronStore, now)
    expect(await readdir(folder)).not.toContain(setupCodeFileName)
    expect(restarted.setupCodeFile()).toBeNull()
    // A stray code file (put back from a backup) is removed at start, and its code does nothing.
    await writeFile(codeFile(), `\r\n${code}\r\n`)
    new StaffAuth(folder, openElectronStore, now)
    expect(await readdir(folder)).not.toContain(setupCodeFileName)
  })

  it('still leaves a damaged staff file to IT: no code is written and an old one stops working', async () => {
    new StaffAuth(folder, openElectronStore, now)
    const code = (await readCode()) ?? ''
    await writeFile(join(folder, 'staff.json'), '{"pinHash": ')
    const auth = new StaffAuth(folder, openElectronStore, now)
    expect(auth.canCreatePinOnScreen()).toBe(false)
    expect(auth.setupCodeFile()).toBeNull()
    expect(await readdir(folder)).not.toContain(setupCodeFileName)
    expect(await auth.createFirstPin(code, '2468')).toEqual({ ok: false, refusal: { reason: 'not-allowed' } })
    expect(auth.hasPin()).toBe(false)
    await auth.setPin('8642')
    expect(await auth.unlock('8642')).toEqual({ ok: true })
  })

  it('writes a new code when IT deleted the file, and the old one stops working', async () => {
    new StaffAuth(folder, openElectronStore, now)
    const old = (await readCode()) ?? ''
    await rm(codeFile())
    const auth = new StaffAuth(folder, openElectronStore, now)
    const fresh = (await readCode()) ?? ''
    expect(fresh).toMatch(/^\d{8}$/)
    if (fresh !== old) {
      expect(await auth.createFirstPin(old, '2468')).toMatchObject({ ok: false, refusal: { reason: 'wrong-code' } })
    }
    expect(await auth.createFirstPin(fresh, '2468')).toEqual({ ok: true })
  })

  it('leaves the first PIN to IT, and says why, when the code cannot be written', async () => {
    // A folder where the temporary file would go: the write fails as on a read-only data folder, even for root.
    await mkdir(join(folder, `${setupCodeFileName}.tmp`))
    const logError = vi.fn()
    const auth = new StaffAuth(folder, openElectronStore, now, 120, logError)
    expect(auth.canCreatePinOnScreen()).toBe(false)
    expect(auth.setupCodeFile()).toBeNull()
    expect(logError).toHaveBeenCalledWith(expect.stringContaining(setupCodeFileName), expect.any(Error))
    expect(await auth.createFirstPin('12345678', '2468')).toEqual({ ok: false, refusal: { reason: 'not-allowed' } })
  })
})

// Each case hashes a PIN or code several times with scrypt, slow on a busy machine: a roomy time-out, no timing.
describe('changing the PIN', { timeout: 30_000 }, () => {
  let folder: string
  let clock: Date
  const now = () => clock
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-pin-change-'))
    clock = new Date('2026-11-24T09:00:00.000Z')
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('needs the current PIN; afterwards only the new one unlocks', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    expect(await auth.changePin('2468', '975310')).toEqual({ ok: true })
    auth.end()
    expect(await auth.unlock('2468')).toEqual({ ok: false, refusal: { reason: 'wrong-pin', triesLeft: 4 } })
    expect(await auth.unlock('975310')).toEqual({ ok: true })
  })

  it('counts a wrong current PIN toward the same lockout as unlocking', async () => {
    const auth = new StaffAuth(folder, openElectronStore, now)
    await auth.setPin('2468')
    for (const left of [4, 3, 2]) {
      expect(await auth.changePin('1111', '1357')).toEqual({
        ok: false,
        refusal: { reason: 'wrong-pin', triesLeft: left }
      })
    }
    expect(await auth.unlock('0000')).toEqual({ ok: false, refusal: { reason: 'wrong-pin', triesLeft: 1 } })
    expect(await auth.changePin('1111', '1357')).toEqual({ ok: false, refusal: { reason: 'locked', seconds: 30 } })
    expect(await auth.changePin('2468', '1357')).toEqual({ ok: false, refusal: { reason: 'locked', seconds: 30 } })
    clock = new Date(clock.getTime() + 30_000)
    expect(await auth.changePin('2468', '1357')).toEqual({ ok: true })
    expect(auth.lockedSeconds()).toBe(0)
  })
})
