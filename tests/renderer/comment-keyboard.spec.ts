import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { appReady, choose, expect, startReading, test, typeOnKeyboard } from './kiosk-fixture'
import { outsideOrUnder } from './overlaps'

const screenshots = resolve(import.meta.dirname, 'screenshots')
const longestNotice =
  'The clinic is running about 45 minutes late this morning. We are sorry for the wait. Please ask us if you need help.'
// Longer than the box's two lines at the largest text, so the box must follow the end for a patient to see it.
const typed =
  'the nurse was kind and the leaflet was clear but the chairs are hard and the room is cold so please fix the heating soon'

/** The comment screen of a patient who rated the article and typed a comment on the on-screen keyboard. */
async function openComment(page: Page): Promise<void> {
  await page.getByTestId('give-feedback').tap()
  await page.getByTestId('feedback').getByTestId('rating-2').tap()
  await typeOnKeyboard(page, typed)
  await expect(page.getByTestId('comment-text')).toHaveText(typed)
}

/** What a patient cannot see on the comment screen: the box, its last typed letter or Send, hidden or under keys. */
async function hiddenFromPatient(page: Page): Promise<string[]> {
  return outsideOrUnder(page, {
    parts: ['comment-text', 'comment-next'],
    textEndOf: 'comment-text',
    cover: 'on-screen-keyboard'
  })
}

for (const screen of [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1366x768', width: 1366, height: 768 }
]) {
  for (const notice of [false, true]) {
    const variant = `${screen.name}${notice ? '-notice' : ''}`
    test.describe(`the comment keyboard on a ${screen.name} screen${notice ? ' under a staff notice' : ''}`, () => {
      test.use({ viewport: { width: screen.width, height: screen.height } })

      test('keeps the box, what was typed and Send above the keys at every text size, in English and Spanish', async ({
        page,
        harness
      }) => {
        test.setTimeout(120_000)
        if (notice) await harness.core.notices.set({ text: longestNotice, endsAt: null })
        await page.goto(harness.url)
        await appReady(page)
        await startReading(page)
        await openComment(page)
        const problems: string[] = []
        for (const language of ['en', 'es'] as const) {
          for (const size of ['standard', 'large', 'largest'] as const) {
            await choose(page, { language, size })
            if (notice) await expect(page.getByTestId('notice')).toBeVisible()
            await page.waitForTimeout(150)
            for (const problem of await hiddenFromPatient(page)) problems.push(`${language}, ${size}: ${problem}`)
            if (size === 'largest' && screen.name === '1366x768')
              await page.screenshot({ path: `${screenshots}/comment-keyboard-${language}-largest-${variant}.png` })
          }
        }
        expect(problems).toEqual([])
      })
    })
  }
}
