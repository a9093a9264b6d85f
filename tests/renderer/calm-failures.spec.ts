import { contentFolders, expect, test } from './kiosk-fixture'

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
  test.use({ reducedMotion: 'reduce' })

  test('nothing slides or pulses', async ({ kiosk }) => {
    expect(await kiosk.getByTestId('attract-hint').evaluate((element) => getComputedStyle(element).animationName)).toBe(
      'none'
    )
    await kiosk.getByTestId('next-button').tap()
    const moving = await kiosk.evaluate(
      () => document.getAnimations().filter((animation) => animation.playState === 'running').length
    )
    expect(moving).toBe(0)
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
