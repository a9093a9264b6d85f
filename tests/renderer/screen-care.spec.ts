import { burnInOffset } from '../../src/shared/display-schedule'
import { expect, test } from './kiosk-fixture'

const today = new Date().getDay()

test.describe('outside clinic hours', () => {
  // A clinic open only on another day of the week: the screen is outside its hours whenever the test runs.
  test.use({ harnessOptions: { config: { clinicHours: { days: [(today + 3) % 7], open: '08:00', close: '18:00' } } } })

  test('the screen is dark, and a touch wakes it to the articles', async ({ page, harness }) => {
    await page.goto(harness.url)
    const dark = page.getByTestId('screen-asleep')
    await expect(dark).toBeVisible()
    expect(await dark.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 0, 0)')
    // A raw tap in the middle of the screen, where the Next button is not.
    await page.touchscreen.tap(960, 540)
    await expect(dark).toBeHidden()
    await expect(page.getByTestId('article-title')).toBeVisible()
    await expect(page.getByTestId('progress-count')).toHaveText('1 of 6')
  })
})

test.describe('inside clinic hours', () => {
  test.use({
    harnessOptions: { config: { clinicHours: { days: [0, 1, 2, 3, 4, 5, 6], open: '00:00', close: '23:59' } } }
  })

  test('the screen is on, and the whole picture sits a few pixels off centre against burn-in', async ({ kiosk }) => {
    await expect(kiosk.getByTestId('screen-asleep')).toBeHidden()
    const translate = await kiosk.locator('.screen').evaluate((element) => (element as HTMLElement).style.translate)
    // The browser writes "4px 0px" as "4px", so both sides are read back as numbers.
    const [x = 0, y = 0] = translate.split(' ').map((part) => parseFloat(part))
    const expected = [Date.now(), Date.now() - 30_000].map((time) => burnInOffset(new Date(time)))
    expect(expected).toContainEqual({ x, y })
  })
})
