import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { appReady, contentFolders, expect, staffGesture, test, typePin } from './kiosk-fixture'
import { axeViolations } from './axe'

const screenshots = resolve(import.meta.dirname, 'screenshots')
const fixtures = resolve(import.meta.dirname, '../fixtures/content')
// `UPDATE_DOCS_IMAGES=1` also writes the landscape shots docs/CONTENT.md shows, so the walkthrough stays true.
const docsImages = process.env.UPDATE_DOCS_IMAGES ? resolve(import.meta.dirname, '../../docs/images') : null

/**
 * A USB stick as staff bring it: a `content` folder holding the bundled article with a sentence changed, two new
 * articles (one with a picture) and one file the kiosk refuses.
 */
function makeStick(): string {
  const stick = mkdtempSync(join(tmpdir(), 'kiosk-stick-'))
  const content = join(stick, 'content')
  mkdirSync(join(content, 'en'), { recursive: true })
  const baclofen = readFileSync(join(contentFolders.bundled, 'en/baclofen-piriformis-syndrome.md'), 'utf8')
  writeFileSync(
    join(content, 'en/baclofen-piriformis-syndrome.md'),
    baclofen.replace('## Conclusion\n', '## Conclusion\n\nAsk your doctor before you stop taking baclofen.\n')
  )
  cpSync(join(fixtures, 'playlist/en'), join(content, 'en'), { recursive: true })
  cpSync(join(fixtures, 'broken/raw-html.md'), join(content, 'raw-html.md'))
  return stick
}

const screens = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 }
]

async function openUpdate(page: Page): Promise<void> {
  await appReady(page)
  await staffGesture(page)
  await typePin(page, '2468')
  await expect(page.getByTestId('staff-summary')).toBeVisible()
  await page.getByTestId('update-open').tap()
  await expect(page.getByTestId('update-articles')).toBeVisible()
}

async function shoot(page: Page, name: string, screen: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}/${name}-${screen}.png` })
  if (docsImages && screen === 'landscape') await page.screenshot({ path: `${docsImages}/${name}.png` })
}

test.describe('staff: update articles from a USB stick', () => {
  const stick = makeStick()
  test.afterAll(async () => {
    await rm(stick, { recursive: true, force: true })
  })
  test.use({
    harnessOptions: { staffPin: '2468', drives: [{ label: 'KINGSTON (E:)', path: stick }] }
  })

  for (const screen of screens) {
    test(`lists the stick against the screen, previews, installs and undoes (${screen.name})`, async ({
      page,
      harness
    }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await page.goto(harness.url)
      await openUpdate(page)
      await expect(page.getByTestId('update-source')).toContainText('the sample articles that came with the app')
      await shoot(page, 'update-stick-found', screen.name)

      await page.getByTestId('update-read').tap()
      const articles = page.getByTestId('pack-article')
      await expect(articles).toHaveCount(3)
      await expect(articles.filter({ hasText: 'Baclofen' })).toHaveAttribute('data-change', 'changed')
      await expect(articles.filter({ hasText: 'Washing Your Hands' })).toHaveAttribute('data-change', 'new')
      await expect(articles.filter({ hasText: 'Drinking Enough Water' })).toContainText(
        'Reviewed 2026-01-10, next review 2027-01-10'
      )
      await expect(articles.filter({ hasText: 'Drinking Enough Water' })).toContainText(
        'How much to drink: 8 words, reading grade'
      )
      await expect(page.getByTestId('pack-problems')).toContainText(
        `${join(stick, 'content', 'raw-html.md')}:14 — raw HTML is not allowed in articles`
      )
      await expect(page.getByTestId('install-blocked')).toHaveCount(0)
      expect(await axeViolations(page)).toEqual([])
      await shoot(page, 'update-differences', screen.name)

      // The preview is the real reader, its picture served from the stick's staged copy, under a band.
      await articles.filter({ hasText: 'Washing Your Hands' }).getByTestId('pack-preview').tap()
      const preview = page.getByTestId('article-preview')
      await expect(page.getByTestId('preview-band')).toHaveText('Preview — not yet on the kiosk')
      await expect(preview.getByTestId('article-title')).toHaveText('Washing Your Hands')
      const picture = preview.locator('img[alt="Hands under running water"]')
      await expect(picture).toBeVisible()
      await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
      expect(await axeViolations(page)).toEqual([])
      await shoot(page, 'update-preview', screen.name)
      // Its contents list works as the patients' does.
      await preview.getByRole('button', { name: 'Contents' }).tap()
      await preview.getByTestId('section-list').getByRole('button', { name: 'How to do it' }).tap()
      await expect(preview.getByRole('heading', { name: 'How to do it' })).toBeVisible()
      await page.getByTestId('preview-close').tap()
      await expect(preview).toHaveCount(0)

      // Nothing changed on the kiosk until Install.
      expect(harness.core.contentService.source().kind).toBe('bundled')
      await page.getByTestId('update-install').tap()
      await expect(page.getByTestId('update-outcome')).toContainText('Installed.')
      // Staff are at the screen: the new articles wait for a calm moment, and the screen says so.
      await expect(page.getByTestId('update-source')).toContainText('Newer articles are ready')
      expect(harness.core.contentService.latestVersion()).not.toBe(harness.core.content().playlist.contentVersion)
      await shoot(page, 'update-installed', screen.name)

      await page.getByTestId('update-undo').tap()
      await expect(page.getByTestId('update-outcome')).toContainText('Undone.')
      await expect(page.getByTestId('update-undo')).toHaveCount(0)
      // Back to the articles before the install, with nothing left waiting to replace them.
      expect(harness.core.contentService.source()).toMatchObject({ kind: 'bundled', waiting: false })
      await shoot(page, 'update-undone', screen.name)
    })
  }
})

test.describe('staff: update articles, at a calm moment', () => {
  const stick = makeStick()
  test.afterAll(async () => {
    await rm(stick, { recursive: true, force: true })
  })
  test.use({
    harnessOptions: {
      staffPin: '2468',
      config: { idleSeconds: 4, stillReadingSeconds: 1 },
      drives: [{ label: 'KINGSTON (E:)', path: stick }]
    }
  })

  test('the installed articles reach patients at the next calm moment', async ({ page, harness }) => {
    await page.goto(harness.url)
    await openUpdate(page)
    await page.getByTestId('update-read').tap()
    await page.getByTestId('update-install').tap()
    await expect(page.getByTestId('update-outcome')).toContainText('Installed.')
    await page.getByTestId('update-close').tap()
    await page.getByTestId('staff-done').tap()
    // The reader is the patient's until the idle reset; only then, on the title card, does the screen take the
    // installed articles (it asks for them again only at that calm moment).
    expect(harness.core.contentService.source()).toMatchObject({ kind: 'bundled', waiting: true })
    await expect
      .poll(() => harness.core.contentService.source(), { timeout: 20_000 })
      .toMatchObject({ kind: 'pack', waiting: false })
    await appReady(page)
    await expect(page.getByTestId('title-card')).toContainText('Baclofen')
  })
})

test.describe('staff: update articles, when nothing can be installed', () => {
  const broken = mkdtempSync(join(tmpdir(), 'kiosk-stick-broken-'))
  cpSync(join(fixtures, 'broken/raw-html.md'), join(broken, 'raw-html.md'))
  test.afterAll(async () => {
    await rm(broken, { recursive: true, force: true })
  })
  test.use({ harnessOptions: { staffPin: '2468', drives: [{ label: 'USB DISK (F:)', path: broken }] } })

  test('a stick with no valid article offers no Install, and says why', async ({ page, harness }) => {
    await page.goto(harness.url)
    await openUpdate(page)
    await page.getByTestId('update-read').tap()
    await expect(page.getByTestId('install-blocked')).toHaveText(
      'Nothing can be installed: the stick has no valid article. Fix the problems below, then read it again.'
    )
    await expect(page.getByTestId('update-install')).toHaveCount(0)
    await expect(page.getByTestId('pack-problems')).toContainText('raw-html.md:14')
  })
})

test.describe('staff: update articles, when IT set a content folder', () => {
  test.use({
    harnessOptions: {
      staffPin: '2468',
      config: { contentFolder: contentFolders.playlist },
      drives: [{ label: 'KINGSTON (E:)', path: contentFolders.translated }]
    }
  })

  test('staff mode says IT’s folder wins and offers nothing to install', async ({ page, harness }) => {
    await page.goto(harness.url)
    await openUpdate(page)
    await expect(page.getByTestId('update-it-wins')).toContainText(contentFolders.playlist)
    await expect(page.getByTestId('update-read')).toHaveCount(0)
    for (const screen of screens) {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await shoot(page, 'update-it-wins', screen.name)
    }
    // Data health says the same: which articles are on screen, from where, since when and why.
    await page.getByTestId('update-close').tap()
    const source = page.getByTestId('content-source')
    await expect(source).toContainText('from the content folder IT set — the folder was read')
    await source.scrollIntoViewIfNeeded()
    for (const screen of screens) {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await source.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${screenshots}/data-health-content-source-${screen.name}.png` })
    }
  })
})
