import type { Page } from '@playwright/test'
import { contentFolders, expect, recordsOnDisk, startReading, test, typeOnKeyboard } from './kiosk-fixture'

/** Two taps on the same spot in quick succession, as an impatient finger makes them. */
async function doubleTap(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox()
  if (!box) throw new Error(`${testId} is not on screen`)
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2, id: 1 }
  const cdp = await page.context().newCDPSession(page)
  for (let tap = 0; tap < 2; tap += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }
  await cdp.detach()
}

test.describe('feedback', () => {
  test.use({ harnessOptions: { config: { stationLabel: 'Room 2', thankYouSeconds: 2 } } })

  test('rate, type a comment on the on-screen keyboard, pick a part, see thanks, and return to reading', async ({
    kiosk,
    harness
  }) => {
    await kiosk.getByTestId('give-feedback').tap()
    await expect(kiosk.getByRole('heading', { name: 'Was this helpful?' })).toBeVisible()
    await kiosk.getByTestId('feedback').getByTestId('rating-3').tap()
    await expect(kiosk.getByText("Please don't include names or other personal details.")).toBeVisible()
    await typeOnKeyboard(kiosk, 'Clear text, call 0770090012')
    await expect(kiosk.getByTestId('comment-text')).toHaveText('Clear text, call 0770090012')
    await expect(kiosk.getByTestId('comment-counter')).toHaveText('27 of 500 characters')
    await kiosk.getByTestId('on-screen-keyboard').locator('[data-skbtn="{bksp}"]').tap()
    await expect(kiosk.getByTestId('comment-counter')).toHaveText('26 of 500 characters')
    await kiosk.getByTestId('comment-next').tap()
    await kiosk.getByTestId('feedback').getByRole('button', { name: 'Potential Side Effects of Baclofen' }).tap()
    await expect(kiosk.getByRole('heading', { name: 'Thank you!' })).toBeVisible()
    await expect(kiosk.getByTestId('feedback')).toBeHidden({ timeout: 5000 })
    await expect(kiosk.getByTestId('article-title')).toBeVisible()

    const records = await recordsOnDisk(harness.dataFolder)
    expect(records).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        articleId: 'baclofen-piriformis-syndrome',
        sectionId: 'potential-side-effects-of-baclofen',
        rating: 3,
        comment: 'Clear text, call [removed]',
        language: 'en',
        contentVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
        appVersion: 'web-harness',
        station: 'Room 2',
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:(00|15|30|45):00\.000Z$/)
      }
    ])
  })

  test('a face at the end of an article starts feedback at the comment', async ({ kiosk }) => {
    await kiosk.getByRole('button', { name: /Go to part 6/ }).tap()
    await kiosk.getByTestId('end-of-article-feedback').getByTestId('rating-2').tap()
    await expect(kiosk.getByRole('heading', { name: /What could be better\?/ })).toBeVisible()
  })

  test('a double tap on send stores one record, and a second feedback in the same visit is refused kindly', async ({
    kiosk,
    harness
  }) => {
    await kiosk.getByTestId('give-feedback').tap()
    await kiosk.getByTestId('feedback').getByTestId('rating-1').tap()
    await doubleTap(kiosk, 'comment-next')
    await expect(kiosk.getByRole('heading', { name: 'Thank you!' })).toBeVisible()
    await kiosk.getByRole('button', { name: 'Back to reading' }).tap()
    await kiosk.getByTestId('give-feedback').tap()
    await expect(kiosk.getByRole('heading', { name: 'Thank you, we already have your feedback' })).toBeVisible()
    expect(await recordsOnDisk(harness.dataFolder)).toHaveLength(1)
  })

  test('cancel is one tap away and stores nothing', async ({ kiosk, harness }) => {
    await kiosk.getByTestId('give-feedback').tap()
    await kiosk.getByTestId('feedback').getByTestId('rating-2').tap()
    await typeOnKeyboard(kiosk, 'abc')
    await kiosk.getByTestId('feedback-cancel').tap()
    await expect(kiosk.getByTestId('feedback')).toBeHidden()
    expect(await recordsOnDisk(harness.dataFolder)).toEqual([])
  })
})

test.describe('feedback and the idle reset', () => {
  test.use({
    harnessOptions: {
      contentFolder: contentFolders.playlist,
      config: { idleSeconds: 4, stillReadingSeconds: 2, minSectionSeconds: 1, maxSectionSeconds: 1 }
    }
  })

  test('going idle mid-comment wipes it, closes the keyboard, and ends the visit', async ({ kiosk, harness }) => {
    await kiosk.getByTestId('give-feedback').tap()
    await kiosk.getByTestId('feedback').getByTestId('rating-2').tap()
    await typeOnKeyboard(kiosk, 'half typed')
    await expect(kiosk.getByRole('alertdialog', { name: 'Still reading?' })).toBeVisible({ timeout: 4000 })
    await expect(kiosk.getByTestId('feedback')).toBeHidden({ timeout: 4000 })
    await expect(kiosk.getByTestId('on-screen-keyboard')).toBeHidden()
    await startReading(kiosk)
    await kiosk.getByTestId('give-feedback').tap()
    await kiosk.getByTestId('feedback').getByTestId('rating-2').tap()
    await expect(kiosk.getByTestId('comment-counter')).toHaveText('0 of 500 characters')
    expect(await recordsOnDisk(harness.dataFolder)).toEqual([])
  })
})
