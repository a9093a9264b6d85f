import { contentFolders, currentSection, expect, test } from './kiosk-fixture'

// Short times so the loop can be watched in seconds: idle 4 s, with the last 2 s as the "Still reading?" countdown.
test.use({
  harnessOptions: {
    contentFolder: contentFolders.playlist,
    config: { idleSeconds: 4, stillReadingSeconds: 2, minSectionSeconds: 1, maxSectionSeconds: 1 }
  }
})

test.describe('attract mode', () => {
  test('advances on its own when nobody touches the screen, through every article', async ({ kiosk }) => {
    await expect(kiosk.getByTestId('attract-hint')).toBeVisible()
    const first = await currentSection(kiosk)
    await expect.poll(() => currentSection(kiosk), { timeout: 4000 }).not.toBe(first)
    await expect(kiosk.getByTestId('article-title')).toHaveText('Washing Your Hands', { timeout: 8000 })
  })

  test('a touch stops it at once and keeps the patient where they are', async ({ kiosk }) => {
    await kiosk.getByTestId('section-viewport').tap()
    await expect(kiosk.getByTestId('attract-hint')).toBeHidden()
    const held = await currentSection(kiosk)
    await kiosk.waitForTimeout(1500)
    expect(await currentSection(kiosk)).toBe(held)
  })

  test('asks "Still reading?" before the idle time ends, then returns to the start and advances again', async ({
    kiosk
  }) => {
    await kiosk.getByTestId('open-section-list').tap()
    await kiosk.getByTestId('section-list').getByRole('button', { name: 'Washing Your Hands' }).tap()
    await kiosk.getByTestId('open-section-list').tap()
    const dialog = kiosk.getByRole('alertdialog', { name: 'Still reading?' })
    await expect(dialog).toBeVisible({ timeout: 4000 })
    await expect(kiosk.getByTestId('still-reading-countdown')).toContainText('second')
    await expect(dialog).toBeHidden({ timeout: 4000 })
    await expect(kiosk.getByTestId('section-list')).toBeHidden()
    await expect(kiosk.getByTestId('article-title')).toHaveText('Drinking Enough Water')
    await expect(kiosk.getByTestId('attract-hint')).toBeVisible()
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
