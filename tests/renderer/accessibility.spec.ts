import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import {
  appReady,
  choose,
  expect,
  seeded,
  staffGesture,
  startReading,
  test,
  typePin,
  type PatientChoice
} from './kiosk-fixture'
import { axeViolations } from './axe'

const screenshots = resolve(import.meta.dirname, 'screenshots')

/** Every visible thing a finger can press that is smaller than 48×48 CSS px, by its label. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], [role="button"], [tabindex]:not([tabindex="-1"])')]
      .filter((element) => element.checkVisibility() && !element.closest('[inert]'))
      .map((element) => ({
        label: element.textContent?.trim() || element.getAttribute('aria-label') || element.outerHTML.slice(0, 60),
        box: element.getBoundingClientRect()
      }))
      .filter(({ box }) => box.width < 48 || box.height < 48)
      .map(({ label, box }) => `${label} (${Math.round(box.width)}×${Math.round(box.height)})`)
  )
}

/** Checks the screen as it is now: no axe violation, no small target; and keeps a picture of it. */
async function check(page: Page, screen: string, variant: string): Promise<void> {
  // Let slides and fades finish so axe measures the colours patients end up seeing.
  await page.waitForTimeout(350)
  expect(await axeViolations(page), `axe on ${screen} (${variant})`).toEqual([])
  expect(await smallTargets(page), `touch targets on ${screen} (${variant})`).toEqual([])
  await page.screenshot({ path: `${screenshots}/a11y-${screen}-${variant}.png` })
}

const variants: Array<{ name: string; choice: PatientChoice }> = [
  { name: 'standard', choice: {} },
  { name: 'high-contrast', choice: { contrast: 'high' } },
  { name: 'largest-text', choice: { size: 'largest' } },
  { name: 'high-contrast-largest-text', choice: { contrast: 'high', size: 'largest' } }
]

test.describe('every screen meets WCAG 2.2 AA, AAA contrast and 48 px targets', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, harnessOptions: { seedRecords: seeded, staffPin: '2468' } })

  for (const { name, choice } of variants) {
    test(`patient and staff screens, ${name}`, async ({ kiosk }) => {
      test.setTimeout(120_000)
      await choose(kiosk, choice)
      await check(kiosk, 'reader', name)

      await kiosk.getByTestId('open-settings').tap()
      await check(kiosk, 'settings', name)
      await kiosk.getByTestId('settings-done').tap()

      await kiosk.getByTestId('open-section-list').tap()
      await check(kiosk, 'section-list', name)
      await kiosk.getByTestId('section-list').getByRole('button').last().tap()
      await check(kiosk, 'reader-last-section', name)

      await kiosk.getByTestId('give-feedback').tap()
      await check(kiosk, 'feedback-rating', name)
      await kiosk.getByTestId('feedback').getByTestId('rating-3').tap()
      await check(kiosk, 'feedback-keyboard', name)
      await kiosk.getByTestId('comment-next').tap()
      await check(kiosk, 'feedback-part', name)
      await kiosk.getByTestId('part-skip').tap()
      await expect(kiosk.getByTestId('feedback').getByRole('status')).toBeVisible()
      await check(kiosk, 'feedback-thanks', name)
      await kiosk.getByTestId('feedback').getByRole('button').last().tap()

      await staffGesture(kiosk)
      await check(kiosk, 'staff-unlock', name)
      await typePin(kiosk, '2468')
      await kiosk.getByTestId('staff-summary').waitFor()
      await check(kiosk, 'staff-summary', name)
    })
  }
})

test.describe('the first-PIN setup and the PIN change meet the same rules', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  for (const { name, choice } of [variants[0], variants[3]].filter((variant) => variant !== undefined)) {
    test(`setup code, new PIN and change PIN, ${name}`, async ({ kiosk, harness }) => {
      test.setTimeout(90_000)
      await choose(kiosk, choice)
      await staffGesture(kiosk)
      await check(kiosk, 'staff-setup-code', name)
      await typePin(kiosk, await harness.setupCode())
      await check(kiosk, 'staff-create-pin', name)
      await typePin(kiosk, '2468')
      await typePin(kiosk, '2468')
      await kiosk.getByTestId('change-pin-open').tap()
      await check(kiosk, 'staff-change-pin', name)
    })
  }
})

test.describe('attract mode: the title card, and a section as attract mode shows it', () => {
  // Each screen stays 40 s, so attract mode cannot move on in the middle of a check; the page's clock skips ahead.
  test.use({
    viewport: { width: 1920, height: 1080 },
    harnessOptions: { config: { minSectionSeconds: 40, maxSectionSeconds: 40 } }
  })

  for (const { name, choice } of variants) {
    test(`meets the same rules, ${name}`, async ({ page, harness }) => {
      await page.clock.install()
      await page.goto(harness.url)
      await appReady(page)
      // Attract mode runs with the kiosk's defaults; a patient's choices are set on the page as the app sets them,
      // without the touch that would end attract mode.
      await page.evaluate(({ size, contrast }) => {
        if (size) document.documentElement.dataset['textSize'] = size
        if (contrast) document.documentElement.dataset['contrast'] = contrast
      }, choice)
      await expect(page.getByTestId('title-card')).toBeVisible()
      await check(page, 'title-card', name)
      await page.clock.fastForward(40_000)
      await expect(page.getByTestId('title-card')).toHaveCount(0)
      await expect(page.getByTestId('attract-hint')).toBeVisible()
      await check(page, 'attract-section', name)
    })
  }
})

test.describe("the front desk's notice, on a patient screen and in staff mode", () => {
  test.use({ viewport: { width: 1920, height: 1080 }, harnessOptions: { staffPin: '2468' } })

  for (const { name, choice } of variants) {
    test(`meets the same rules, ${name}`, async ({ page, harness }) => {
      await harness.core.notices.set({ text: 'The clinic is running about 20 minutes late', endsAt: null })
      await page.goto(harness.url)
      await appReady(page)
      await startReading(page)
      await choose(page, choice)
      await check(page, 'reader-with-notice', name)
      await staffGesture(page)
      await typePin(page, '2468')
      await page.getByTestId('notice-card').scrollIntoViewIfNeeded()
      await check(page, 'staff-notice-card', name)
      await page.getByTestId('notice-write').tap()
      await check(page, 'staff-notice-editor', name)
    })
  }
})

test.describe('the "Still reading?" question', () => {
  test.use({
    viewport: { width: 1920, height: 1080 },
    harnessOptions: { config: { idleSeconds: 3, stillReadingSeconds: 60 } }
  })

  for (const { name, choice } of [variants[1], variants[2]].filter((variant) => variant !== undefined)) {
    test(`meets the same rules, ${name}`, async ({ kiosk }) => {
      await choose(kiosk, choice)
      await expect(kiosk.getByTestId('still-reading-countdown')).toBeVisible({ timeout: 8000 })
      await check(kiosk, 'still-reading', name)
    })
  }
})

test.describe('reading order and announcements', () => {
  test('headings go down one level at a time on the reader and in the contents', async ({ kiosk }) => {
    const levels = async () =>
      kiosk.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
          .filter((heading) => heading.checkVisibility() && !heading.closest('[inert]'))
          .map((heading) => Number(heading.tagName.slice(1)))
      )
    const inOrder = (found: number[]) =>
      found.every((level, index) => index === 0 || level <= (found[index - 1] ?? 0) + 1)
    expect(await levels()).toEqual([1, 2])
    await kiosk.getByTestId('open-section-list').tap()
    const inList = await levels()
    expect(inList[0]).toBe(2)
    expect(inOrder(inList)).toBe(true)
  })

  test('a page turn is announced politely: where the patient is and what the part is called', async ({ kiosk }) => {
    const region = kiosk.locator('[aria-live="polite"]', { hasText: 'of 6' })
    await kiosk.getByTestId('next-button').tap()
    await expect(region).toHaveText(/2 of 6: \S/)
    const title = await kiosk.getByTestId('section-viewport').locator('article h2').first().textContent()
    await expect(region).toContainText(title ?? '∅')
  })

  test('keyboard focus is drawn as a thick outline in both colour themes', async ({ kiosk }) => {
    for (const contrast of ['standard', 'high'] as const) {
      await choose(kiosk, { contrast })
      await kiosk.keyboard.press('Tab')
      const outline = await kiosk.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element)
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor }
      })
      expect(outline.style).toBe('solid')
      expect(outline.width).toBeGreaterThanOrEqual(3)
      expect(outline.colour).not.toBe(await kiosk.evaluate(() => getComputedStyle(document.body).backgroundColor))
    }
  })
})
