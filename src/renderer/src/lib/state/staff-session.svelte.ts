import type { KioskApi } from '../../../../shared/contract'
import type { ErrorCode } from '../../../../shared/result'
import {
  type Destination,
  type ExportRangeChoice,
  type ExportReceipt,
  setupCodeDigits,
  type StaffSummary,
  type UnlockAnswer
} from '../../../../shared/staff'
import { systemTimers, type Timers } from '../../../../shared/timers'

/**
 * Where staff mode is: asking for a PIN; on first use the setup code, then a new PIN twice; waiting for IT; open; or,
 * from the panel, changing the PIN (the current one, the new one twice, done).
 */
export type StaffStep =
  | 'closed'
  | 'pin'
  | 'setup-code'
  | 'create'
  | 'confirm'
  | 'reset-required'
  | 'panel'
  | 'change-current'
  | 'change-new'
  | 'change-confirm'
  | 'change-done'

const pinLength = { min: 4, max: 8 }

/** What a PIN screen says under the pad. */
export type PinNotice =
  | { kind: 'wrong'; triesLeft: number }
  | { kind: 'wrong-code'; triesLeft: number }
  | { kind: 'locked'; seconds: number }
  | { kind: 'mismatch' }
  | null

/** An export in progress or done, as the export card shows it. */
export type ExportState =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'done'; receipt: ExportReceipt }
  | { kind: 'confirm-clear'; receipt: ExportReceipt }
  | { kind: 'clearing' }
  | { kind: 'cleared'; removed: number }
  | { kind: 'failed'; code: ErrorCode }

/**
 * Staff mode in the renderer. It holds no secret: main keeps the PIN hash and the session; this class only keeps what
 * is on screen, and closes everything after the session time without a touch.
 */
export class StaffSession {
  step: StaffStep = $state('closed')
  pin = $state('')
  notice: PinNotice = $state(null)
  summary: StaffSummary | null = $state.raw(null)
  destinations: Destination[] = $state.raw([])
  canPickFolder = $state(false)
  exportState: ExportState = $state.raw({ kind: 'idle' })
  error: ErrorCode | null = $state(null)
  /** On first use, the file where IT finds the one-time setup code (the screen shows where, never the code). */
  setupCodeFile: string | null = $state(null)

  #api: KioskApi
  #sessionMilliseconds: number
  #timers: Timers
  #idle: unknown = null
  #firstPin = ''
  #currentPin = ''
  #setupCode = ''
  /** The new PIN, typed twice and kept only while a mistyped setup code is typed again. */
  #chosenPin = ''
  #lastPing = 0
  /** Bumped on every close, so an answer that arrives after Cancel or a time-out cannot reopen the panel. */
  #generation = 0
  #onclose: () => void

  constructor(api: KioskApi, sessionSeconds: number, onclose: () => void, timers: Timers = systemTimers) {
    this.#api = api
    this.#sessionMilliseconds = sessionSeconds * 1000
    this.#onclose = onclose
    this.#timers = timers
  }

  /** The hidden gesture was made: ask main where staff mode stands and show the right first screen. */
  async open(): Promise<void> {
    const generation = this.#generation
    const status = await this.#api.staffStatus()
    if (generation !== this.#generation) return
    this.pin = ''
    this.notice = null
    if (!status.ok) return
    const { inSession, hasPin, canCreatePin, lockedSeconds, setupCodeFile } = status.value
    this.setupCodeFile = setupCodeFile
    if (inSession) await this.#openPanel()
    else if (canCreatePin) this.step = 'setup-code'
    else if (!hasPin) this.step = 'reset-required'
    else this.step = 'pin'
    if (lockedSeconds > 0 && (this.step === 'pin' || this.step === 'setup-code'))
      this.notice = { kind: 'locked', seconds: lockedSeconds }
    this.touch()
  }

  /** How many digits the pad takes now: the setup code's, or a PIN's. */
  get maxDigits(): number {
    return this.step === 'setup-code' ? setupCodeDigits : pinLength.max
  }

  /** How many digits OK needs: the whole setup code, or a PIN's least. */
  get minDigits(): number {
    return this.step === 'setup-code' ? setupCodeDigits : pinLength.min
  }

  /** A digit on the pad. */
  press(digit: string): void {
    if (this.pin.length < this.maxDigits && /^\d$/.test(digit)) this.pin += digit
    this.touch()
  }

  /** The delete key on the pad. */
  erase(): void {
    this.pin = this.pin.slice(0, -1)
    this.touch()
  }

  /** Whether OK can be pressed. */
  get pinComplete(): boolean {
    return this.pin.length >= this.minDigits
  }

  /** OK on the pad: unlock; or take the setup code, or the first or second entry of a new PIN. */
  async submitPin(): Promise<void> {
    if (!this.pinComplete) return
    const pin = this.pin
    this.pin = ''
    this.touch()
    if (this.step === 'setup-code') {
      this.#setupCode = pin
      this.notice = null
      // After a mistyped code the PIN chosen twice still stands: only the code is asked again.
      if (this.#chosenPin) return this.#createPin(this.#chosenPin)
      this.step = 'create'
      return
    }
    if (this.step.startsWith('change-')) return this.#changePin(pin)
    if (this.step === 'create') {
      this.#firstPin = pin
      this.step = 'confirm'
      this.notice = null
      return
    }
    if (this.step === 'confirm') {
      if (pin !== this.#firstPin) {
        this.step = 'create'
        this.notice = { kind: 'mismatch' }
        return
      }
      this.#firstPin = ''
      return this.#createPin(pin)
    }
    const generation = this.#generation
    const answer = await this.#api.unlockStaff({ pin })
    if (!(await this.#stillOpen(generation))) return
    if (answer.ok) await this.#answer(answer.value)
  }

  /** Sends the setup code and the new PIN; a wrong code asks for the code again, keeping the PIN chosen. */
  async #createPin(pin: string): Promise<void> {
    const generation = this.#generation
    const created = await this.#api.createStaffPin({ setupCode: this.#setupCode, pin, confirmation: pin })
    this.#setupCode = ''
    if (!(await this.#stillOpen(generation))) return
    // Refused outright: a PIN was set meanwhile (IT), or only IT may set one now. Ask main where things stand.
    if (!created.ok) return this.open()
    const answer = created.value
    if (answer.unlocked) {
      this.#chosenPin = ''
      return this.#openPanel()
    }
    if (answer.reason === 'wrong-code' || answer.reason === 'locked') {
      this.#chosenPin = pin
      this.step = 'setup-code'
      this.notice =
        answer.reason === 'locked'
          ? { kind: 'locked', seconds: answer.seconds }
          : { kind: 'wrong-code', triesLeft: answer.triesLeft }
      return
    }
    await this.#answer(answer)
  }

  /** False, and main's session ended, when staff mode was closed while waiting for main. */
  async #stillOpen(generation: number): Promise<boolean> {
    if (generation === this.#generation) return true
    await this.#api.endStaff()
    return false
  }

  async #answer(answer: UnlockAnswer): Promise<void> {
    if (answer.unlocked) return this.#openPanel()
    if (answer.reason === 'wrong-pin') this.notice = { kind: 'wrong', triesLeft: answer.triesLeft }
    else if (answer.reason === 'locked') this.notice = { kind: 'locked', seconds: answer.seconds }
    else if (answer.reason === 'no-pin') await this.open()
    else if (answer.reason === 'reset-required') this.step = 'reset-required'
  }

  async #openPanel(): Promise<void> {
    this.step = 'panel'
    this.exportState = { kind: 'idle' }
    this.touch()
    await this.refresh()
  }

  /** Loads the summary and the export destinations again (after an export, a clear, or a drive plugged in). */
  async refresh(): Promise<void> {
    const [summary, destinations] = await Promise.all([this.#api.staffSummary(), this.#api.exportDestinations()])
    if (!summary.ok) return this.#failed(summary.error.code)
    this.summary = summary.value
    if (destinations.ok) {
      this.destinations = destinations.value.destinations
      this.canPickFolder = destinations.value.canPickFolder
    }
  }

  /** Opens the system folder picker (Electron only) and adds the folder to the destinations. */
  async pickFolder(): Promise<void> {
    this.touch()
    const picked = await this.#api.pickExportFolder()
    if (!picked.ok) return this.#failed(picked.error.code)
    if (picked.value) this.destinations = [...this.destinations.filter((each) => each.kind !== 'picked'), picked.value]
  }

  /** Exports, verified by main before it answers; only then is clearing offered. */
  async export(destinationId: string, format: 'csv' | 'json', range: ExportRangeChoice, report = false): Promise<void> {
    if (this.exportState.kind === 'exporting') return
    this.touch()
    this.exportState = { kind: 'exporting' }
    const result = await this.#api.exportFeedback({ destinationId, format, range, report })
    if (!result.ok) {
      if (result.error.code === 'staff-locked') return this.#failed('staff-locked')
      this.exportState = { kind: 'failed', code: result.error.code }
      return
    }
    this.exportState = { kind: 'done', receipt: result.value }
    await this.refresh()
  }

  /** First tap on "Remove exported records": ask to confirm. */
  askToClear(): void {
    if (this.exportState.kind === 'done')
      this.exportState = { kind: 'confirm-clear', receipt: this.exportState.receipt }
    this.touch()
  }

  /** "Keep them" on the confirmation. */
  keepRecords(): void {
    if (this.exportState.kind === 'confirm-clear')
      this.exportState = { kind: 'done', receipt: this.exportState.receipt }
    this.touch()
  }

  /** Confirmed: main checks the export once more and removes its records only if it is still intact. */
  async clear(): Promise<void> {
    if (this.exportState.kind !== 'confirm-clear') return
    this.touch()
    const { exportId } = this.exportState.receipt
    // A second tap while main is removing the records sends nothing.
    this.exportState = { kind: 'clearing' }
    const result = await this.#api.clearExported({ exportId })
    this.exportState = result.ok
      ? { kind: 'cleared', removed: result.value.removed }
      : { kind: 'failed', code: result.error.code }
    await this.refresh()
  }

  /** The kiosk API, for staff screens with state of their own (Update articles). */
  get api(): KioskApi {
    return this.#api
  }

  /**
   * Reads the content again (after IT or an author changed it) and refreshes the summary, so data health shows what
   * was found while staff stay in staff mode; the screen takes new articles at the next calm moment. Null on failure.
   */
  async reloadContent(): Promise<{ articles: number; problems: number } | null> {
    this.touch()
    const result = await this.#api.reloadContent()
    if (!result.ok) {
      this.#failed(result.error.code)
      return null
    }
    await this.refresh()
    return result.value
  }

  /** "Change the PIN" on the panel: the pad asks for the current PIN, then the new one twice. */
  startPinChange(): void {
    this.step = 'change-current'
    this.pin = ''
    this.notice = null
    this.touch()
  }

  /** Back from the PIN change (Cancel, or after it went through) to the panel, whose summary is kept. */
  endPinChange(): void {
    this.step = 'panel'
    this.pin = ''
    this.#currentPin = ''
    this.#firstPin = ''
    this.notice = null
    this.touch()
  }

  /** The PIN change's steps; main counts a wrong current PIN toward the lockout and answers with what is left. */
  async #changePin(pin: string): Promise<void> {
    this.notice = null
    if (this.step === 'change-current') {
      this.#currentPin = pin
      this.step = 'change-new'
      return
    }
    if (this.step === 'change-new') {
      this.#firstPin = pin
      this.step = 'change-confirm'
      return
    }
    if (pin !== this.#firstPin) {
      this.step = 'change-new'
      this.notice = { kind: 'mismatch' }
      return
    }
    const current = this.#currentPin
    this.#currentPin = ''
    this.#firstPin = ''
    const answer = await this.#api.changeStaffPin({ current, pin, confirmation: pin })
    if (!this.step.startsWith('change-')) return
    if (!answer.ok) {
      this.step = 'panel'
      return this.#failed(answer.error.code)
    }
    const result = answer.value
    if (result.changed) this.step = 'change-done'
    else {
      this.step = 'change-current'
      this.notice =
        result.reason === 'locked'
          ? { kind: 'locked', seconds: result.seconds }
          : { kind: 'wrong', triesLeft: result.triesLeft }
    }
  }

  /** Restarts or quits the kiosk (main does it; the screen goes away with the app). */
  async restart(): Promise<void> {
    await this.#api.restartKiosk()
  }

  /** Quits the kiosk, for IT. */
  async quit(): Promise<void> {
    await this.#api.quitKiosk()
  }

  /** Any staff touch: the session stays open for another session length, and main is told now and then. */
  touch(): void {
    if (this.step === 'closed') return
    if (this.#idle !== null) this.#timers.clearTimeout(this.#idle)
    this.#idle = this.#timers.setTimeout(() => void this.close(), this.#sessionMilliseconds)
    const now = Date.now()
    // Main's session must outlive the screen's: it is told at least every 5 seconds of use, and if it has already
    // ended (a restart, a lost session) the screen closes too.
    if ((this.step === 'panel' || this.step.startsWith('change-')) && now - this.#lastPing > 5_000) {
      this.#lastPing = now
      void this.#api.touchStaff().then((answer) => {
        if (!answer.ok) void this.close()
      })
    }
  }

  /** "Done", or the session timed out: main ends the session, and the screen returns to patients. */
  async close(): Promise<void> {
    if (this.#idle !== null) this.#timers.clearTimeout(this.#idle)
    this.#idle = null
    const wasOpen = this.step !== 'closed'
    this.#generation += 1
    this.step = 'closed'
    this.pin = ''
    this.#firstPin = ''
    this.#setupCode = ''
    this.#chosenPin = ''
    this.#currentPin = ''
    this.notice = null
    this.summary = null
    this.exportState = { kind: 'idle' }
    if (wasOpen) {
      await this.#api.endStaff()
      this.#onclose()
    }
  }

  #failed(code: ErrorCode): void {
    if (code === 'staff-locked') {
      void this.close()
      return
    }
    this.error = code
  }
}
