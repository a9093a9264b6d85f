/** The parts of Electron's `Input` (before-input-event) the filter reads. */
export interface KeyInput {
  type: string
  key: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

const alwaysBlocked = new Set([
  'F5',
  'F11',
  'F12',
  'BrowserRefresh',
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
  'Print'
])
// With Ctrl (or Cmd): reload, print, find, new window or tab, close, save, open, view source, history, zoom.
const blockedWithCommand = new Set([
  'r',
  'p',
  'f',
  'g',
  'n',
  't',
  'w',
  'q',
  's',
  'o',
  'u',
  'h',
  'j',
  'l',
  '+',
  '-',
  '=',
  '0'
])
// With Ctrl+Shift (or Cmd+Alt): developer tools and their panels.
const devToolsKeys = new Set(['i', 'j', 'c', 'k', 'delete'])

/**
 * True for keys that would reload, print, search, zoom, open developer tools or a window, or close the kiosk. Typing
 * keys stay free (the on-screen keyboard does not use them, but a staff member with a keyboard may).
 */
export function isBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key
  if (alwaysBlocked.has(key)) return true
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true
  const command = input.control || input.meta
  if (command && key === 'F4') return true
  if (command && (input.shift || input.alt) && devToolsKeys.has(key.toLowerCase())) return true
  if (command && blockedWithCommand.has(key)) return true
  return false
}

/**
 * Ctrl+Shift+Q (Cmd+Shift+Q on a Mac): the developers' way out of the kiosk window, honoured only when the app is not
 * packaged; in the clinic it is refused like every other closing key.
 */
export function isDeveloperQuitKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false
  return (input.control || input.meta) && input.shift && !input.alt && input.key.toLowerCase() === 'q'
}

/**
 * Alt+F4 and Ctrl+W or Ctrl+Q (Cmd on a Mac): the keys that close a window, let through on a PC not yet set up as a
 * kiosk (kiosk/kiosk-setup.ts), where the person at the keyboard must be able to leave.
 */
export function isClosingKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key
  if (input.alt && !input.control && !input.meta && key === 'F4') return true
  return (input.control || input.meta) && !input.alt && !input.shift && (key === 'w' || key === 'q')
}
