import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ensureElectronBinary, electronFetcher, unavailableNotice } from './electron-binary'

/**
 * `npm start` and `npm run dev`: makes sure the Electron binary is there (downloading it once, with progress), then
 * runs electron-vite with the given arguments and that binary. When Electron cannot be had, it says why in plain
 * words and exits 1; whatever electron-vite or Electron itself then does or prints is passed through untouched.
 */
const readiness = await ensureElectronBinary({
  fetch: electronFetcher(),
  report: (line) => console.log(line)
})
if (readiness.kind !== 'ready') {
  console.error(unavailableNotice(readiness))
  process.exit(1)
}

// The package exports only its API, so its command is found beside it.
const electronVite = join(dirname(createRequire(import.meta.url).resolve('electron-vite')), '../bin/electron-vite.js')
// electron-vite reads ELECTRON_EXEC_PATH before path.txt, so ELECTRON_OVERRIDE_DIST_PATH works with it too.
const child = spawn(process.execPath, [electronVite, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: readiness.binary }
})
// Ctrl+C reaches electron-vite too (same terminal); this process waits for it and ends as it ended.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {})
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
