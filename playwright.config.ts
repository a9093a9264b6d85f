import { defineConfig } from '@playwright/test'

/** Debian's Chromium; this project never downloads a browser of Playwright's own. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** How the renderer tests and the benchmarks start Chromium: no sandbox (containers), no GPU, nothing on the network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  timeout: 60_000,
  projects: [
    {
      name: 'renderer',
      testDir: 'tests/renderer',
      use: {
        browserName: 'chromium',
        hasTouch: true,
        viewport: { width: 1920, height: 1080 },
        launchOptions: {
          executablePath: chromiumPath,
          args: chromiumArgs
        }
      }
    },
    { name: 'electron', testDir: 'tests/electron' }
  ]
})
