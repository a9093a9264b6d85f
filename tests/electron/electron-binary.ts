import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const electronPackage = resolve(import.meta.dirname, '../../node_modules/electron')

/**
 * Finds the Electron binary by its files, the way node_modules/electron/index.js would, but without ever starting
 * a download (requiring 'electron' from Node does that when the binary is missing).
 */
export function findElectronBinary(packageFolder = electronPackage, environment = process.env): string | null {
  const pathFile = join(packageFolder, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = environment['ELECTRON_OVERRIDE_DIST_PATH']
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(packageFolder, 'dist', relative)
      : null
  return candidate && existsSync(candidate) ? candidate : null
}

/** Why the Electron suite skips, in words for whoever reads the test output. */
export const missingBinaryMessage =
  'No Electron binary: node_modules/electron/dist is empty (Electron >= 42 downloads it on first use, and this ' +
  'machine has no internet). Run `npx install-electron` on a machine that can download it, or set ' +
  'ELECTRON_OVERRIDE_DIST_PATH to a folder holding the Electron 45 binary, then run `npm run test:electron`.'
