/** What the staff file says about this PC, as far as locking it down is concerned. */
export interface StaffState {
  hasPin: boolean
  /** The staff file was damaged and set aside: IT must set a PIN again (StaffAuth.resetRequired). */
  resetRequired: boolean
}

/** How the window behaves and whether the kiosk starts at sign-in. */
export interface KioskMode {
  /** Full screen, kiosk mode, closing keys and the close button refused. */
  locked: boolean
  /** Whether auto-start is registered (with `autoStart` on and a packaged app). */
  registerAutostart: boolean
}

/**
 * A PC is set up as a kiosk once a staff PIN exists or the staff file demands a reset by IT (a damaged PIN file on a
 * real kiosk must never let a patient leave). Until then it is an author's or IT's own PC running the app for a
 * command or a look: an ordinary window anyone can close, and no sign-in entry.
 */
export function isSetUpAsKiosk(staff: StaffState): boolean {
  return staff.hasPin || staff.resetRequired
}

/** The window's lock and auto-start for this PC: both follow `isSetUpAsKiosk`, auto-start also the config and packaging. */
export function kioskMode(staff: StaffState, autoStart: boolean, packaged: boolean): KioskMode {
  const locked = isSetUpAsKiosk(staff)
  return { locked, registerAutostart: locked && autoStart && packaged }
}

/** The window title of a PC not yet set up, saying how to leave, since nothing on screen does otherwise. */
export const notSetUpTitle = 'Waiting Room Kiosk (not set up as a kiosk yet: no staff PIN; close this window to leave)'

/**
 * Reads `isSetUpAsKiosk` from the text of `staff.json` without opening it as the kiosk would (the self-test must not
 * write the clinic's folder): no file is not set up; a PIN hash, a demanded reset or a damaged file (set aside and
 * demanding a reset at the next start) is.
 */
export function setUpFromStaffFile(text: string | null): boolean {
  if (text === null) return false
  try {
    const data = JSON.parse(text) as { pinHash?: unknown; resetRequired?: unknown } | null
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return true
    return isSetUpAsKiosk({ hasPin: typeof data.pinHash === 'string', resetRequired: data.resetRequired === true })
  } catch {
    return true
  }
}
