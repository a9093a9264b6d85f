import { cpSync, mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import {
  appReady,
  contentFolders,
  expect,
  recordsOnDisk,
  staffGesture,
  test,
  typeOnKeyboard,
  typePin
} from './kiosk-fixture'
import { outsideOrUnder } from './overlaps'
import { axeViolations } from './axe'

const screenshots = resolve(import.meta.dirname, 'screenshots')

/** The root's language, text size and colours, which the page's CSS and screen readers follow. */
const rootSettings = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    textSize: document.documentElement.dataset.textSize,
    contrast: document.documentElement.dataset.contrast
  }))

for (const screen of [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1366x768', width: 1366, height: 768 }
]) {
  test.describe(`staff: an article's preview on a ${screen.name} screen`, () => {
    // A stick holding hand-washing in English and Spanish, and flu-vaccine in English only.
    const stick = mkdtempSync(join(tmpdir(), 'kiosk-stick-'))
    cpSync(contentFolders.translated, join(stick, 'content'), { recursive: true })
    test.afterAll(async () => {
      await rm(stick, { recursive: true, force: true })
    })
    test.use({
      viewport: { width: screen.width, height: screen.height },
      harnessOptions: { staffPin: '2468', drives: [{ label: 'KINGSTON (E:)', path: stick }] }
    })

    test('Text and language and Give feedback work as patients see them, and feedback there is not saved', async ({
      page,
      harness
    }) => {
      test.setTimeout(120_000)
      await page.goto(harness.url)
      await appReady(page)
      await staffGesture(page)
      await typePin(page, '2468')
      await page.getByTestId('update-open').tap()
      await page.getByTestId('update-read').tap()
      await page.getByTestId('pack-article').filter({ hasText: 'Washing Your Hands' }).getByTestId('pack-preview').tap()
      const preview = page.getByTestId('article-preview')
      await expect(preview.getByTestId('article-title')).toHaveText('Washing Your Hands')
      const before = await rootSettings(page)

      // Text and language: the stick's Spanish translation, at the largest text, as a patient would choose them.
      await preview.getByTestId('open-settings').tap()
      await page.getByTestId('language-es').tap()
      await page.getByTestId('text-size-largest').tap()
      await page.getByTestId('settings-done').tap()
      await expect(preview.getByTestId('article-title')).toHaveText('Lavarse las manos')
      expect(await rootSettings(page)).toMatchObject({ lang: 'es', textSize: 'largest' })
      // The band is for staff, so it stays in the kiosk's language.
      await expect(page.getByTestId('preview-band')).toHaveText('Preview — not yet on the kiosk')
      expect(await axeViolations(page), 'axe on the preview at the largest text').toEqual([])

      // Give feedback: the real screens, under a band that says nothing is saved.
      await preview.getByTestId('give-feedback').tap()
      await expect(page.getByTestId('preview-band')).toHaveText('Preview — feedback given here is not saved')
      await preview.getByTestId('feedback').getByTestId('rating-2').tap()
      await typeOnKeyboard(page, 'hola')
      await page.screenshot({ path: `${screenshots}/preview-comment-es-largest-${screen.name}.png` })
      expect(
        await outsideOrUnder(page, {
          parts: ['comment-text', 'comment-next'],
          textEndOf: 'comment-text',
          cover: 'on-screen-keyboard'
        })
      ).toEqual([])
      expect(await axeViolations(page), 'axe on the preview comment screen').toEqual([])
      await preview.getByTestId('comment-next').tap()
      await preview.getByTestId('part-skip').tap()
      await expect(preview.getByRole('heading', { name: '¡Gracias!' })).toBeVisible()
      expect(await recordsOnDisk(harness.dataFolder)).toEqual([])

      // Staff may check again: a second feedback in the same preview opens at the faces, not "already sent".
      await preview.getByRole('button', { name: 'Volver a leer' }).tap()
      await preview.getByTestId('give-feedback').tap()
      await expect(preview.getByTestId('feedback').getByTestId('rating-1')).toBeVisible()
      await preview.getByTestId('feedback-cancel').tap()

      // Closing the preview gives staff mode back its own words, size and colours.
      await page.getByTestId('preview-close').tap()
      await expect(preview).toHaveCount(0)
      expect(await rootSettings(page)).toEqual(before)
      await expect(page.getByTestId('update-close')).toHaveText('Back to staff mode')
    })
  })
}
