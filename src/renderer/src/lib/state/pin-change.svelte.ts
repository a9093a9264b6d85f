import type { KioskApi } from '../../../../shared/contract'
import type { ErrorCode } from '../../../../shared/result'
import type { PinNotice } from './staff-session.svelte'

/** A staff PIN is 4 to 8 digits, as main checks it. */
export const pinLength = { min: 4, max: 8 }

/** Where a PIN change is: the current PIN, the new one, the new one again, or done. */
export type PinChangeStep = 'current' | 'new' | 'confirm' | 'done'

/**
 * Changing the staff PIN from staff mode: the current PIN (a wrong one counts toward the lockout in main), then the
 * new one twice. It holds the typed PINs only until they are sent.
 */
export class PinChange {
  step: PinChangeStep = $state('current')
  pin = $state('')
  notice: PinNotice = $state(null)

  #api: KioskApi
  #touch: () => void
  #failed: (code: ErrorCode) => void
  #current = ''
  #first = ''
  #sending = false

  /** `touch` keeps the staff session alive; `failed` hears of a refusal such as a session that has ended. */
  constructor(api: KioskApi, touch: () => void, failed: (code: ErrorCode) => void) {
    this.#api = api
    this.#touch = touch
    this.#failed = failed
  }

  /** A digit on the pad. */
  press(digit: string): void {
    if (this.pin.length < pinLength.max && /^\d$/.test(digit)) this.pin += digit
    this.#touch()
  }

  /** The delete key on the pad. */
  erase(): void {
    this.pin = this.pin.slice(0, -1)
    this.#touch()
  }

  /** Whether OK can be pressed. */
  get pinComplete(): boolean {
    return this.pin.length >= pinLength.min && !this.#sending
  }

  /** OK on the pad: take the current PIN, the new one, then send both once the new one is typed the same twice. */
  async submit(): Promise<void> {
    if (!this.pinComplete) return
    const pin = this.pin
    this.pin = ''
    this.#touch()
    if (this.step === 'current') {
      this.#current = pin
      this.step = 'new'
      this.notice = null
      return
    }
    if (this.step === 'new') {
      this.#first = pin
      this.step = 'confirm'
      this.notice = null
      return
    }
    if (this.step !== 'confirm') return
    if (pin !== this.#first) {
      this.step = 'new'
      this.notice = { kind: 'mismatch' }
      return
    }
    this.#sending = true
    const answer = await this.#api.changeStaffPin({ current: this.#current, pin, confirmation: this.#first })
    this.#sending = false
    this.#current = ''
    this.#first = ''
    if (!answer.ok) return this.#failed(answer.error.code)
    const result = answer.value
    if (result.changed) {
      this.step = 'done'
      this.notice = null
      return
    }
    // The current PIN was wrong (or entry is locked): start again from it; the count is main's.
    this.step = 'current'
    this.notice =
      result.reason === 'locked'
        ? { kind: 'locked', seconds: result.seconds }
        : { kind: 'wrong', triesLeft: result.triesLeft }
  }
}
