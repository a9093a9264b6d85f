import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import {
  appReady,
  expect,
  staffGesture,
  startReading,
  test,
  typeOnKeyboard,
  typePin,
  type PatientChoice,
  choose
} from './kiosk-fixture'
import { overlappingParts } from './overlaps'

const screenshots = resolve(import.meta.dirname, 'screenshots')
const late = 'Running about 20 minutes late'

/** Staff mode, the notice card, the notice typed on the kiosk's keyboard, shown, and staff mode closed again. */
async function putUpNotice(page: Page, text: string): Promise<void> {
  await staffGesture(page)
  await typePin(page, '2468')
  await page.getByTestId('notice-write').tap()
  await typeOnKeyboard(page, text)
  await page.getByTestId('notice-show').tap()
  await expect(page.getByTestId('notice-editor')).toHaveCount(0)
  await expect(page.getByTestId('notice-current')).toHaveText(text)
  await page.getByTestId('staff-done').tap()
}

/** The notice is on screen, nothing covers it, and it covers nothing. */
async function noticeInView(page: Page, where: string): Promise<void> {
  const notice = page.getByTestId('notice')
  await expect(notice, where).toBeVisible()
  const uncovered = await notice.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const found = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
    return found !== null && element.contains(found)
  })
  expect(uncovered, `nothing covers the notice on ${where}`).toBe(true)
  expect(await overlappingParts(page), `nothing overlaps on ${where}`).toEqual([])
}

/**
 * The buttons of a screen that are pushed out of the window or covered: each must lie within the window, and the part
 * its scrolling parents show must be its own where a finger lands. A button scrolled out of its list is fine.
 */
async function hiddenButtons(page: Page, testId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] button`)]
        .filter((button) => button.checkVisibility())
        .filter((button) => {
          const box = button.getBoundingClientRect()
          let [top, bottom, left, right] = [box.top, box.bottom, box.left, box.right]
          for (let parent = button.parentElement; parent; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflow === 'visible') continue
            const clip = parent.getBoundingClientRect()
            ;[top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)]
            ;[left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)]
          }
          if (bottom - top < 1 || right - left < 1) return false
          if (box.top < 0 || box.bottom > window.innerHeight) return true
          return !button.contains(document.elementFromPoint((left + right) / 2, (top + bottom) / 2))
        })
        .map((button) => button.textContent?.trim() || '?'),
    testId
  )
}

/** Counts every change to the polite live region from now on, as a screen reader would hear them. */
async function listenToNotices(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const heard: string[] = []
    Object.assign(window, { heard })
    const region = document.querySelector('[data-testid="notice-board"]')
    if (!region || region.getAttribute('aria-live') !== 'polite') throw new Error('no polite live region')
    new MutationObserver(() => heard.push(region.textContent?.trim() ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true
    })
  })
  return () => page.evaluate(() => (window as unknown as { heard: string[] }).heard)
}

test.describe('the notice board', () => {
  test.use({ harnessOptions: { staffPin: '2468' } })

  test('staff type a notice in staff mode; patients see it on every screen, and hear it once', async ({
    kiosk,
    harness
  }) => {
    const heard = await listenToNotices(kiosk)
    await putUpNotice(kiosk, late)
    await expect(kiosk.getByTestId('notice-text')).toHaveText(late)
    await expect(kiosk.getByTestId('notice')).toContainText(`From the front desk: ${late}`)
    expect(harness.core.notices.current()?.text).toBe(late)
    await noticeInView(kiosk, 'the reader')
    // Page turns and other screens leave the live region alone: it was said once, when it went up.
    await kiosk.getByTestId('next-button').tap()
    await kiosk.getByTestId('next-button').tap()
    await kiosk.getByTestId('give-feedback').tap()
    await noticeInView(kiosk, 'the rating')
    await kiosk.getByTestId('feedback').getByTestId('rating-3').tap()
    await noticeInView(kiosk, 'the comment keyboard')
    await kiosk.getByTestId('comment-next').tap()
    await noticeInView(kiosk, 'the part question')
    await kiosk.getByTestId('part-skip').tap()
    await expect(kiosk.getByTestId('feedback').getByRole('status')).toBeVisible()
    await noticeInView(kiosk, 'the thank-you')
    expect(await heard()).toEqual([`From the front desk: ${late}`])
  })

  test('survives a reload: the page arrives with it, before the app has run', async ({ kiosk }) => {
    await putUpNotice(kiosk, late)
    await kiosk.route('**/*.js', (route) => route.abort())
    await kiosk.reload()
    await expect(kiosk.locator('[data-first-screen]').getByTestId('notice-text')).toHaveText(late)
    await kiosk.unroute('**/*.js')
    await kiosk.reload()
    await appReady(kiosk)
    await expect(kiosk.getByTestId('notice-text')).toHaveText(late)
  })

  test('staff take it down in one tap, and it goes from every screen', async ({ kiosk, harness }) => {
    await putUpNotice(kiosk, late)
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await kiosk.getByTestId('notice-take-down').tap()
    await expect(kiosk.getByTestId('notice-none')).toHaveText('No notice is showing.')
    await kiosk.getByTestId('staff-done').tap()
    await expect(kiosk.getByTestId('notice')).toHaveCount(0)
    expect(harness.core.notices.current()).toBeNull()
  })

  test('lasts until the end of the day by default, and goes then without a reload', async ({ page, harness }) => {
    await page.clock.install()
    await page.goto(harness.url)
    await appReady(page)
    await startReading(page)
    await staffGesture(page)
    await typePin(page, '2468')
    await page.getByTestId('notice-write').tap()
    // No clinic hours in this kiosk's config: the end of the day, picked unless staff pick a shorter while.
    const byDefault = page.getByRole('group', { name: 'How long' }).getByRole('button', { pressed: true })
    await expect(byDefault).toHaveText('Until the end of the day')
    await typeOnKeyboard(page, late)
    await page.getByTestId('notice-show').tap()
    await page.getByTestId('staff-done').tap()
    await expect(page.getByTestId('notice')).toBeVisible()
    const untilMidnight = await page.evaluate(() => {
      const now = new Date()
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime()
    })
    await page.clock.fastForward(Math.max(0, untilMidnight - 90_000))
    await expect(page.getByTestId('notice')).toBeVisible()
    await page.clock.fastForward(120_000)
    await expect(page.getByTestId('notice')).toHaveCount(0)
  })
})

test.describe('the notice in attract mode', () => {
  test.use({ harnessOptions: { config: { minSectionSeconds: 2, maxSectionSeconds: 2 } } })

  test('shows above the title card and above each section, covering nothing', async ({ page, harness }) => {
    await harness.core.notices.set({ text: late, endsAt: null })
    await page.goto(harness.url)
    await appReady(page)
    await expect(page.getByTestId('title-card')).toBeVisible()
    await noticeInView(page, 'the title card')
    await expect(page.getByTestId('title-card')).toHaveCount(0, { timeout: 6000 })
    await noticeInView(page, 'a section in attract mode')
  })
})

for (const screen of [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1366x768', width: 1366, height: 768 }
]) {
  test.describe(`a notice of the longest kind on a ${screen.name} screen`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, harnessOptions: { staffPin: '2468' } })
    const longest =
      'The clinic is running about 45 minutes late this morning. We are sorry for the wait. Please ask us if you need help.'

    for (const choice of [{}, { language: 'es', size: 'largest' }] satisfies PatientChoice[]) {
      const variant = `${screen.name}-${choice.language ?? 'en'}-${choice.size ?? 'standard'}`
      test(`covers nothing and is covered by nothing, ${variant}`, async ({ page, harness }) => {
        await harness.core.notices.set({ text: longest, endsAt: null })
        await page.goto(harness.url)
        await appReady(page)
        await page.screenshot({ path: `${screenshots}/notice-title-card-${variant}.png` })
        await noticeInView(page, `the title card, ${variant}`)
        await startReading(page)
        await choose(page, choice)
        await page.screenshot({ path: `${screenshots}/notice-reader-${variant}.png` })
        await noticeInView(page, `the reader, ${variant}`)
        await page.getByTestId('give-feedback').tap()
        await page.getByTestId('feedback').getByTestId('rating-1').tap()
        await page.screenshot({ path: `${screenshots}/notice-comment-${variant}.png` })
        await noticeInView(page, `the comment keyboard, ${variant}`)
        expect(await hiddenButtons(page, 'feedback'), 'no key or button is pushed off the screen or covered').toEqual(
          []
        )
      })
    }

    test('staff mode shows the notice card and the editor', async ({ page, harness }) => {
      await harness.core.notices.set({ text: longest, endsAt: null })
      await page.goto(harness.url)
      await appReady(page)
      await staffGesture(page)
      await typePin(page, '2468')
      await expect(page.getByTestId('notice-current')).toHaveText(longest)
      await page.getByTestId('notice-card').scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${screenshots}/notice-staff-card-${screen.name}.png` })
      await page.getByTestId('notice-write').tap()
      await page.screenshot({ path: `${screenshots}/notice-staff-editor-${screen.name}.png` })
      expect(
        await hiddenButtons(page, 'notice-editor'),
        'no key or button is pushed off the screen or covered'
      ).toEqual([])
    })
  })
}
