import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { choose, expect, test } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')
/** One article: a three-column table in its first section, a four-column one of six rows in its second. */
const tableContent = resolve(import.meta.dirname, '../fixtures/content/table')

/** How far the table reaches past the part of the screen that shows the section, in CSS px (0 when it fits). */
function spill(page: Page) {
  return page.evaluate(async () => {
    // Measured where the page turn's slide ends, not on its way in.
    const turning = document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
    await Promise.all(turning.map((animation) => animation.finished.catch(() => undefined)))
    const viewport = document.querySelector('[data-testid="section-viewport"]')
    const table = viewport?.querySelector('article:last-of-type table')
    if (!viewport || !table) return null
    const shown = viewport.getBoundingClientRect()
    const box = table.getBoundingClientRect()
    return {
      past: Math.max(0, Math.round(box.right - shown.right), Math.round(shown.left - box.left)),
      stacked: getComputedStyle(table).display === 'block',
      cellFontPx: parseFloat(getComputedStyle(table.querySelector('td') as Element).fontSize)
    }
  })
}

async function contrastViolations(page: Page): Promise<string[]> {
  await page.waitForTimeout(350)
  const results = await new AxeBuilder({ page })
    .include('[data-testid="section-viewport"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
    .withRules(['color-contrast-enhanced'])
    .analyze()
  return results.violations.map(
    (violation) => `${violation.id} at ${violation.nodes.map((node) => node.target).join(', ')}`
  )
}

for (const screen of [
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'portrait-1080x1920', width: 1080, height: 1920 }
]) {
  test.describe(`a table in an article, on a ${screen.name} screen`, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      harnessOptions: { contentFolder: tableContent }
    })

    test('is a real table with column headings, bold kept, in body-size type', async ({ kiosk }) => {
      const table = kiosk.getByRole('table')
      await expect(table.getByRole('columnheader')).toHaveText(['Medicine', 'When', 'How much'])
      await expect(table.getByRole('row')).toHaveCount(4)
      await expect(table.getByRole('cell', { name: 'One tablet' }).locator('strong')).toHaveText('One')
      await expect(kiosk.getByText('|')).toHaveCount(0)
      expect((await spill(kiosk))?.cellFontPx).toBeGreaterThanOrEqual(28)
    })

    test('fits the section at every text size and in high contrast, with AAA contrast', async ({ kiosk }) => {
      test.setTimeout(90_000)
      for (const variant of [
        { name: 'standard', choice: {} },
        { name: 'largest-text', choice: { size: 'largest' } },
        { name: 'high-contrast-largest-text', choice: { size: 'largest', contrast: 'high' } }
      ] as const) {
        await choose(kiosk, variant.choice)
        for (const section of ['first', 'four-columns']) {
          if (section === 'four-columns') await kiosk.getByTestId('next-button').tap()
          await expect(kiosk.getByRole('table')).toBeVisible()
          expect(await spill(kiosk), `${section} table, ${variant.name}`).toMatchObject({ past: 0 })
          expect(await contrastViolations(kiosk), `${section} table, ${variant.name}`).toEqual([])
          await kiosk.screenshot({ path: `${screenshots}/table-${section}-${variant.name}-${screen.name}.png` })
        }
        await kiosk.getByTestId('previous-button').tap()
      }
    })
  })
}
