import { cpSync, mkdirSync, mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { appReady, expect, staffGesture, test, typePin } from './kiosk-fixture'

const fixtures = resolve(import.meta.dirname, '../fixtures/content')
const screenshots = resolve(import.meta.dirname, 'screenshots')

/** A stick with two new articles and not the one on screen: installing it takes the bundled article off. */
function stickWithout(): string {
  const stick = mkdtempSync(join(tmpdir(), 'kiosk-stick-replace-'))
  mkdirSync(join(stick, 'content'), { recursive: true })
  cpSync(join(fixtures, 'playlist/en'), join(stick, 'content', 'en'), { recursive: true })
  return stick
}

// Install replaces the whole set: staff must read that, and which articles leave, before the button, not after it.
test.describe('staff: installing from a stick replaces every article on screen', () => {
  const stick = stickWithout()
  test.afterAll(async () => {
    await rm(stick, { recursive: true, force: true })
  })
  test.use({ harnessOptions: { staffPin: '2468', drives: [{ label: 'KINGSTON (E:)', path: stick }] } })

  for (const screen of [
    { name: 'landscape', width: 1366, height: 768 },
    { name: 'portrait', width: 1080, height: 1920 }
  ]) {
    test(`says so above Install and lists the articles that leave the screen (${screen.name})`, async ({
      page,
      harness
    }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await page.goto(harness.url)
      await appReady(page)
      await staffGesture(page)
      await typePin(page, '2468')
      await page.getByTestId('update-open').tap()
      await page.getByTestId('update-read').tap()
      const warning = page.getByTestId('install-replaces')
      await expect(warning).toContainText('Install replaces every article on screen')
      const leaving = page.getByTestId('pack-removed')
      await expect(leaving).toContainText('Baclofen for Piriformis Syndrome')
      const install = page.getByTestId('update-install')
      await expect(install).toBeVisible()
      // Read from the top: the sentence and the list come before the button.
      const top = async (locator: typeof install) => (await locator.boundingBox())?.y ?? Number.NaN
      expect(await top(warning)).toBeLessThan(await top(install))
      expect(await top(leaving)).toBeLessThan(await top(install))
      await page.screenshot({ path: `${screenshots}/update-replaces-${screen.name}.png` })
      expect(harness.core.contentService.source().kind).toBe('bundled')
    })
  }
})
