import { runFleetReport } from '../src/main/cli/fleet-command'

/**
 * `npm run feedback:report -- <folder> --out <file.html>`: the fleet report of a shared folder of kiosk exports and
 * status files, and one combined, verified CSV beside it (`<file>.csv`).
 */
const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const out = outIndex === -1 ? undefined : args[outIndex + 1]
const folder = args.find((arg, index) => !arg.startsWith('--') && index !== outIndex + 1)
if (!folder || !out) {
  console.error('Usage: npm run feedback:report -- <folder> --out <file.html>')
  process.exitCode = 2
} else process.exitCode = await runFleetReport(folder, out, (line) => console.log(line))
