import { resolve } from 'node:path'
import type { EngagementIncrement } from '../../src/shared/engagement'
import {
  appReady,
  contentFolders,
  currentSection,
  expect,
  startReading,
  staffGesture,
  test,
  typePin
} from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')

test.describe('engagement counting', () => {
  // Attract mode turns a page every second; the screen goes back to the start 3 s after the last touch.
  test.use({
    harnessOptions: {
      contentFolder: contentFolders.playlist,
      config: { idleSeconds: 3, stillReadingSeconds: 1, minSectionSeconds: 1, maxSectionSeconds: 1 }
    }
  })

  test("counts nothing while attract mode cycles by itself, and a patient's reading once they touch", async ({
    page,
    harness
  }) => {
    await page.goto(harness.url)
    await appReady(page)
    // Title cards and sections go by on their own for several seconds: nobody is reading.
    await expect.poll(() => currentSection(page), { timeout: 10_000 }).not.toBe('before-you-start')
    await page.waitForTimeout(3000)
    expect(harness.core.engagementStore.days()).toEqual([])

    await page.getByTestId('title-card').waitFor({ timeout: 15_000 })
    await startReading(page)
    const first = await currentSection(page)
    await page.getByTestId('next-button').tap()
    await expect.poll(() => currentSection(page)).not.toBe(first)
    // Idle 3 s: the visit ends, and its counts reach main.
    await expect.poll(() => harness.core.engagementStore.days().length, { timeout: 10_000 }).toBe(1)
    const [day] = harness.core.engagementStore.days()
    const counted = Object.values(day?.articles ?? {})
    expect(counted).toHaveLength(1)
    expect(counted[0]?.visits).toBe(1)
    const sections = Object.values(counted[0]?.sections ?? {})
    expect(sections.map((section) => section.reached)).toEqual([1, 1])
    expect(sections.reduce((sum, section) => sum + section.shown, 0)).toBe(2)
  })
})

/** A visit to the bundled article that reached its first `sections` sections, each seen for about 20 s. */
function visit(sections: number, feedback: 0 | 1 = 0): EngagementIncrement {
  const ids = [
    'understanding-piriformis-syndrome',
    'baclofen-an-overview',
    'can-baclofen-provide-relief-for-piriformis-syndrome',
    'potential-side-effects-of-baclofen',
    'other-treatment-options-for-piriformis-syndrome',
    'conclusion'
  ]
  return {
    articleId: 'baclofen-piriformis-syndrome',
    visits: 1,
    finished: sections === ids.length ? 1 : 0,
    feedback,
    sections: ids.slice(0, sections).map((sectionId, index) => ({
      sectionId,
      reached: 1,
      shown: 1,
      time: index === 0 ? [0, 0, 1, 0] : index % 2 === 0 ? [1, 0, 0, 0] : [0, 1, 0, 0]
    }))
  }
}

for (const screen of [
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'portrait-1080x1920', width: 1080, height: 1920 }
]) {
  test.describe(`the engagement chart in staff mode, ${screen.name}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, harnessOptions: { staffPin: '2468' } })

    test('shows where readers stop and which parts hold attention', async ({ kiosk, harness }) => {
      for (const reached of [6, 6, 5, 4, 4, 3, 2, 1, 1, 6]) harness.core.engagementStore.add(visit(reached, 0))
      harness.core.engagementStore.add({ ...visit(1), feedback: 1 })
      await staffGesture(kiosk)
      await typePin(kiosk, '2468')
      const card = kiosk.getByTestId('engagement-card')
      await card.scrollIntoViewIfNeeded()
      const article = card.getByTestId('engagement-article')
      await expect(article).toContainText('11 visits; 27% read to the last part; 1 gave feedback')
      await expect(article.getByTestId('where-readers-stop').locator('li')).toHaveText([
        /Understanding Piriformis Syndrome\s*100%/,
        /Baclofen: An Overview\s*73%/,
        /Can Baclofen Provide Relief for Piriformis Syndrome\?\s*64%/,
        /Potential Side Effects of Baclofen\s*55%/,
        /Other Treatment Options for Piriformis Syndrome\s*36%/,
        /Conclusion\s*27%/
      ])
      // Eleven views of the first part, all 30–90 s; the last part was seen only three times: too few to show.
      const rows = article.getByTestId('attention').locator('tbody tr')
      await expect(rows.first()).toContainText(/0\s*0\s*11\s*0/)
      await expect(rows.last()).toContainText('too few views to show')
      await kiosk.screenshot({ path: `${screenshots}/staff-engagement-${screen.name}.png` })
    })
  })
}

test.describe('engagement and the feedback screen', () => {
  // Sections stay until turned; the screen goes back to the start 5 s after the last touch.
  test.use({
    harnessOptions: { contentFolder: contentFolders.playlist, config: { idleSeconds: 5, stillReadingSeconds: 1 } }
  })

  test('a section seen again after feedback is cancelled, or after Back to reading, is still one view', async ({
    kiosk,
    harness
  }) => {
    const first = await currentSection(kiosk)
    await kiosk.getByTestId('give-feedback').tap()
    await kiosk.getByTestId('feedback').getByTestId('rating-1').tap()
    await kiosk.getByTestId('feedback-cancel').tap()
    await kiosk.getByTestId('give-feedback').tap()
    await kiosk.getByTestId('feedback').getByTestId('rating-1').tap()
    await kiosk.getByTestId('comment-next').tap()
    await kiosk.getByRole('button', { name: 'Back to reading' }).tap()
    expect(await currentSection(kiosk)).toBe(first)
    await kiosk.getByTestId('next-button').tap()
    await expect.poll(() => currentSection(kiosk)).not.toBe(first)
    // The idle reset ends the visit and sends the rest of its counts.
    await kiosk.getByTestId('title-card').waitFor({ timeout: 15_000 })
    const shown = () =>
      harness.core.engagementStore
        .days()
        .flatMap((day) => Object.values(day.articles))
        .flatMap((article) => Object.values(article.sections))
        .map((section) => section.shown)
    await expect.poll(shown).toEqual([1, 1])
    const [article] = harness.core.engagementStore.days().flatMap((day) => Object.values(day.articles))
    expect(article).toMatchObject({ visits: 1, feedback: 1 })
  })
})

test.describe('the engagement chart with few visits', () => {
  test.use({ harnessOptions: { staffPin: '2468' } })

  test('shows only the count of an article with fewer than 5 visits', async ({ kiosk, harness }) => {
    for (let count = 0; count < 3; count += 1) harness.core.engagementStore.add(visit(6))
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    const article = kiosk.getByTestId('engagement-article')
    await expect(article).toContainText('3 visits')
    await expect(article).toContainText('Fewer than 5 visits: only the count is shown')
    await expect(article.getByTestId('where-readers-stop')).toHaveCount(0)
  })
})
