import { resolve } from 'node:path'
import { appReady, contentFolders, currentSection, expect, fingerOn, test } from './kiosk-fixture'
import { overlappingParts } from './overlaps'

const screenshots = resolve(import.meta.dirname, 'screenshots')

test.describe('attract mode', () => {
  // Short times so the loop can be watched in seconds: idle 4 s, with the last 2 s as the "Still reading?" countdown.
  test.use({
    harnessOptions: {
      contentFolder: contentFolders.playlist,
      config: { idleSeconds: 4, stillReadingSeconds: 2, minSectionSeconds: 1, maxSectionSeconds: 1 }
    }
  })

  test('starts on the first title card, then shows its sections and every other article, card first', async ({
    page,
    harness
  }) => {
    await page.goto(harness.url)
    await appReady(page)
    const card = page.getByTestId('title-card')
    await expect(card.getByTestId('title-card-title')).toHaveText('Drinking Enough Water')
    await expect(card.getByTestId('title-card-summary')).toHaveText('A test article about drinking water.')
    await expect(card.getByTestId('title-card-start')).toHaveText('Touch the screen to start reading')
    await expect(card).toHaveCount(0, { timeout: 4000 })
    await expect(page.getByTestId('attract-hint')).toBeVisible()
    const first = await currentSection(page)
    await expect.poll(() => currentSection(page), { timeout: 4000 }).not.toBe(first)
    await expect(card.getByTestId('title-card-title')).toHaveText('Washing Your Hands', { timeout: 8000 })
    await expect(page.getByTestId('article-title')).toHaveText('Washing Your Hands')
  })

  test('a touch on the title card starts that article at its first section, and presses nothing under it', async ({
    page,
    harness
  }) => {
    await page.goto(harness.url)
    await appReady(page)
    // Where the Next button waits under the card.
    const next = await page.getByTestId('next-button').boundingBox()
    await page.touchscreen.tap((next?.x ?? 0) + 20, (next?.y ?? 0) + 20)
    await expect(page.getByTestId('title-card')).toHaveCount(0)
    await expect(page.getByTestId('attract-hint')).toBeHidden()
    await expect(page.getByTestId('progress-count')).toHaveText('1 of 2')
    await page.waitForTimeout(1500)
    await expect(page.getByTestId('progress-count')).toHaveText('1 of 2')
    await expect(page.getByTestId('article-title')).toHaveText('Drinking Enough Water')
  })

  test('a touch on a section stops it at once and keeps the patient where they are', async ({ page, harness }) => {
    await page.goto(harness.url)
    await appReady(page)
    await expect(page.getByTestId('title-card')).toHaveCount(0, { timeout: 4000 })
    await page.getByTestId('section-viewport').tap()
    await expect(page.getByTestId('attract-hint')).toBeHidden()
    const held = await currentSection(page)
    await page.waitForTimeout(1500)
    expect(await currentSection(page)).toBe(held)
  })

  test('asks "Still reading?" before the idle time ends, then returns to the first title card', async ({ kiosk }) => {
    await kiosk.getByTestId('open-section-list').tap()
    await kiosk.getByTestId('section-list').getByRole('button', { name: 'Washing Your Hands' }).tap()
    await kiosk.getByTestId('open-section-list').tap()
    const dialog = kiosk.getByRole('alertdialog', { name: 'Still reading?' })
    await expect(dialog).toBeVisible({ timeout: 4000 })
    await expect(kiosk.getByTestId('still-reading-countdown')).toContainText('second')
    await expect(dialog).toBeHidden({ timeout: 4000 })
    await expect(kiosk.getByTestId('section-list')).toBeHidden()
    await expect(kiosk.getByTestId('title-card-title')).toHaveText('Drinking Enough Water')
    await expect(kiosk.getByTestId('article-title')).toHaveText('Drinking Enough Water')
  })

  test('"Still reading?" keeps the patient in place with one tap', async ({ kiosk }) => {
    await kiosk.getByTestId('section-viewport').tap()
    await kiosk.getByTestId('next-button').tap()
    const held = await currentSection(kiosk)
    const stay = kiosk.getByRole('button', { name: 'Yes, keep reading' })
    await expect(stay).toBeVisible({ timeout: 4000 })
    await stay.tap()
    await expect(stay).toBeHidden()
    await expect(kiosk.getByTestId('attract-hint')).toBeHidden()
    expect(await currentSection(kiosk)).toBe(held)
    await kiosk.waitForTimeout(1000)
    expect(await currentSection(kiosk)).toBe(held)
  })
})

test.describe('the title card in a kiosk with translations', () => {
  test.use({
    harnessOptions: { contentFolder: contentFolders.translated, config: { playlist: ['hand-washing', 'flu-vaccine'] } }
  })

  test('offers each other language in its own words, and a touch there starts reading in it', async ({
    page,
    harness
  }) => {
    await page.goto(harness.url)
    await appReady(page)
    const spanish = page.getByTestId('title-card-start-es')
    await expect(spanish).toHaveText('Leer en español')
    await expect(spanish).toHaveAttribute('lang', 'es')
    await fingerOn(spanish)
    await expect(page.getByTestId('title-card')).toHaveCount(0)
    await expect(page.getByTestId('article-title')).toHaveText('Lavarse las manos')
    await expect(page.getByTestId('progress-count')).toHaveText('1 de 3')
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  })

  test('answers a keyboard too: a key does not take the card away, and pressing its button starts reading', async ({
    page,
    harness
  }) => {
    await page.goto(harness.url)
    await appReady(page)
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('title-card-start')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('title-card-start-es')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('title-card')).toHaveCount(0)
    await expect(page.getByTestId('article-title')).toHaveText('Lavarse las manos')
  })
})

// Attract mode always runs with the kiosk's defaults (the idle reset brings them back), but it must hold at every text
// size a patient can pick: the largest is set on the page as the app sets it, without a touch that would end attract
// mode.
const screens = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1366x768', width: 1366, height: 768 }
]
const kiosks = [
  { language: 'en', harnessOptions: { config: { minSectionSeconds: 2, maxSectionSeconds: 2 } } },
  {
    language: 'es',
    harnessOptions: {
      contentFolder: contentFolders.translated,
      config: { language: 'es', minSectionSeconds: 2, maxSectionSeconds: 2 }
    }
  }
]

for (const screen of screens) {
  for (const { language, harnessOptions } of kiosks) {
    test.describe(`attract mode on a ${screen.name} screen in ${language}`, () => {
      test.use({ viewport: { width: screen.width, height: screen.height }, harnessOptions })

      for (const size of ['standard', 'largest'] as const) {
        test(`no two controls or labels overlap, ${size} text`, async ({ page, harness }) => {
          await page.goto(harness.url)
          await appReady(page)
          await page.evaluate((textSize) => (document.documentElement.dataset['textSize'] = textSize), size)
          const variant = `${screen.name}-${language}-${size}`
          await page.screenshot({ path: `${screenshots}/attract-start-${variant}.png` })
          expect(await overlappingParts(page), `at the start, ${variant}`).toEqual([])
          // Then a section, as attract mode shows it.
          await expect(page.getByTestId('title-card')).toHaveCount(0, { timeout: 6000 })
          await page.waitForTimeout(300)
          await page.screenshot({ path: `${screenshots}/attract-section-${variant}.png` })
          expect(await overlappingParts(page), `on a section, ${variant}`).toEqual([])
        })
      }
    })
  }
}
