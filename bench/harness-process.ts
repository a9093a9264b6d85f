import { startWebHarness, type HarnessOptions } from '../tests/harness/web-harness'

/**
 * The web-mode harness in a process of its own, as Electron's main process is: the benchmark's own work (driving
 * Chromium) then never delays the kiosk's answers. Options come as JSON in KIOSK_HARNESS; the URL goes to stdout.
 */
const options = JSON.parse(process.env['KIOSK_HARNESS'] ?? '{}') as HarnessOptions
const harness = await startWebHarness(options)
console.log(JSON.stringify({ url: harness.url, dataFolder: harness.dataFolder }))
process.on('SIGTERM', () => void harness.close().then(() => process.exit(0)))
