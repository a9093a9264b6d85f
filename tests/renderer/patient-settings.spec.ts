import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { choose, contentFolders, expect, recordsOnDisk, staffGesture, test, typePin } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')

/** Hand-washing (English and Spanish) first, then the flu vaccine (English only, past its review date). */
const translated = {
  contentFolder: contentFolders.translated,
  config: { playlist: ['hand-washing', 'flu-vaccine'] }
}

const bodySize = (page: Page) =>
  page
    .getByTestId('section-viewport')
    .locator('article p')
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize))

const colours = (page: Page) =>
  page.getByTestId('section-viewport').evaluate((element) => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    text: getComputedStyle(element.querySelector('article p') as Element).color
  }))

/** Every piece of text a patient can see or hear on the screen now: text on screen and spoken labels. */
const visibleStrings = (page: Page) =>
  page.evaluate(() => {
    const shown = (element: Element | null) =>
      element !== null && element.checkVisibility() && !element.closest('[inert]')
    const found = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      if (/\p{L}/u.test(text) && shown(node.parentElement)) found.add(text)
    }
    for (const element of document.querySelectorAll('[aria-label]'))
      if (shown(element)) found.add(element.getAttribute('aria-label') ?? '')
    return [...found]
  })

test.describe('text size and colours', () => {
  test('each text size makes the text a quarter larger than the one before', async ({ kiosk }) => {
    const standard = await bodySize(kiosk)
    await choose(kiosk, { size: 'large' })
    expect(await bodySize(kiosk)).toBeCloseTo(standard * 1.25, 0)
    await choose(kiosk, { size: 'largest' })
    expect(await bodySize(kiosk)).toBeCloseTo(standard * 1.5, 0)
    await choose(kiosk, { size: 'standard' })
    expect(await bodySize(kiosk)).toBeCloseTo(standard, 0)
  })

  test('high contrast puts white text on black, and standard brings the calm colours back', async ({ kiosk }) => {
    const calm = await colours(kiosk)
    await choose(kiosk, { contrast: 'high' })
    expect(await colours(kiosk)).toEqual({ page: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' })
    await choose(kiosk, { contrast: 'standard' })
    expect(await colours(kiosk)).toEqual(calm)
  })

  test('the settings are one tap away on the feedback screens too', async ({ kiosk }) => {
    await kiosk.getByTestId('give-feedback').tap()
    await choose(kiosk, { size: 'largest' })
    await expect(kiosk.getByTestId('feedback')).toBeVisible()
    expect(await kiosk.evaluate(() => document.documentElement.dataset.textSize)).toBe('largest')
  })
})

test.describe('language', () => {
  test.use({ harnessOptions: translated })

  test('Spanish changes every word on the screen, the article included when it is translated', async ({ kiosk }) => {
    const english = await visibleStrings(kiosk)
    expect(english).toContain('Why it matters')
    await choose(kiosk, { language: 'es' })
    await expect(kiosk.getByTestId('article-title')).toHaveText('Lavarse las manos')
    const spanish = await visibleStrings(kiosk)
    expect(spanish.filter((text) => english.includes(text))).toEqual([])
    expect(await kiosk.evaluate(() => document.documentElement.lang)).toBe('es')
    await expect(kiosk.getByTestId('untranslated-note')).toBeHidden()
  })

  test('a topic with no Spanish version is shown in English with a note in Spanish', async ({ kiosk }) => {
    await choose(kiosk, { language: 'es' })
    await kiosk.getByTestId('open-section-list').tap()
    await kiosk.getByRole('button', { name: 'The Flu Vaccine' }).tap()
    await expect(kiosk.getByTestId('article-title')).toHaveText('The Flu Vaccine')
    await expect(kiosk.getByTestId('untranslated-note')).toHaveText(
      'Por ahora, este tema solo está disponible en inglés.'
    )
    // Screen readers read the article with an English voice and the buttons with a Spanish one.
    await expect(kiosk.getByTestId('section-viewport')).toHaveAttribute('lang', 'en')
    await expect(kiosk.getByTestId('next-button')).toContainText('Siguiente')
  })

  test('switching language keeps the patient on the same part of the topic', async ({ kiosk }) => {
    await kiosk.getByTestId('next-button').tap()
    await expect(kiosk.getByTestId('section-viewport').locator('article h2').first()).toHaveText(
      'How to wash your hands'
    )
    await choose(kiosk, { language: 'es' })
    await expect(kiosk.getByTestId('section-viewport').locator('article h2').first()).toHaveText(
      'Cómo lavarse las manos'
    )
  })

  test('feedback given in Spanish is typed on a Spanish keyboard and recorded as Spanish', async ({
    kiosk,
    harness
  }) => {
    await choose(kiosk, { language: 'es' })
    await kiosk.getByTestId('give-feedback').tap()
    await expect(kiosk.getByRole('heading', { name: '¿Le fue útil?' })).toBeVisible()
    await kiosk.getByTestId('feedback').getByTestId('rating-3').tap()
    await kiosk.getByTestId('on-screen-keyboard').locator('[data-skbtn="ñ"]').tap()
    await kiosk.getByTestId('comment-next').tap()
    await kiosk.getByTestId('feedback').getByRole('button', { name: 'Cómo lavarse las manos' }).tap()
    await expect(kiosk.getByText('¡Gracias!')).toBeVisible()
    const [record] = await recordsOnDisk(harness.dataFolder)
    expect(record).toMatchObject({
      articleId: 'hand-washing',
      sectionId: 'como-lavarse-las-manos',
      language: 'es',
      comment: 'ñ'
    })
  })
})

test.describe('the next patient', () => {
  test.use({
    harnessOptions: { ...translated, config: { ...translated.config, idleSeconds: 3, stillReadingSeconds: 1 } }
  })

  test('finds English, normal text and standard colours after the idle reset', async ({ kiosk }) => {
    await choose(kiosk, { language: 'es', size: 'largest', contrast: 'high' })
    await kiosk.getByTestId('open-settings').tap()
    await expect(kiosk.getByTestId('title-card')).toBeVisible({ timeout: 10_000 })
    await expect(kiosk.getByTestId('settings-panel')).toBeHidden()
    const root = await kiosk.evaluate(() => ({
      ...document.documentElement.dataset,
      lang: document.documentElement.lang
    }))
    expect(root).toEqual({ lang: 'en', textSize: 'standard', contrast: 'standard' })
    await expect(kiosk.getByTestId('article-title')).toHaveText('Washing Your Hands')
  })
})

test.describe('staff see articles due for clinical review', () => {
  test.use({ harnessOptions: { ...translated, staffPin: '2468' } })

  test('an article past its review date is flagged', async ({ kiosk }) => {
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await expect(kiosk.getByTestId('content-reviews')).toContainText(
      'The Flu Vaccine (en) — review overdue since 2024-01-01'
    )
    await expect(kiosk.getByTestId('content-reviews')).not.toContainText('hidden from patients')
  })
})

test.describe('with overdue articles hidden by the config', () => {
  test.use({
    harnessOptions: { ...translated, staffPin: '2468', config: { ...translated.config, hideArticlesPastReview: true } }
  })

  test('patients never see the overdue article, and staff see that it is hidden', async ({ kiosk }) => {
    await kiosk.getByTestId('open-section-list').tap()
    await expect(kiosk.getByTestId('section-list')).not.toContainText('The Flu Vaccine')
    await kiosk.getByTestId('section-list').getByRole('button').first().tap()
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await expect(kiosk.getByTestId('content-reviews')).toContainText('hidden from patients')
  })
})

for (const screen of [
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'portrait-1080x1920', width: 1080, height: 1920 }
]) {
  test.describe(`at the largest text on a ${screen.name} screen`, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      harnessOptions: translated
    })

    test('nothing spills sideways or overlaps, in English and in Spanish', async ({ kiosk }) => {
      for (const language of ['en', 'es'] as const) {
        await choose(kiosk, { language, size: 'largest' })
        await kiosk.waitForTimeout(300)
        const problems = await kiosk.evaluate(() => {
          const found: string[] = []
          if (document.documentElement.scrollWidth > window.innerWidth) found.push('page scrolls sideways')
          const boxes = [...document.querySelectorAll('button, h1, .untranslated')]
            .filter((element) => element.checkVisibility())
            .map((element) => ({ label: element.textContent?.trim() ?? '', box: element.getBoundingClientRect() }))
          for (const { label, box } of boxes)
            if (box.right > window.innerWidth + 1 || box.left < -1) found.push(`${label} is cut off`)
          for (const [index, a] of boxes.entries())
            for (const b of boxes.slice(index + 1)) {
              const overlap =
                Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 1 &&
                Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 1
              if (overlap && !a.label.includes(b.label) && !b.label.includes(a.label))
                found.push(`${a.label} overlaps ${b.label}`)
            }
          return found
        })
        await kiosk.screenshot({ path: `${screenshots}/largest-text-reader-${language}-${screen.name}.png` })
        expect(problems).toEqual([])
        await kiosk.getByTestId('open-settings').tap()
        await kiosk.screenshot({ path: `${screenshots}/largest-text-settings-${language}-${screen.name}.png` })
        await kiosk.getByTestId('settings-done').tap()
        await kiosk.getByTestId('give-feedback').tap()
        await kiosk.getByTestId('feedback').getByTestId('rating-2').tap()
        await kiosk.screenshot({ path: `${screenshots}/largest-text-comment-${language}-${screen.name}.png` })
        const keyboard = await kiosk.getByTestId('on-screen-keyboard').boundingBox()
        expect((keyboard?.y ?? 0) + (keyboard?.height ?? Infinity)).toBeLessThanOrEqual(screen.height)
        await kiosk.getByTestId('comment-next').tap()
        await kiosk.screenshot({ path: `${screenshots}/largest-text-part-${language}-${screen.name}.png` })
        const skip = await kiosk.getByTestId('part-skip').boundingBox()
        expect((skip?.y ?? 0) + (skip?.height ?? Infinity)).toBeLessThanOrEqual(screen.height)
        await kiosk.getByTestId('feedback-cancel').tap()
      }
    })
  })
}
