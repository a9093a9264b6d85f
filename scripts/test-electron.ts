import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { electronTestCommand, findElectronBinary } from './electron-binary'

/**
 * `npm run test:electron`: the Playwright suite in tests/electron against the real Electron binary. It builds out/
 * first (the suite starts the app from it), and on a Linux without a display runs under `xvfb-run -a`. Without the
 * binary it still runs Playwright, whose suite then skips and says why.
 */
const run = (command: string[]) => spawnSync(command[0] ?? '', command.slice(1), { stdio: 'inherit' }).status ?? 1
const node = process.execPath
const resolve = createRequire(import.meta.url).resolve
const playwright = [node, resolve('@playwright/test/cli'), 'test', '--project=electron', ...process.argv.slice(2)]

if (findElectronBinary() === null) process.exit(run(playwright))

const built = run([node, join(dirname(resolve('electron-vite')), '../bin/electron-vite.js'), 'build'])
if (built !== 0) process.exit(built)

const hasXvfbRun = spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined
const plan = electronTestCommand(process.platform, process.env, hasXvfbRun, playwright)
if ('problem' in plan) {
  console.error(plan.problem)
  process.exit(1)
}
process.exit(run(plan.command))
