import { startWebHarness } from '../tests/harness/web-harness'

/** `npm run dev:web`: the built renderer and the real services in a browser, for demos where Electron is missing. */
const port = Number(process.env['PORT'] ?? 5174)
const harness = await startWebHarness({ port, dataFolder: process.env['KIOSK_DATA_DIR'] })
console.log(`Kiosk (web mode) on ${harness.url} — data in ${harness.dataFolder}. Ctrl+C stops it.`)
process.on('SIGINT', () => void harness.close().then(() => process.exit(0)))
