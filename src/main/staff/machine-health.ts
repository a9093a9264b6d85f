import { statfs } from 'node:fs/promises'

/** Where data health reads how the kiosk's process and disk are doing; tests pass their own. */
export interface MachineReadings {
  /** Seconds since the app started. */
  uptimeSeconds: () => number
  /** Memory the main process holds, in bytes. */
  memoryBytes: () => number
  /** Space left for a folder's drive, in bytes, or null when the system cannot tell (a share that is away). */
  diskFreeBytes: (folder: string) => Promise<number | null>
}

/** This process and this machine, as Node reports them. */
export const processReadings: MachineReadings = {
  uptimeSeconds: () => process.uptime(),
  // The resident set: what Task Manager's "Memory" column comes closest to.
  memoryBytes: () => process.memoryUsage().rss,
  diskFreeBytes: async (folder) => {
    try {
      const drive = await statfs(folder)
      // Blocks free to this (unprivileged) account, not the reserve only root may use.
      return drive.bavail * drive.bsize
    } catch {
      return null
    }
  }
}
