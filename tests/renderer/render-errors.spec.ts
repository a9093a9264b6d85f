import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { Playlist } from '../../src/shared/domain'
import type { Result } from '../../src/shared/result'
import { appReady, choose, currentSection, expect, startReading, test, touchStroke } from './kiosk-fixture'
import { axeViolations } from './axe'

const screenshots = resolve(import.meta.dirname, 'screenshots')

test.describe('with two sections under the same heading', () => {
  test.use({
    harnessOptions: { contentFolder: resolve(import.meta.dirname, '../fixtures/content/repeated-headings') }
  })

  test('the page turns, the contents list and the feedback part list all still work', async ({ kiosk }) => {
    await expect(kiosk.getByTestId('progress-count')).toHaveText('1 of 3')
    await kiosk.getByTestId('next-button').tap()
    await kiosk.getByTestId('next-button').tap()
    await expect(kiosk.getByTestId('progress-count')).toHaveText('3 of 3')
    await expect(kiosk.getByText('See the doctor, and ask any question you have.')).toBeVisible()
    // "Step", "Step", "Step 2": each section has an id of its own, the same on every read.
    expect(await currentSection(kiosk)).toBe('step-2-2')

    await kiosk.getByTestId('open-section-list').tap()
    const list = kiosk.getByTestId('section-list')
    await expect(list.locator('ol li')).toHaveText(['1 Step', '2 Step', '3 Step 2'])
    await list.locator('ol li button').nth(1).tap()
    await expect(kiosk.getByText('Wait until a nurse calls your name.')).toBeVisible()
    expect(await currentSection(kiosk)).toBe('step-2')

    await kiosk.getByTestId('give-feedback').tap()
    await kiosk.getByTestId('feedback').getByTestId('rating-3').tap()
    await kiosk.getByTestId('comment-next').tap()
    await expect(kiosk.getByTestId('feedback').locator('.parts li')).toHaveText(['Step', 'Step', 'Step 2'])
    await expect(kiosk.getByTestId('part-failed')).toHaveCount(0)
  })
})

/**
 * The playlist as main would send it after a bug of its own: the second section of every topic (each language) holds
 * a paragraph with no text in it, which no article file can make, so drawing that section throws.
 */
async function breakSecondSections(page: Page): Promise<void> {
  await page.route('**/api/content%3Aplaylist', async (route) => {
    const answer = (await (await route.fetch()).json()) as Result<Playlist>
    if (answer.ok)
      for (const article of [...answer.value.articles, ...answer.value.translations]) {
        const section = article.sections[1]
        if (section) section.blocks = [{ type: 'paragraph', inlines: [null as never] }]
      }
    await route.fulfill({ json: answer })
  })
}

test.describe('a section that cannot be drawn', () => {
  test('says so calmly in its place, is logged in main, and the patient reads on past it', async ({
    page,
    harness
  }) => {
    await breakSecondSections(page)
    await page.goto(harness.url)
    // The playlist goes through Playwright's route first, which is slow on a busy machine.
    await expect(page.locator('[data-first-screen]')).toHaveCount(0, { timeout: 20_000 })
    await appReady(page)
    await startReading(page)
    await page.getByTestId('next-button').tap()

    const fallback = page.getByTestId('section-viewport').getByTestId('part-failed')
    await expect(fallback).toHaveText('This part cannot be shown.')
    await expect(page.getByTestId('progress-count')).toHaveText('2 of 6')
    await expect(page.getByTestId('article-title')).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: resolve(screenshots, 'part-failed.png') })

    // A swipe moves on from it as from any page, and the next section is drawn whole.
    await touchStroke(page, { x: 1300, y: 500 }, { x: 700, y: 510 })
    await expect(page.getByTestId('progress-count')).toHaveText('3 of 6')
    await expect(page.getByTestId('part-failed')).toHaveCount(0)
    await expect(page.getByTestId('section-viewport').getByRole('heading', { level: 2 })).toBeVisible()
    // Back goes to it again, and Back once more to the first section, drawn whole. A tap within a second of the CDP
    // swipe is lost here (so is Next's; taps after it work): a pause keeps this test on what it checks. The lost tap
    // is noted for a look on a real touch screen.
    await page.waitForTimeout(1000)
    await page.getByTestId('previous-button').tap()
    await expect(fallback).toBeVisible()
    await page.getByTestId('previous-button').tap()
    await expect(page.getByTestId('progress-count')).toHaveText('1 of 6')
    await expect(page.getByTestId('part-failed')).toHaveCount(0)

    const logged = () => harness.core.errors.list().map((entry) => entry.message)
    await expect.poll(logged).toContainEqual(expect.stringMatching(/^screen error in reader-section: TypeError: /))
  })

  test('says so in Spanish to a patient reading in Spanish', async ({ page, harness }) => {
    await breakSecondSections(page)
    await page.goto(harness.url)
    // The playlist goes through Playwright's route first, which is slow on a busy machine.
    await expect(page.locator('[data-first-screen]')).toHaveCount(0, { timeout: 20_000 })
    await appReady(page)
    await startReading(page)
    await choose(page, { language: 'es' })
    await page.getByTestId('next-button').tap()
    await expect(page.getByTestId('section-viewport').getByTestId('part-failed')).toHaveText(
      'Esta parte no se puede mostrar.'
    )
    await page.getByTestId('next-button').tap()
    await expect(page.getByTestId('part-failed')).toHaveCount(0)
  })
})

test.describe('an error nothing on the screen caught', () => {
  test('is logged in main, a failed handler and a rejected promise alike', async ({ kiosk, harness }) => {
    await kiosk.evaluate(() => {
      setTimeout(() => {
        throw new Error('late failure')
      })
      void Promise.reject(new Error('promise nobody waited for'))
    })
    const logged = () => harness.core.errors.list().map((entry) => entry.message)
    // Each goes to main on its own request, so they may arrive in either order.
    await expect
      .poll(logged)
      .toEqual(
        expect.arrayContaining([
          'screen error in window: Error: late failure',
          'screen error in promise: Error: promise nobody waited for'
        ])
      )
    await kiosk.getByTestId('next-button').tap()
    await expect(kiosk.getByTestId('progress-count')).toHaveText('2 of 6')
  })
})
