import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { app } from 'electron'
import { runSelfTest } from '../cli/self-test'
import { startKioskCore } from '../kiosk/kiosk-core'
import { selfTestChecks } from './self-test-checks'
import { openElectronStore, serveScreen } from './serve-screen'

/** Where `--self-test` works: the clinic's folder (read only) and the temporary one it may write. */
export interface SelfTestFolders {
  /** The clinic's data folder: its config.json is read, nothing in it is written. */
  clinicDataFolder: string
  /** A fresh temporary folder, the app's userData for this run, removed at the end. */
  temporaryFolder: string
  bundledContentFolder: string
  logError: (message: string, error: unknown) => void
}

/**
 * Runs `--self-test`: the kiosk's services over a temporary data folder with the clinic's config, the app:// scheme
 * and IPC as the kiosk registers them, then the checks in a hidden window; prints a line per check and resolves to
 * the exit code. The window is destroyed and the temporary folder removed whatever the checks found.
 */
export async function runSelfTestCommand(folders: SelfTestFolders, print: (line: string) => void): Promise<number> {
  const dataFolder = join(folders.temporaryFolder, 'data')
  const core = await startKioskCore({
    configFile: join(folders.clinicDataFolder, 'config.json'),
    bundledContentFolder: folders.bundledContentFolder,
    dataFolder,
    openJsonFile: openElectronStore,
    appVersion: app.getVersion(),
    logError: folders.logError
  })
  for (const problem of core.configProblems) print(`config.json: ${problem.key}: ${problem.message}`)
  serveScreen(core, undefined, join(import.meta.dirname, '../renderer'))
  const { checks, close } = selfTestChecks({
    core,
    clinicDataFolder: folders.clinicDataFolder,
    preload: join(import.meta.dirname, '../preload/index.cjs')
  })
  try {
    return await runSelfTest(checks, print)
  } finally {
    close()
    core.stop()
    // The log of this run is in the folder too; a file still held open (Windows) is left to the system's clean-up.
    await rm(folders.temporaryFolder, { recursive: true, force: true }).catch(() => {})
  }
}
