import { randomUUID } from 'node:crypto'
import { accessSync, constants, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, win32 } from 'node:path'
import type { ConfigProblem } from '../../shared/config'
import type { DataFolderInUse } from '../../shared/staff'

/** What the choice of data folder looks at; the folder checks are passed in so the choice stays a pure function. */
export interface DataFolderInputs {
  platform: string
  environment: Record<string, string | undefined>
  /** Electron's per-user folder: %APPDATA%\Waiting Room Kiosk, ~/.config/Waiting Room Kiosk. */
  perUserFolder: string
  isFolder: (path: string) => boolean
  isWritable: (path: string) => boolean
}

/** The folder IT creates so that every account on the PC, the command line and scheduled tasks share one data folder. */
export function machineDataFolder(platform: string, environment: Record<string, string | undefined>): string | null {
  if (platform === 'win32') {
    const programData = environment['ProgramData'] ?? environment['PROGRAMDATA']
    return programData ? win32.join(programData, 'Waiting Room Kiosk') : null
  }
  if (platform === 'linux') return '/var/lib/waiting-room-kiosk'
  return null
}

/** A full path on that platform: a drive and a slash, or a share, on Windows; a leading slash elsewhere. */
function isFullPath(platform: string, path: string): boolean {
  return platform === 'win32' ? /^([A-Za-z]:[\\/]|\\\\)/.test(path) : path.startsWith('/')
}

/**
 * Chooses the kiosk's data folder (config.json, feedback, PIN, logs), first that applies (README, "Data folder"):
 * 1. KIOSK_DATA_DIR, when it is a full path (a relative one is passed over, and said so, rather than stop the kiosk);
 * 2. the machine-wide folder, when IT has created it (%ProgramData%\Waiting Room Kiosk, /var/lib/waiting-room-kiosk);
 * 3. this account's own folder.
 * A folder that exists but this account cannot write to is passed over too, so the kiosk never runs on a folder where
 * it cannot keep feedback; every folder passed over is reported with its reason.
 */
export function chooseDataFolder(inputs: DataFolderInputs): DataFolderInUse {
  const passedOver: DataFolderInUse['passedOver'] = []
  const usable = (path: string) => {
    if (!inputs.isFolder(path) || inputs.isWritable(path)) return true
    passedOver.push({ path, reason: 'not-writable' })
    return false
  }
  const fromEnvironment = inputs.environment['KIOSK_DATA_DIR']?.trim()
  if (fromEnvironment) {
    if (!isFullPath(inputs.platform, fromEnvironment)) passedOver.push({ path: fromEnvironment, reason: 'relative' })
    else if (usable(fromEnvironment)) return { path: fromEnvironment, source: 'environment', passedOver }
  }
  const machine = machineDataFolder(inputs.platform, inputs.environment)
  if (machine && inputs.isFolder(machine) && usable(machine)) return { path: machine, source: 'machine', passedOver }
  return { path: inputs.perUserFolder, source: 'user', passedOver }
}

const sourceWords: Record<DataFolderInUse['source'], string> = {
  environment: 'set by KIOSK_DATA_DIR',
  machine: 'the machine-wide folder',
  user: "this account's own folder"
}

/** The folder in use and why, then each folder passed over and why: for the log and the command line. */
export function describeDataFolder(choice: DataFolderInUse): string[] {
  return [
    `Data folder: ${choice.path} (${sourceWords[choice.source]})`,
    ...choice.passedOver.map(({ path, reason }) =>
      reason === 'relative'
        ? `KIOSK_DATA_DIR "${path}" is not a full path, so it is not used; set it to a full path such as C:\\KioskData or /srv/kiosk`
        : `${path} exists, but this account cannot write to it, so it is not used; give this account modify rights on it`
    )
  ]
}

/** The real checks: a folder exists; this account can create a file in it (which honours Windows' ACLs too). */
export const folderProbes = {
  isFolder: (path: string): boolean => {
    try {
      return statSync(path).isDirectory()
    } catch {
      return false
    }
  },
  isWritable: (path: string): boolean => {
    const probe = join(path, `.write-check-${randomUUID()}`)
    try {
      writeFileSync(probe, '')
      rmSync(probe, { force: true })
      return true
    } catch {
      return false
    }
  }
}

/**
 * Checks that write nothing (for --self-test, which must leave the clinic's folder as it was): write rights are asked
 * of the system, which on Windows sees the read-only flag but not every ACL, so the self-test says so.
 */
export const readOnlyFolderProbes = {
  isFolder: folderProbes.isFolder,
  isWritable: (path: string): boolean => {
    try {
      accessSync(path, constants.W_OK)
      return true
    } catch {
      return false
    }
  }
}

/**
 * A folder passed over for want of write rights, as a config problem: the kiosk then keeps its feedback and PIN
 * somewhere IT's command line (run as another account) does not look, which is as serious as a bad config key.
 */
export function dataFolderProblems(choice: DataFolderInUse | undefined): ConfigProblem[] {
  return (choice?.passedOver ?? [])
    .filter(({ reason }) => reason === 'not-writable')
    .map(({ path }) => ({
      key: 'data folder',
      message:
        `${path} exists, but this account cannot write to it, so the kiosk keeps its feedback, PIN and settings in ` +
        `${choice?.path ?? ''} instead, where --set-pin and --export run as another account do not look. ` +
        'Give this account modify rights on it (docs/DEPLOYMENT.md, A3) and restart the kiosk'
    }))
}
