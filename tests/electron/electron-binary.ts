/** The Electron suite finds the binary as `npm start` does (scripts/electron-binary.ts), never downloading it. */
export { findElectronBinary } from '../../scripts/electron-binary'

/** Why the Electron suite skips, in words for whoever reads the test output. */
export const missingBinaryMessage =
  'No Electron binary: node_modules/electron/dist is empty (Electron >= 42 downloads it on first use, and this ' +
  'machine has no internet). Run `npm start` once, or `npx install-electron`, on a machine that can download it, or ' +
  'set ELECTRON_OVERRIDE_DIST_PATH to a folder holding the Electron 45 binary, then run `npm run test:electron`.'
