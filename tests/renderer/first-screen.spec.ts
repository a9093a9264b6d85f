import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { appReady, expect, startReading, test } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')

/** Where the title card's parts are, relative to the card (the app shifts the whole screen a few pixels against burn-in). */
function layoutOf(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('[data-testid="title-card"]')
    if (!card) return null
    const origin = card.getBoundingClientRect()
    return [card, ...card.querySelectorAll('main, h1, p, button, footer')]
      .filter((element) => element.checkVisibility())
      .map((element) => {
        const box = element.getBoundingClientRect()
        return {
          what: `${element.tagName} ${element.textContent?.trim().slice(0, 40)}`,
          box: [box.x - origin.x, box.y - origin.y, box.width, box.height].map(Math.round)
        }
      })
  })
}

for (const screen of [
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'portrait-1080x1920', width: 1080, height: 1920 }
]) {
  test.describe(`on a ${screen.name} screen`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } })

    test('the title card is painted from the page itself, before any script has run', async ({ page, harness }) => {
      await page.route('**/*.js', (route) => route.abort())
      await page.goto(harness.url)
      const first = page.locator('[data-first-screen]')
      await expect(first.getByTestId('title-card-title')).toHaveText(
        'Baclofen for Piriformis Syndrome: Can It Provide Relief?'
      )
      await expect(first.getByTestId('title-card-summary')).toContainText('What piriformis syndrome is')
      await expect(first.getByTestId('title-card-start')).toHaveText('Touch the screen to start reading')
      // In the kiosk's own typeface, not a fallback.
      await page.evaluate(() => document.fonts.ready)
      expect(await page.evaluate(() => document.fonts.check('700 32px "Atkinson Hyperlegible"'))).toBe(true)
      await page.screenshot({ path: `${screenshots}/first-screen-${screen.name}.png` })
    })

    test('the app takes over in place: everything stays where the patient already sees it', async ({
      page,
      harness
    }) => {
      // The card's invitation beckons; without motion every box stands still and can be compared to the pixel.
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await page.route('**/*.js', (route) => route.abort())
      await page.goto(harness.url)
      await page.evaluate(() => document.fonts.ready)
      const before = await layoutOf(page)
      await page.unroute('**/*.js')
      await page.goto(harness.url)
      await appReady(page)
      await page.evaluate(() => document.fonts.ready)
      expect(before?.length).toBeGreaterThanOrEqual(8)
      expect(await layoutOf(page)).toEqual(before)
    })
  })
}

test('a page served with its first screen loads with no content-security complaint, and the app answers touch', async ({
  page,
  harness
}) => {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { cspViolations: seen })
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.sample}`)
    )
  })
  await page.goto(harness.url)
  await appReady(page)
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
  // Exactly one title card: the first screen is gone, not hidden underneath.
  await expect(page.getByTestId('title-card')).toHaveCount(1)
  await startReading(page)
  await page.getByTestId('next-button').tap()
  await expect(page.getByTestId('progress-count')).toHaveText('2 of 6')
})

test('the first screen cannot be pressed, so a tap before the app is ready does nothing half-way', async ({
  page,
  harness
}) => {
  await page.route('**/*.js', (route) => route.abort())
  await page.goto(harness.url)
  await expect(page.locator('[data-first-screen]')).toHaveAttribute('inert', '')
  await page.touchscreen.tap(960, 540)
  await expect(page.locator('[data-first-screen]').getByTestId('title-card')).toBeVisible()
})

test('when the app bundle fails to load, the first screen stays and the page tries again', async ({
  page,
  harness
}) => {
  // Refused twice: the preload and the loader's own request; the reload's requests go through.
  let requests = 0
  await page.route(/\/assets\/index-[^/]+\.js$/, (route) => (requests++ < 2 ? route.abort() : route.continue()))
  await page.goto(harness.url)
  await expect(page.locator('[data-first-screen]')).toBeVisible()
  await expect(page.locator('[data-first-screen]')).toHaveCount(0, { timeout: 20_000 })
  await appReady(page)
  expect(requests).toBeGreaterThanOrEqual(3)
})
