/** Why an operation failed, as a code the renderer turns into a friendly sentence. */
export type ErrorCode =
  | 'invalid-input'
  | 'untrusted-sender'
  | 'unknown-channel'
  | 'content-unavailable'
  | 'too-soon'
  | 'storage-failed'
  | 'staff-locked'
  | 'not-available'
  | 'nothing-to-export'
  | 'folder-missing'
  | 'folder-read-only'
  | 'disk-full'
  | 'too-large'
  | 'verify-failed'
  | 'write-failed'
  | 'internal'

/** A failure that crossed IPC: a stable code for the UI and a message for logs and staff. */
export interface Failure {
  code: ErrorCode
  message: string
}

/** What every fallible operation returns across IPC, so no error is ever thrown at the renderer. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure }

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Wraps a code and message as a failure. */
export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}
