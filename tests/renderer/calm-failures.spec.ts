import { appReady, contentFolders, expect, test } from './kiosk-fixture'

test.describe('with no articles to show', () => {
  test.use({ harnessOptions: { contentFolder: contentFolders.empty } })

  test('says so calmly and asks the patient to tell the front desk', async ({ page, harness }) => {
    await page.goto(harness.url)
    await expect(page.getByRole('alert')).toContainText(
      'The health information is not available right now. Please tell the front desk.'
    )
    await expect(page.getByRole('alert')).toContainText('General information, not medical advice.')
  })
})

test.describe('with reduced motion asked for', () => {
  test.use({ reducedMotion: 'reduce', harnessOptions: { config: { minSectionSeconds: 1, maxSectionSeconds: 1 } } })

  test('nothing slides or pulses', async ({ page, harness }) => {
    const running = () =>
      page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length)
    await page.goto(harness.url)
    await appReady(page)
    await expect(page.getByTestId('title-card')).toBeVisible()
    expect(await running()).toBe(0)
    await expect(page.getByTestId('attract-hint')).toBeVisible({ timeout: 4000 })
    expect(await running()).toBe(0)
    await page.getByTestId('section-viewport').tap()
    await page.getByTestId('next-button').tap()
    expect(await running()).toBe(0)
  })
})

test.describe('with motion allowed', () => {
  test('the section change is a short slide', async ({ kiosk }) => {
    await kiosk.getByTestId('next-button').tap()
    const durations = await kiosk.evaluate(() =>
      document.getAnimations().map((animation) => Number(animation.effect?.getComputedTiming().duration))
    )
    expect(durations.length).toBeGreaterThan(0)
    expect(Math.max(...durations.filter((duration) => duration < 1000))).toBeLessThanOrEqual(300)
  })
})
