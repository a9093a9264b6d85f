import ElectronStore from 'electron-store'
import type { OpenJsonFile } from '../../../src/main/kiosk/json-file'

/**
 * The real electron-store, as main uses it; the test file that imports this mocks 'electron' (there is no Electron
 * binary under Node), which leaves electron-store working exactly as conf with the folder given.
 */
export const openElectronStore: OpenJsonFile = (cwd, name, options) =>
  new ElectronStore({ ...options, cwd, name } as unknown as ConstructorParameters<typeof ElectronStore>[0])
