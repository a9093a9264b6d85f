import { resolve } from 'node:path'
import { expect, staffGesture, test, typePin } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')

const screens = [
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'portrait-1080x1920', width: 1080, height: 1920 },
  { name: 'small-1366x768', width: 1366, height: 768 }
]

for (const screen of screens) {
  test.describe(`on a ${screen.name} screen`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } })

    test('body text is large, buttons are big enough for a finger, and nothing spills sideways', async ({ kiosk }) => {
      const bodySize = await kiosk
        .locator('article p')
        .first()
        .evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
      expect(bodySize).toBeGreaterThanOrEqual(screen.height >= 1080 && screen.width >= 1080 ? 30 : 28)
      for (const id of ['next-button', 'open-section-list']) {
        const box = await kiosk.getByTestId(id).boundingBox()
        expect(box?.height).toBeGreaterThanOrEqual(64)
      }
      const small = await kiosk.evaluate(() =>
        [...document.querySelectorAll('button')]
          .filter((button) => button.checkVisibility())
          .map((button) => ({
            label: button.textContent?.trim() || button.getAttribute('aria-label'),
            box: button.getBoundingClientRect()
          }))
          .filter(({ box }) => box.width < 48 || box.height < 48)
          .map(({ label }) => label)
      )
      expect(small).toEqual([])
      expect(await kiosk.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    })

    test('the feedback screens keep every key and button big enough for a finger', async ({ kiosk }) => {
      await kiosk.getByTestId('give-feedback').tap()
      await kiosk.screenshot({ path: `${screenshots}/feedback-rating-${screen.name}.png` })
      await kiosk.getByTestId('feedback').getByTestId('rating-3').tap()
      await kiosk.getByTestId('on-screen-keyboard').locator('[data-skbtn="h"]').tap()
      await kiosk.getByTestId('on-screen-keyboard').locator('[data-skbtn="i"]').tap()
      await kiosk.screenshot({ path: `${screenshots}/feedback-comment-${screen.name}.png` })
      const small = await kiosk.evaluate(() =>
        [...document.querySelectorAll('[data-testid="feedback"] button')]
          .filter((button) => button.checkVisibility())
          .map((button) => ({ label: button.textContent?.trim(), box: button.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 48 || box.height < 48 || box.bottom > window.innerHeight)
          .map(({ label }) => label)
      )
      expect(small).toEqual([])
      await kiosk.getByTestId('comment-next').tap()
      await kiosk.getByTestId('part-skip').tap()
      await kiosk.screenshot({ path: `${screenshots}/feedback-thanks-${screen.name}.png` })
    })

    test('the staff screens keep every button big enough for a finger', async ({ kiosk, harness }) => {
      await harness.core.staffAuth.setPin('2468')
      await staffGesture(kiosk)
      await kiosk.screenshot({ path: `${screenshots}/staff-pin-${screen.name}.png` })
      await typePin(kiosk, '2468')
      await kiosk.getByTestId('staff-summary').waitFor()
      await kiosk.screenshot({ path: `${screenshots}/staff-panel-${screen.name}.png` })
      const small = await kiosk.evaluate(() =>
        [...document.querySelectorAll('[data-testid="staff-panel"] button')]
          .filter((button) => button.checkVisibility())
          .map((button) => ({ label: button.textContent?.trim(), box: button.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 48 || box.height < 48)
          .map(({ label }) => label)
      )
      expect(small).toEqual([])
    })

    test('screenshots of the reader for people to look at', async ({ kiosk }) => {
      await kiosk.getByTestId('section-viewport').tap()
      await kiosk.waitForTimeout(300)
      await kiosk.screenshot({ path: `${screenshots}/reader-${screen.name}.png` })
      await kiosk.getByRole('button', { name: /Go to part 5/ }).tap()
      await kiosk.waitForTimeout(300)
      await kiosk.screenshot({ path: `${screenshots}/reader-long-section-${screen.name}.png` })
      await kiosk.getByTestId('open-section-list').tap()
      await kiosk.waitForTimeout(300)
      await kiosk.screenshot({ path: `${screenshots}/section-list-${screen.name}.png` })
    })
  })
}
