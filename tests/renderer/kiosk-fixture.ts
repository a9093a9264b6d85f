import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import type { FeedbackRecord, Rating } from '../../src/shared/feedback'
import { type HarnessOptions, startWebHarness, type WebHarness } from '../harness/web-harness'

/** Content folders the renderer tests can run against. */
export const contentFolders = {
  bundled: resolve(import.meta.dirname, '../../content'),
  playlist: resolve(import.meta.dirname, '../fixtures/content/playlist'),
  empty: resolve(import.meta.dirname, '../fixtures/content/empty'),
  /** hand-washing in English and Spanish, flu-vaccine in English only and past its review date. */
  translated: resolve(import.meta.dirname, '../fixtures/content/translated'),
  /** knee-pain with a take-home link (and a long title and summary), then hand-washing without one. */
  takeHome: resolve(import.meta.dirname, '../fixtures/content/take-home')
}

/** Twelve answers: ratings 1,2,3 in turn, on days spread over November, some with comments. */
export const seeded: FeedbackRecord[] = Array.from({ length: 12 }, (_, index) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  articleId: 'baclofen-piriformis-syndrome',
  sectionId: index % 2 === 0 ? 'conclusion' : null,
  rating: ((index % 3) + 1) as Rating,
  comment: index % 4 === 0 ? `Seeded comment ${index}, with "quotes"` : null,
  language: 'en',
  contentVersion: 'seed',
  appVersion: 'seed',
  station: 'Room 2',
  time: `2026-11-${String(index + 1).padStart(2, '0')}T09:15:00.000Z`
}))

/** Every record in the month files the harness wrote, read straight from disk. */
export async function recordsOnDisk(dataFolder: string): Promise<FeedbackRecord[]> {
  const folder = join(dataFolder, 'feedback')
  const names = (await readdir(folder).catch(() => [])).filter((name) => /^feedback-\d{4}-\d{2}\.json$/.test(name))
  const files = await Promise.all(names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8'))))
  return files.flatMap((file: { records: FeedbackRecord[] }) => file.records)
}

/** Each test gets its own harness: the real services on a fresh temp folder, serving the built renderer. */
export const test = base.extend<{ harnessOptions: HarnessOptions; harness: WebHarness; kiosk: Page }>({
  harnessOptions: [{}, { option: true }],
  harness: async ({ harnessOptions }, use) => {
    const harness = await startWebHarness(harnessOptions)
    await use(harness)
    await harness.close()
  },
  // The kiosk as a patient finds it after touching the title card it starts on: reading the first section.
  kiosk: async ({ page, harness }, use) => {
    await page.goto(harness.url)
    await appReady(page)
    await startReading(page)
    await use(page)
  }
})

/**
 * Waits until the app has taken over from the first screen the page arrives with (FirstScreen.svelte), which shows
 * the same title card but cannot be pressed.
 */
export async function appReady(page: Page): Promise<void> {
  await expect(page.locator('[data-first-screen]')).toHaveCount(0)
  await expect(page.getByTestId('article-title')).toBeVisible()
}

/** A patient's touch on the title card attract mode shows: the reader is then theirs, at the article's first section. */
export async function startReading(page: Page): Promise<void> {
  await fingerOn(page.getByTestId('title-card'))
  await expect(page.getByTestId('title-card')).toHaveCount(0)
}

/**
 * A tap in the middle of what a locator finds, as a finger makes it. A title card goes as soon as the finger lands,
 * before it lifts; Playwright's own tap would call that "another element intercepts the touch" and tap again.
 */
export async function fingerOn(locator: Locator): Promise<void> {
  const box = await locator.boundingBox()
  if (!box) throw new Error(`nothing to tap: ${String(locator)}`)
  await locator.page().touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

export { expect }
export { touchStroke } from '../harness/touch'

/** Where a section is, as the reader shows it. */
export async function currentSection(page: Page): Promise<string | null> {
  return page.getByTestId('section-viewport').locator('article').last().getAttribute('data-section-id')
}

/** The hidden staff gesture, made with a real finger: hold the top-left corner, then tap the bottom-right one. */
export async function staffGesture(page: Page, holdMilliseconds = 3300): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 30, y: 30, id: 1 }] })
  await page.waitForTimeout(holdMilliseconds)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
  const size = page.viewportSize() ?? { width: 1920, height: 1080 }
  await page.touchscreen.tap(size.width - 30, size.height - 30)
}

/** Types a PIN on the staff pad and presses OK. */
export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: `Digit ${digit}`, exact: true }).tap()
  await page.getByTestId('pin-ok').tap()
}

/** What a patient can change in the settings panel. */
export interface PatientChoice {
  language?: 'en' | 'es'
  size?: 'standard' | 'large' | 'largest'
  contrast?: 'standard' | 'high'
}

/** Opens the settings panel with a tap, makes the choices with taps, and closes it again. */
export async function choose(page: Page, choice: PatientChoice): Promise<void> {
  // The settings button of the screen on top: the reader's stays in the page, inert, under the feedback screen.
  await page.locator('[data-testid="open-settings"]:not([inert] *)').tap()
  if (choice.language) await page.getByTestId(`language-${choice.language}`).tap()
  if (choice.size) await page.getByTestId(`text-size-${choice.size}`).tap()
  if (choice.contrast) await page.getByTestId(`contrast-${choice.contrast}`).tap()
  await page.getByTestId('settings-done').tap()
  await expect(page.getByTestId('settings-panel')).toBeHidden()
}

/** Types on the on-screen keyboard with taps, shifting for capitals. */
export async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('on-screen-keyboard')
  for (const character of text) {
    if (character === ' ') {
      await keyboard.locator('[data-skbtn="{space}"]').tap()
      continue
    }
    if (character !== character.toLowerCase()) await keyboard.locator('[data-skbtn="{shift}"]').tap()
    await keyboard.locator(`[data-skbtn="${character}"]`).tap()
  }
}
