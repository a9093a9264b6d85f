import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { overlappingParts } from './overlaps'
import { appReady, choose, contentFolders, expect, startReading, test } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')
const link = 'https://clinic.example.org/patients/knee-pain'
/** 4 cm on a 24-inch 1080p screen, whose pixels are 0.277 mm apart. */
const fourCentimetres = 145

/** What a phone would read: the QR code found in a screenshot of the whole screen, decoded with jsQR. */
async function scanScreen(page: Page, name: string): Promise<string | null> {
  const image = PNG.sync.read(await page.screenshot({ path: `${screenshots}/take-home-${name}.png` }))
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length)
  return jsQR(pixels, image.width, image.height)?.data ?? null
}

/** The last section of the article on screen, by its progress dot. */
async function lastSection(page: Page): Promise<void> {
  const dots = page.getByRole('button', { name: /^Go to part/ })
  await dots.last().tap()
  await expect(page.getByTestId('end-of-article-feedback')).toBeVisible()
}

/** The code's size on screen in CSS pixels. */
async function codeSide(code: Locator): Promise<number> {
  const box = await code.boundingBox()
  return Math.min(box?.width ?? 0, box?.height ?? 0)
}

/** Where the code is in its title card (the app shifts the whole screen a few pixels against burn-in). */
async function codeInCard(card: Locator): Promise<number[]> {
  const [outer, code] = [await card.boundingBox(), await card.getByTestId('take-home-code').boundingBox()]
  if (!outer || !code) return []
  return [code.x - outer.x, code.y - outer.y, code.width, code.height].map(Math.round)
}

test.use({
  harnessOptions: { contentFolder: contentFolders.takeHome, config: { playlist: ['knee-pain', 'hand-washing'] } }
})

for (const screen of [
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'portrait-1080x1920', width: 1080, height: 1920 },
  { name: 'laptop-1366x768', width: 1366, height: 768 }
]) {
  test.describe(`on a ${screen.name} screen`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } })

    test('the title card shows a code that scans to the article link, beside the link as text', async ({
      page,
      harness
    }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await page.goto(harness.url)
      await appReady(page).catch(() => {})
      const card = page.getByTestId('title-card')
      await expect(card.getByTestId('take-home')).toContainText('Scan to read this at home')
      await expect(card.getByTestId('take-home-link')).toHaveText('clinic.example.org/patients/knee-pain')
      await page.evaluate(() => document.fonts.ready)
      expect(await scanScreen(page, `title-card-${screen.name}`)).toBe(link)
      if (screen.height >= 1080)
        expect(await codeSide(card.getByTestId('take-home-code'))).toBeGreaterThanOrEqual(fourCentimetres)
      expect(await overlappingParts(page)).toEqual([])
      // The code takes no room from the summary: all three of its lines stay on screen.
      const summary = card.getByTestId('title-card-summary')
      expect(await summary.evaluate((element) => element.scrollHeight - element.clientHeight)).toBeLessThanOrEqual(1)
    })

    test('the last section shows the code, at the largest text, without covering the article', async ({
      page,
      harness
    }) => {
      await page.goto(harness.url)
      await appReady(page)
      await startReading(page)
      await choose(page, { size: 'largest' })
      await expect(page.getByTestId('take-home')).toHaveCount(0)
      await lastSection(page)
      const takeHome = page.getByTestId('take-home')
      // Where a patient who scrolls to the end of the page finds it.
      await page.getByTestId('section-viewport').evaluate((element) => element.scrollTo(0, element.scrollHeight))
      await expect(takeHome).toContainText('Scan to read this at home')
      expect(await scanScreen(page, `last-section-${screen.name}`)).toBe(link)
      if (screen.height >= 1080)
        expect(await codeSide(page.getByTestId('take-home-code'))).toBeGreaterThanOrEqual(fourCentimetres)
      expect(await overlappingParts(page)).toEqual([])
    })
  })
}

test('the code stays black on white in high contrast, and scans', async ({ page, harness }) => {
  await page.goto(harness.url)
  await appReady(page)
  await startReading(page)
  await choose(page, { contrast: 'high' })
  await lastSection(page)
  await page.getByTestId('section-viewport').evaluate((element) => element.scrollTo(0, element.scrollHeight))
  expect(await scanScreen(page, 'last-section-high-contrast')).toBe(link)
  const rect = page.getByTestId('take-home-code').locator('rect')
  await expect(rect).toHaveAttribute('fill', '#ffffff')
})

test('the caption is in the patient language', async ({ page, harness }) => {
  await page.goto(harness.url)
  await appReady(page)
  await startReading(page)
  await lastSection(page)
  await choose(page, { language: 'es' })
  await expect(page.getByTestId('take-home')).toContainText('Escanee para leerlo en casa')
})

test('the first screen served with the page shows the same code before any script has run', async ({
  page,
  harness
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.route('**/*.js', (route) => route.abort())
  await page.goto(harness.url)
  const first = page.locator('[data-first-screen]')
  await expect(first.getByTestId('take-home-link')).toHaveText('clinic.example.org/patients/knee-pain')
  expect(await scanScreen(page, 'first-screen')).toBe(link)
  const before = await codeInCard(first.getByTestId('title-card'))
  await page.unroute('**/*.js')
  await page.goto(harness.url)
  await appReady(page)
  await page.evaluate(() => document.fonts.ready)
  expect(await codeInCard(page.getByTestId('title-card'))).toEqual(before)
})

test('an article without a link shows no code, and the kiosk shows no link to follow', async ({ page, harness }) => {
  await page.goto(harness.url)
  await appReady(page)
  await startReading(page)
  await lastSection(page)
  await expect(page.getByTestId('take-home')).toHaveCount(1)
  await expect(page.locator('a[href]')).toHaveCount(0)
  // Next topic: hand-washing, which has no link.
  await page.getByTestId('next-button').tap()
  await expect(page.getByTestId('article-title')).toHaveText('Washing Your Hands')
  await lastSection(page)
  await expect(page.getByTestId('take-home')).toHaveCount(0)
  expect(await scanScreen(page, 'no-link')).toBeNull()
})
