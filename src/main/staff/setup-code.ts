import { randomInt } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupCodeDigits } from '../../shared/staff'

// The one-time setup code: the proof, on a fresh kiosk, that whoever chooses the first staff PIN can read the data
// folder (IT), not merely find the corner gesture (anyone in the waiting room).

/** The file the code is written to, in the kiosk's data folder. */
export const setupCodeFileName = 'setup-code.txt'

/** How many digits the code has (the screen's pad asks for exactly as many). */
export const setupCodeLength = setupCodeDigits

/** A new random code of `setupCodeLength` digits from the system's secure random source. */
export function newSetupCode(): string {
  return Array.from({ length: setupCodeLength }, () => String(randomInt(10))).join('')
}

/** What the file says: the code on a line of its own, and what to do with it, for the technician who opens it. */
export function setupCodeText(code: string): string {
  return [
    'Waiting Room Kiosk: one-time setup code',
    '',
    code,
    '',
    'On the kiosk, open staff mode (hold the top-left corner for 3 seconds, then tap the bottom-right corner),',
    'type this code on the PIN pad, then choose the staff PIN and type it again.',
    'The code works once: this file is deleted when a staff PIN is set (here or with --set-pin).',
    ''
  ].join('\r\n')
}

/** Reads the code back out of the file's text; null if there is none. */
export function codeInSetupText(text: string): string | null {
  return new RegExp(`^\\d{${setupCodeLength}}$`, 'm').exec(text)?.[0] ?? null
}

/** Where the code file of a data folder is. */
export function setupCodePath(folder: string): string {
  return join(folder, setupCodeFileName)
}

/** Whether the data folder holds a setup code file. */
export function hasSetupCodeFile(folder: string): boolean {
  return existsSync(setupCodePath(folder))
}

/**
 * Writes the code file whole or not at all (a temporary file renamed into place). Owner-only on Linux and macOS; on
 * Windows the file takes the data folder's permissions, which the deployment runbook limits to administrators and
 * the kiosk account.
 */
export function writeSetupCodeFile(folder: string, code: string): void {
  const path = setupCodePath(folder)
  const temporary = `${path}.tmp`
  mkdirSync(folder, { recursive: true })
  writeFileSync(temporary, setupCodeText(code), { encoding: 'utf8', mode: 0o600 })
  renameSync(temporary, path)
}

/** Deletes the code file, if there is one. */
export function removeSetupCodeFile(folder: string): void {
  rmSync(setupCodePath(folder), { force: true })
}
