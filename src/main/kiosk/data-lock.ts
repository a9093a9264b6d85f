import { closeSync, mkdirSync, openSync, readSync, unlinkSync, writeSync, fsyncSync } from 'node:fs'
import { uptime } from 'node:os'
import { join } from 'node:path'

/** Who writes the data folder: the kiosk itself, or one of IT's commands. */
export type DataLockRole = 'kiosk' | 'export' | 'set-pin'

/** What a lock file says of the process that holds it. */
export interface DataLockHolder {
  pid: number
  role: DataLockRole
  /** When it took the lock (ISO time). */
  since: string
}

/** The lock was taken (release it when done), or another live process holds it. */
export type DataLockOutcome = { ok: true; release: () => void } | { ok: false; holder: DataLockHolder; message: string }

/** What the lock looks at, passed in so tests can stand in for other processes and reboots. */
export interface DataLockProbes {
  pid: number
  now: () => Date
  /** Whether a process with that id runs now, whichever account it runs as. */
  isAlive: (pid: number) => boolean
  /** When this PC started: a lock written before then is left over from before a restart. */
  bootedAt: Date
}

/** The lock file's name in the data folder. */
export const dataLockName = 'kiosk.lock'

const roleWords: Record<DataLockRole, string> = {
  kiosk: 'the kiosk itself',
  export: 'an --export from the command line',
  'set-pin': 'a --set-pin from the command line'
}

/** Whether a process runs: signal 0 tests without sending anything; EPERM means it runs as another account. */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The real probes: this process, the clock, the process table and the PC's uptime. */
export function systemLockProbes(): DataLockProbes {
  return {
    pid: process.pid,
    now: () => new Date(),
    isAlive: processRuns,
    bootedAt: new Date(Date.now() - uptime() * 1000)
  }
}

/** At most this much of a lock file is read: it holds one short line, and anything larger is not ours. */
const maxLockBytes = 1024

function readHolder(path: string): DataLockHolder | null {
  let descriptor: number
  try {
    descriptor = openSync(path, 'r')
  } catch {
    return null
  }
  try {
    const buffer = Buffer.alloc(maxLockBytes)
    const read = readSync(descriptor, buffer, 0, maxLockBytes, 0)
    const parsed = JSON.parse(buffer.subarray(0, read).toString('utf8')) as Partial<DataLockHolder>
    const role = parsed.role
    if (
      typeof parsed.pid !== 'number' ||
      !Number.isSafeInteger(parsed.pid) ||
      parsed.pid <= 0 ||
      (role !== 'kiosk' && role !== 'export' && role !== 'set-pin') ||
      typeof parsed.since !== 'string' ||
      Number.isNaN(Date.parse(parsed.since))
    )
      return null
    return { pid: parsed.pid, role, since: parsed.since }
  } catch {
    return null
  } finally {
    closeSync(descriptor)
  }
}

/** A sentence for IT and the log: who holds the folder, since when, and what to do. */
export function heldMessage(folder: string, holder: DataLockHolder): string {
  const since = holder.since.slice(0, 16).replace('T', ' ')
  return (
    `The data folder ${folder} is in use by ${roleWords[holder.role]} (process ${holder.pid}, since ${since} UTC), ` +
    'perhaps from another Windows account or a scheduled task. Wait for it to finish, or close the kiosk first ' +
    '(docs/DEPLOYMENT.md, A9), then try again'
  )
}

/**
 * Takes the data folder's lock file, so that every writer (the kiosk, --export, --set-pin) is alone in it even when
 * they run as different Windows accounts, which the single-instance lock cannot see. A lock left by a process that no
 * longer runs, or written before the PC last started, or unreadable, is stale and taken over.
 */
export function takeDataLock(folder: string, role: DataLockRole, probes: DataLockProbes): DataLockOutcome {
  const path = join(folder, dataLockName)
  mkdirSync(folder, { recursive: true })
  const mine: DataLockHolder = { pid: probes.pid, role, since: probes.now().toISOString() }
  const text = JSON.stringify(mine)
  // A stale lock is removed and creation tried again; twice is enough unless another writer keeps racing us.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let descriptor: number
    try {
      descriptor = openSync(path, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readHolder(path)
      const stale =
        holder === null ||
        holder.pid === probes.pid ||
        Date.parse(holder.since) < probes.bootedAt.getTime() ||
        !probes.isAlive(holder.pid)
      if (!stale) return { ok: false, holder, message: heldMessage(folder, holder) }
      try {
        unlinkSync(path)
      } catch {
        // Another writer removed it first; creating it again decides who holds it.
      }
      continue
    }
    try {
      writeSync(descriptor, text)
      fsyncSync(descriptor)
    } finally {
      closeSync(descriptor)
    }
    const release = () => {
      // Only our own lock is removed: a later writer's is left alone.
      const holder = readHolder(path)
      if (holder && holder.pid === mine.pid && holder.since === mine.since) {
        try {
          unlinkSync(path)
        } catch {
          // Already gone: nothing to release.
        }
      }
    }
    return { ok: true, release }
  }
  const holder = readHolder(path) ?? mine
  return { ok: false, holder, message: heldMessage(folder, holder) }
}

/**
 * The kiosk's own start: an --export or --set-pin takes seconds, so the kiosk waits for it (`tries` × `waitMs`); a
 * folder held by another kiosk (another Windows session's) is not waited for.
 */
export async function waitForDataLock(
  folder: string,
  probes: DataLockProbes,
  wait: { tries: number; waitMs: number; sleep: (ms: number) => Promise<void> }
): Promise<DataLockOutcome> {
  let outcome = takeDataLock(folder, 'kiosk', probes)
  for (let tried = 1; tried < wait.tries && !outcome.ok && outcome.holder.role !== 'kiosk'; tried += 1) {
    await wait.sleep(wait.waitMs)
    outcome = takeDataLock(folder, 'kiosk', probes)
  }
  return outcome
}
