import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { type JsonFile, type JsonFileOptions, type OpenJsonFile, openOrSetAside } from '../kiosk/json-file'

/** A PIN is 4 to 8 digits: easy on a touch pad, and the lockout makes guessing slow. */
export const pinPattern = /^\d{4,8}$/

/** How many wrong PINs in a row are allowed before entry locks. */
export const allowedFailures = 5

const scryptParameters = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions
const keyLength = 32

interface StaffData extends Record<string, unknown> {
  /** `scrypt$N$r$p$salt$hash`, base64 parts; null until a PIN is set. */
  pinHash: string | null
  failures: number
  lockedUntil: string | null
  /** Set when the staff file was found damaged: only IT (the CLI) may set a new PIN, never the screen. */
  resetRequired: boolean
}

const staffOptions = (): JsonFileOptions<StaffData> => ({
  schema: {
    pinHash: { type: ['string', 'null'], pattern: '^scrypt\\$\\d+\\$\\d+\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$' },
    failures: { type: 'integer', minimum: 0 },
    lockedUntil: { type: ['string', 'null'] },
    resetRequired: { type: 'boolean' }
  },
  defaults: { pinHash: null, failures: 0, lockedUntil: null, resetRequired: false },
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

/** Hashes a PIN with a fresh random salt; the PIN itself is never stored. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(pin, salt, scryptParameters)
  const { N, r, p } = scryptParameters
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
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

/** How long entry stays locked after the nth wrong PIN: none for the first four, then 30 s doubling to an hour. */
export function lockoutSeconds(failures: number): number {
  if (failures < allowedFailures) return 0
  return Math.min(30 * 2 ** (failures - allowedFailures), 3600)
}

/** Why an unlock did not open staff mode. */
export type UnlockRefusal =
  { reason: 'no-pin' } | { reason: 'wrong-pin'; triesLeft: number } | { reason: 'locked'; seconds: number }

/**
 * The staff PIN and the staff session. Both live in main: the renderer only ever learns whether it is in staff
 * mode. Failures and the lockout are kept on disk, so a restart does not reset them.
 */
export class StaffAuth {
  readonly #file: JsonFile<StaffData>
  readonly #now: () => Date
  readonly #sessionMilliseconds: number
  #sessionEnds = 0
  #queue: Promise<void> = Promise.resolve()

  /** `sessionSeconds`: how long a session stays open without a staff touch (two minutes unless configured). */
  constructor(folder: string, open: OpenJsonFile, now: () => Date = () => new Date(), sessionSeconds = 120) {
    this.#now = now
    this.#sessionMilliseconds = sessionSeconds * 1000
    // A damaged staff file must not turn into "no PIN yet, anyone may set one": it is kept aside and IT sets a PIN.
    const { file, setAside } = openOrSetAside(open, folder, 'staff', staffOptions(), now)
    if (setAside) file.set('resetRequired', true)
    this.#file = file
  }

  /** Whether a PIN has been set. */
  hasPin(): boolean {
    return this.#file.get('pinHash') !== null
  }

  /** Whether the screen may offer to create a PIN: only on first use, never after the staff file was damaged. */
  canCreatePinOnScreen(): boolean {
    return !this.hasPin() && !this.#file.get('resetRequired')
  }

  /** Sets the PIN (the screen checks `canCreatePinOnScreen` or a session first; IT's CLI may always). */
  async setPin(pin: string): Promise<void> {
    if (!pinPattern.test(pin)) throw new Error('a PIN is 4 to 8 digits')
    this.#file.set('pinHash', await hashPin(pin))
    this.#file.set('failures', 0)
    this.#file.set('lockedUntil', null)
    this.#file.set('resetRequired', false)
  }

  /** Seconds until entry unlocks again; 0 when it is open. */
  lockedSeconds(): number {
    const until = this.#file.get('lockedUntil')
    if (!until) return 0
    return Math.max(0, Math.ceil((Date.parse(until) - this.#now().getTime()) / 1000))
  }

  /** Tries a PIN; the right one starts a session, a wrong one counts toward the lockout. */
  unlock(pin: string): Promise<{ ok: true } | { ok: false; refusal: UnlockRefusal }> {
    // One attempt at a time: attempts fired together must not all pass the lock check before the first is counted.
    const attempt = this.#queue.then(() => this.#unlock(pin))
    this.#queue = attempt.then(
      () => {},
      () => {}
    )
    return attempt
  }

  async #unlock(pin: string): Promise<{ ok: true } | { ok: false; refusal: UnlockRefusal }> {
    const stored = this.#file.get('pinHash')
    if (stored === null) return { ok: false, refusal: { reason: 'no-pin' } }
    const locked = this.lockedSeconds()
    if (locked > 0) return { ok: false, refusal: { reason: 'locked', seconds: locked } }
    if (await pinMatches(pin, stored)) {
      this.#file.set('failures', 0)
      this.#file.set('lockedUntil', null)
      this.touch()
      return { ok: true }
    }
    const failures = this.#file.get('failures') + 1
    this.#file.set('failures', failures)
    const seconds = lockoutSeconds(failures)
    if (seconds > 0) {
      this.#file.set('lockedUntil', new Date(this.#now().getTime() + seconds * 1000).toISOString())
      return { ok: false, refusal: { reason: 'locked', seconds } }
    }
    return { ok: false, refusal: { reason: 'wrong-pin', triesLeft: allowedFailures - failures } }
  }

  /** Whether a staff session is open now. */
  inSession(): boolean {
    return this.#now().getTime() < this.#sessionEnds
  }

  /** A staff touch: keeps an open session alive for another session length. */
  touch(): void {
    this.#sessionEnds = this.#now().getTime() + this.#sessionMilliseconds
  }

  /** Ends the session ("Done", or the screen went back to patients). */
  end(): void {
    this.#sessionEnds = 0
  }
}
