import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { summaryLimits } from '../../src/main/content/summary-length'
import { startWebHarness } from '../harness/web-harness'
import { appReady, expect } from './kiosk-fixture'

const prose =
  'Most adults need about eight cups of water a day, and more when it is hot, when they exercise, or when they are ' +
  'unwell with a fever or an upset stomach. Tea, milk and soup count too. '

/** Ordinary words cut at a word boundary to at most `length` characters. */
function summaryOf(length: number): string {
  const text = prose.repeat(3).slice(0, length + 1)
  return text.slice(0, text.lastIndexOf(' ')).trim()
}

/** A content folder with one article whose summary is `summary`. */
async function contentWith(summary: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'kiosk-summary-'))
  await mkdir(join(folder, 'en'))
  const article = [
    '---',
    'id: drinking-water',
    'title: "Drinking Enough Water"',
    'language: en',
    `summary: "${summary}"`,
    'owner: "Test fixtures"',
    'reviewed: 2026-01-10',
    'nextReview: 2027-01-10',
    'source: "Written for the tests."',
    '---',
    '',
    '## How much to drink',
    '',
    'Most adults need about eight cups a day.',
    ''
  ].join('\n')
  await writeFile(join(folder, 'en', 'drinking-water.md'), article)
  return folder
}

const screens = [
  { name: 'landscape 1920 × 1080', width: 1920, height: 1080 },
  { name: 'portrait 1080 × 1920', width: 1080, height: 1920 }
]

base.describe('the summary on the title card', () => {
  for (const screen of screens) {
    base(`shows a summary as long as the content check allows whole, on a ${screen.name} screen`, async ({ page }) => {
      const fits = summaryOf(summaryLimits.characters)
      const tooLong = summaryOf(summaryLimits.characters * 2)
      await page.setViewportSize({ width: screen.width, height: screen.height })
      for (const [summary, clamped] of [
        [fits, false],
        [tooLong, true]
      ] as const) {
        const folder = await contentWith(summary)
        const harness = await startWebHarness({ contentFolder: folder })
        try {
          await page.goto(harness.url)
          await appReady(page)
          const shown = page.getByTestId('title-card-summary')
          await expect(shown).toHaveText(summary)
          const cut = await shown.evaluate((element) => element.scrollHeight > element.clientHeight + 1)
          expect(cut, `${summary.length} characters cut off: ${cut}`).toBe(clamped)
        } finally {
          await harness.close()
          await rm(folder, { recursive: true, force: true })
        }
      }
    })
  }
})
