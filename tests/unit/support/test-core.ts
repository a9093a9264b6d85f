import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { type CoreSetup, type KioskCore, startKioskCore } from '../../../src/main/kiosk/kiosk-core'
import { openElectronStore } from './open-json-file'

/** The kiosk's real services over a test's data folder, with the given config file and any setup overrides. */
export async function startTestCore(
  dataFolder: string,
  config: Record<string, unknown>,
  overrides: Partial<CoreSetup> = {}
): Promise<KioskCore> {
  await writeFile(join(dataFolder, 'config.json'), JSON.stringify(config))
  return startKioskCore({
    configFile: join(dataFolder, 'config.json'),
    bundledContentFolder: resolve(import.meta.dirname, '../../../content'),
    dataFolder,
    openJsonFile: openElectronStore,
    appVersion: '0.1.0',
    logError: () => {},
    ...overrides
  })
}
