import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sandboxArguments } from '../../scripts/electron-binary'

/** The Electron suite finds the binary as `npm start` does (scripts/electron-binary.ts), never downloading it. */
export { findElectronBinary } from '../../scripts/electron-binary'

/** Arguments every test launch of `binary` needs: `--no-sandbox` on Linux where the sandbox helper is not set up. */
export function launchArguments(binary: string | null): string[] {
  let helper: { uid: number; mode: number } | null = null
  try {
    if (binary) helper = statSync(join(dirname(binary), 'chrome-sandbox'))
  } catch {
    helper = null
  }
  return sandboxArguments(process.platform, process.getuid?.(), helper)
}

/** Why the Electron suite skips, in words for whoever reads the test output. */
export const missingBinaryMessage =
  'No Electron binary: node_modules/electron/dist is empty (Electron >= 42 downloads it on first use, and this ' +
  'machine has no internet). Run `npm start` once, or `npx install-electron`, on a machine that can download it, or ' +
  'set ELECTRON_OVERRIDE_DIST_PATH to a folder holding the Electron 45 binary, then run `npm run test:electron` (it builds out/, and runs under xvfb-run where Linux has no display).'
