import { resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { type HarnessOptions, startWebHarness, type WebHarness } from '../harness/web-harness'

/** Content folders the renderer tests can run against. */
export const contentFolders = {
  bundled: resolve(import.meta.dirname, '../../content'),
  playlist: resolve(import.meta.dirname, '../fixtures/content/playlist'),
  empty: resolve(import.meta.dirname, '../fixtures/content/empty')
}

/** Each test gets its own harness: the real services on a fresh temp folder, serving the built renderer. */
export const test = base.extend<{ harnessOptions: HarnessOptions; harness: WebHarness; kiosk: Page }>({
  harnessOptions: [{}, { option: true }],
  harness: async ({ harnessOptions }, use) => {
    const harness = await startWebHarness(harnessOptions)
    await use(harness)
    await harness.close()
  },
  kiosk: async ({ page, harness }, use) => {
    await page.goto(harness.url)
    await expect(page.getByTestId('article-title')).toBeVisible()
    await use(page)
  }
})

export { expect }

/** Where a section is, as the reader shows it. */
export async function currentSection(page: Page): Promise<string | null> {
  return page.getByTestId('section-viewport').locator('article').last().getAttribute('data-section-id')
}

/**
 * A real touch stroke through the Chrome DevTools Protocol, as a finger makes it: touchStart, moves, touchEnd.
 * Playwright's own helpers only tap, so swipes and scrolls go through here.
 */
export async function touchStroke(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  options: { steps?: number; milliseconds?: number } = {}
): Promise<void> {
  const steps = options.steps ?? 12
  const pause = (options.milliseconds ?? 240) / steps
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y, id: 1 }] })
  for (let step = 1; step <= steps; step += 1) {
    const x = from.x + ((to.x - from.x) * step) / steps
    const y = from.y + ((to.y - from.y) * step) / steps
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y, id: 1 }] })
    await page.waitForTimeout(pause)
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

/** The hidden staff gesture, made with a real finger: hold the top-left corner, then tap the bottom-right one. */
export async function staffGesture(page: Page, holdMilliseconds = 3300): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 30, y: 30, id: 1 }] })
  await page.waitForTimeout(holdMilliseconds)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
  const size = page.viewportSize() ?? { width: 1920, height: 1080 }
  await page.touchscreen.tap(size.width - 30, size.height - 30)
}

/** Types a PIN on the staff pad and presses OK. */
export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: `Digit ${digit}`, exact: true }).tap()
  await page.getByTestId('pin-ok').tap()
}
