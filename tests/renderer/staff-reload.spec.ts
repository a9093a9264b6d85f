import { cpSync, mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { appReady, contentFolders, expect, staffGesture, test, typePin } from './kiosk-fixture'

const fixtures = resolve(import.meta.dirname, '../fixtures/content')

// docs/CONTENT.md tells authors to tap Reload content and then read Data health: staff must still be there to read it.
test.describe('staff: Reload content', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kiosk-reload-content-'))
  cpSync(join(contentFolders.bundled, 'en'), join(folder, 'en'), { recursive: true })
  test.afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })
  test.use({ harnessOptions: { staffPin: '2468', config: { contentFolder: folder } } })

  test('keeps staff in staff mode and shows what was read in data health', async ({ page, harness }) => {
    await page.goto(harness.url)
    await appReady(page)
    await staffGesture(page)
    await typePin(page, '2468')
    await expect(page.getByTestId('staff-summary')).toBeVisible()
    // The page must not load again: a marker on the window survives only if it does not.
    await page.evaluate(() => ((window as unknown as { reloadMarker: number }).reloadMarker = 1))

    // An author adds two articles and one the kiosk refuses.
    cpSync(join(fixtures, 'playlist/en'), join(folder, 'en'), { recursive: true })
    cpSync(join(fixtures, 'broken/raw-html.md'), join(folder, 'en', 'raw-html.md'))
    await page.getByTestId('reload-content').tap()

    await expect(page.getByTestId('reload-outcome')).toContainText('Content read again: 3 articles to show, 1 problem')
    await expect(page.getByTestId('staff-panel')).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { reloadMarker?: number }).reloadMarker)).toBe(1)
    await expect(page.getByTestId('data-health')).toContainText('raw-html.md')
    await expect(page.getByTestId('content-source')).toContainText('Newer articles are ready')
    await expect(page.getByTestId('content-sample')).toHaveCount(0)
  })
})

// A kiosk set up by the book but never given the clinic's articles must not look finished.
test.describe('staff: data health on a kiosk that shows the bundled sample', () => {
  test.use({ harnessOptions: { staffPin: '2468' } })

  test('says in words that patients see the sample, not the clinic’s articles', async ({ page, harness }) => {
    await page.goto(harness.url)
    await appReady(page)
    await staffGesture(page)
    await typePin(page, '2468')
    await expect(page.getByTestId('content-sample')).toContainText(
      "Patients see the sample article, not your clinic's: set contentFolder or install articles from a USB stick"
    )
  })
})
