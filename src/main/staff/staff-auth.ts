import { randomBytes, scrypt as scryptCallback, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { type JsonFile, type JsonFileOptions, type OpenJsonFile, openOrSetAside } from '../kiosk/json-file'
import {
  hasSetupCodeFile,
  newSetupCode,
  removeSetupCodeFile,
  setupCodeLength,
  setupCodePath,
  writeSetupCodeFile
} from './setup-code'
import { afterFailure, allowedFailures, lockedSecondsAt, type LockoutState, withinBounds } from './pin-lockout'

export { allowedFailures, lockoutSeconds } from './pin-lockout'

/** A PIN is 4 to 8 digits: easy on a touch pad, and the lockout makes guessing slow. */
export const pinPattern = /^\d{4,8}$/

const scryptParameters = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions
const keyLength = 32

interface StaffData extends Record<string, unknown> {
  /** `scrypt$N$r$p$salt$hash`, base64 parts; null until a PIN is set. */
  pinHash: string | null
  failures: number
  /** When the last wrong PIN or code was given; the count decays from then (pin-lockout.ts). */
  lastFailureAt: string | null
  lockedUntil: string | null
  /** Set when the staff file was found damaged: only IT (the CLI) may set a new PIN, never the screen. */
  resetRequired: boolean
  /** The one-time setup code's hash while no PIN is set (the plain code is only in `setup-code.txt`); else null. */
  setupCodeHash: string | null
}

const hashPattern = '^scrypt\\$\\d+\\$\\d+\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$'

const staffOptions = (): JsonFileOptions<StaffData> => ({
  schema: {
    pinHash: { type: ['string', 'null'], pattern: hashPattern },
    failures: { type: 'integer', minimum: 0 },
    lastFailureAt: { type: ['string', 'null'] },
    lockedUntil: { type: ['string', 'null'] },
    resetRequired: { type: 'boolean' },
    setupCodeHash: { type: ['string', 'null'], pattern: hashPattern }
  },
  defaults: {
    pinHash: null,
    failures: 0,
    lastFailureAt: null,
    lockedUntil: null,
    resetRequired: false,
    setupCodeHash: null
  },
  migrations: {},
  projectVersion: '1.0.0',
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false
})

function scrypt(pin: string, salt: Buffer, parameters: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(pin, salt, keyLength, parameters, (error, key) => (error ? reject(error) : resolve(key)))
  )
}

function storedHash(salt: Buffer, key: Buffer): string {
  const { N, r, p } = scryptParameters
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** Hashes a PIN with a fresh random salt; the PIN itself is never stored. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  return storedHash(salt, await scrypt(pin, salt, scryptParameters))
}

/**
 * As `hashPin`, for the setup code made while the kiosk starts: once per kiosk, and done before the constructor returns
 * so nothing (a test removing the folder, IT's --set-pin) can race a hash still on its way to the staff file.
 */
function hashPinSync(pin: string): string {
  const salt = randomBytes(16)
  return storedHash(salt, scryptSync(pin, salt, keyLength, scryptParameters))
}

/** Checks a PIN against a stored hash in constant time. */
export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !N || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(pin, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: scryptParameters.maxmem
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** Why an unlock did not open staff mode. */
export type UnlockRefusal =
  { reason: 'no-pin' } | { reason: 'wrong-pin'; triesLeft: number } | { reason: 'locked'; seconds: number }

/** Why the first PIN was not set from the screen. */
export type FirstPinRefusal =
  { reason: 'not-allowed' } | { reason: 'wrong-code'; triesLeft: number } | { reason: 'locked'; seconds: number }

/** Why a PIN change was refused. */
export type ChangePinRefusal =
  { reason: 'no-pin' } | { reason: 'wrong-pin'; triesLeft: number } | { reason: 'locked'; seconds: number }

/** An attempt's outcome: done, or refused for a reason. */
type Attempt<R> = { ok: true } | { ok: false; refusal: R }

/**
 * The staff PIN, the one-time setup code and the staff session. All live in main: the renderer only ever learns
 * whether it is in staff mode. Failures and the lockout are kept on disk, so a restart does not reset them; wrong
 * PINs and wrong setup codes count toward the same lockout, which never exceeds 15 minutes and whose count decays
 * with quiet time (pin-lockout.ts), so a patient's stray taps cannot keep staff out for long.
 */
export class StaffAuth {
  readonly #file: JsonFile<StaffData>
  readonly #folder: string
  readonly #now: () => Date
  readonly #sessionMilliseconds: number
  #sessionEnds = 0
  #sessionNumber = 0
  #queue: Promise<void> = Promise.resolve()
  readonly #pinSetListeners: Array<() => void> = []

  /**
   * `sessionSeconds`: how long a session stays open without a staff touch (two minutes unless configured).
   * `logError`: told when the setup code file cannot be written (the screen then leaves the first PIN to IT).
   */
  constructor(
    folder: string,
    open: OpenJsonFile,
    now: () => Date = () => new Date(),
    sessionSeconds = 120,
    logError: (message: string, error: unknown) => void = () => {}
  ) {
    this.#folder = folder
    this.#now = now
    this.#sessionMilliseconds = sessionSeconds * 1000
    // A damaged staff file must not turn into "no PIN yet, anyone may set one": it is kept aside and IT sets a PIN.
    const { file, setAside } = openOrSetAside(open, folder, 'staff', staffOptions(), now)
    if (setAside) file.set('resetRequired', true)
    this.#file = file
    // An older version's count (up to any number) and hour-long lock are read into today's bounds.
    const bounded = withinBounds(this.#lockout(), now())
    if (JSON.stringify(bounded) !== JSON.stringify(this.#lockout())) this.#setLockout(bounded)
    this.#prepareSetupCode(logError)
  }

  /**
   * Keeps exactly one live setup code while the screen may create the first PIN: the one already written if its file
   * is still there, else a new one. Once a PIN is set (or IT must set it), no code is kept and no file is left.
   */
  #prepareSetupCode(logError: (message: string, error: unknown) => void): void {
    if (this.hasPin() || this.#file.get('resetRequired')) {
      if (this.#file.get('setupCodeHash') !== null) this.#file.set('setupCodeHash', null)
      this.#removeCodeFile(logError)
      return
    }
    if (this.#file.get('setupCodeHash') !== null && hasSetupCodeFile(this.#folder)) return
    // No code yet, or IT deleted its file: a new one, whose hash is kept only once its file is safely written.
    const code = newSetupCode()
    this.#file.set('setupCodeHash', null)
    try {
      writeSetupCodeFile(this.#folder, code)
    } catch (error) {
      logError(`the setup code could not be written to ${setupCodePath(this.#folder)}`, error)
      return
    }
    this.#file.set('setupCodeHash', hashPinSync(code))
  }

  #removeCodeFile(logError: (message: string, error: unknown) => void = () => {}): void {
    try {
      removeSetupCodeFile(this.#folder)
    } catch (error) {
      // The code's hash is gone already, so a file left behind holds a code that no longer works.
      logError(`the used setup code file ${setupCodePath(this.#folder)} could not be deleted`, error)
    }
  }

  /** Whether a PIN has been set. */
  hasPin(): boolean {
    return this.#file.get('pinHash') !== null
  }

  /** Whether the staff file was damaged and set aside, so IT must set a PIN before staff mode opens again. */
  resetRequired(): boolean {
    return this.#file.get('resetRequired')
  }

  /** Calls `listener` after every PIN set (on screen or by IT), so the window can lock down without a restart. */
  onPinSet(listener: () => void): void {
    this.#pinSetListeners.push(listener)
  }

  /**
   * Whether the screen may offer to create a PIN: only on first use with a live setup code, never after the staff
   * file was damaged.
   */
  canCreatePinOnScreen(): boolean {
    return !this.hasPin() && !this.#file.get('resetRequired') && this.#file.get('setupCodeHash') !== null
  }

  /** Where the setup code is while the screen may create the first PIN (the screen shows this, never the code). */
  setupCodeFile(): string | null {
    return this.canCreatePinOnScreen() ? setupCodePath(this.#folder) : null
  }

  /** Sets the PIN (IT's CLI, or after the checks of the first PIN or a change); the setup code stops working. */
  async setPin(pin: string): Promise<void> {
    if (!pinPattern.test(pin)) throw new Error('a PIN is 4 to 8 digits')
    this.#file.set('pinHash', await hashPin(pin))
    this.#setLockout({ failures: 0, lastFailureAt: null, lockedUntil: null })
    this.#file.set('resetRequired', false)
    this.#file.set('setupCodeHash', null)
    this.#removeCodeFile()
    for (const listener of this.#pinSetListeners) listener()
  }

  /** Seconds until entry unlocks again; 0 when it is open, never more than the longest lock. */
  lockedSeconds(): number {
    return lockedSecondsAt(this.#lockout(), this.#now())
  }

  #lockout(): LockoutState {
    return {
      failures: this.#file.get('failures'),
      lastFailureAt: this.#file.get('lastFailureAt') ?? null,
      lockedUntil: this.#file.get('lockedUntil')
    }
  }

  #setLockout(state: LockoutState): void {
    this.#file.set('failures', state.failures)
    this.#file.set('lastFailureAt', state.lastFailureAt)
    this.#file.set('lockedUntil', state.lockedUntil)
  }

  /** Runs attempts one at a time: attempts fired together must not all pass the lock check before one is counted. */
  #oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const attempt = this.#queue.then(work)
    this.#queue = attempt.then(
      () => {},
      () => {}
    )
    return attempt
  }

  /** Counts a wrong PIN or code; says how many tries are left, or for how long entry is now locked. */
  #countFailure(): { reason: 'locked'; seconds: number } | { triesLeft: number } {
    const { state, seconds } = afterFailure(this.#lockout(), this.#now())
    this.#setLockout(state)
    if (seconds > 0) return { reason: 'locked', seconds }
    return { triesLeft: allowedFailures - state.failures }
  }

  #succeeded(): void {
    this.#setLockout({ failures: 0, lastFailureAt: null, lockedUntil: null })
  }

  /** Tries a PIN; the right one starts a session, a wrong one counts toward the lockout. */
  unlock(pin: string): Promise<Attempt<UnlockRefusal>> {
    return this.#oneAtATime(async () => {
      const stored = this.#file.get('pinHash')
      if (stored === null) return { ok: false, refusal: { reason: 'no-pin' } }
      const locked = this.lockedSeconds()
      if (locked > 0) return { ok: false, refusal: { reason: 'locked', seconds: locked } }
      if (await pinMatches(pin, stored)) {
        this.#succeeded()
        this.touch()
        return { ok: true }
      }
      const failure = this.#countFailure()
      return { ok: false, refusal: 'seconds' in failure ? failure : { reason: 'wrong-pin', ...failure } }
    })
  }

  /**
   * The first PIN, from the screen: only with the right setup code, which then stops working. A wrong code counts
   * toward the lockout like a wrong PIN. The right one sets the PIN and starts a session.
   */
  createFirstPin(setupCode: string, pin: string): Promise<Attempt<FirstPinRefusal>> {
    return this.#oneAtATime(async () => {
      const stored = this.#file.get('setupCodeHash')
      if (!this.canCreatePinOnScreen() || stored === null) return { ok: false, refusal: { reason: 'not-allowed' } }
      const locked = this.lockedSeconds()
      if (locked > 0) return { ok: false, refusal: { reason: 'locked', seconds: locked } }
      if (setupCode.length === setupCodeLength && (await pinMatches(setupCode, stored))) {
        await this.setPin(pin)
        this.touch()
        return { ok: true }
      }
      const failure = this.#countFailure()
      return { ok: false, refusal: 'seconds' in failure ? failure : { reason: 'wrong-code', ...failure } }
    })
  }

  /** Changes the PIN when the current one is given; a wrong current PIN counts toward the lockout. */
  changePin(current: string, next: string): Promise<Attempt<ChangePinRefusal>> {
    return this.#oneAtATime(async () => {
      const stored = this.#file.get('pinHash')
      if (stored === null) return { ok: false, refusal: { reason: 'no-pin' } }
      const locked = this.lockedSeconds()
      if (locked > 0) return { ok: false, refusal: { reason: 'locked', seconds: locked } }
      if (await pinMatches(current, stored)) {
        await this.setPin(next)
        return { ok: true }
      }
      const failure = this.#countFailure()
      return { ok: false, refusal: 'seconds' in failure ? failure : { reason: 'wrong-pin', ...failure } }
    })
  }

  /** Whether a staff session is open now. */
  inSession(): boolean {
    return this.#now().getTime() < this.#sessionEnds
  }

  /** The open session's number (each new session gets a new one), or null when none is open. */
  currentSession(): number | null {
    return this.inSession() ? this.#sessionNumber : null
  }

  /** A staff touch: keeps an open session alive for another session length (or starts one, after an unlock). */
  touch(): void {
    if (!this.inSession()) this.#sessionNumber += 1
    this.#sessionEnds = this.#now().getTime() + this.#sessionMilliseconds
  }

  /** Ends the session ("Done", or the screen went back to patients). */
  end(): void {
    this.#sessionEnds = 0
  }
}
