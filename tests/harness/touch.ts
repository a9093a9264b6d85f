import type { Page } from '@playwright/test'

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
