import { mkdtempSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EngagementIncrement } from '../../src/shared/engagement'
import type { FeedbackRecord, Rating } from '../../src/shared/feedback'
import { writeExport } from '../../src/main/export/exporter'
import { writeFleetReport } from '../../src/main/export/fleet-report'
import { type KioskStatus, statusFileName, statusFormat } from '../../src/main/kiosk/status-file'
import { expect, test } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')
const article = 'baclofen-piriformis-syndrome'
const sectionIds = [
  'understanding-piriformis-syndrome',
  'baclofen-an-overview',
  'can-baclofen-provide-relief-for-piriformis-syndrome',
  'potential-side-effects-of-baclofen',
  'other-treatment-options-for-piriformis-syndrome',
  'conclusion'
]

/** 40 answers over the last 20 days, some naming the part that helped and some with a comment. */
function answers(now: Date): FeedbackRecord[] {
  return Array.from({ length: 40 }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    articleId: article,
    sectionId: index % 3 === 0 ? 'conclusion' : index % 3 === 1 ? 'baclofen-an-overview' : null,
    rating: (index % 4 === 0 ? 1 : index % 2 === 0 ? 2 : 3) as Rating,
    comment:
      index === 1
        ? 'Clear & kind <script>alert("x")</script>'
        : index % 7 === 0
          ? `Helpful to read while waiting (${index})`
          : null,
    language: 'en',
    contentVersion: 'seed',
    appVersion: 'seed',
    station: 'Room 2',
    // Stored times are whole quarter hours, in UTC.
    time: new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (index % 20) - 1, 9, 15)
    ).toISOString()
  }))
}

/** A visit that read the first `reached` sections of the article. */
const visit = (reached: number): EngagementIncrement => ({
  articleId: article,
  visits: 1,
  finished: reached === sectionIds.length ? 1 : 0,
  feedback: reached > 4 ? 1 : 0,
  sections: sectionIds.slice(0, reached).map((sectionId, index) => ({
    sectionId,
    reached: 1,
    shown: 1,
    time: index % 3 === 0 ? [0, 0, 1, 0] : index % 3 === 1 ? [0, 1, 0, 0] : [1, 0, 0, 0]
  }))
})

const folder = mkdtempSync(join(tmpdir(), 'kiosk-report-'))
test.afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

test.describe('report.html beside an export', () => {
  test.use({
    harnessOptions: { seedRecords: answers(new Date()), config: { stationLabel: 'Room 2' } }
  })

  test('opens from the folder with no script and no network, shows every part, and prints on A4', async ({
    harness,
    page
  }) => {
    for (const reached of [6, 6, 5, 4, 4, 3, 2, 1, 6, 5]) harness.core.engagementStore.add(visit(reached))
    expect(await harness.core.staff.scheduledExport(folder, 'csv', true)).toBe(true)
    const names = await readdir(folder)
    const report = names.find((name) => name.endsWith('.report.html'))
    expect(report).toMatch(/^feedback_Room-2-614dbd39_.*\.report\.html$/)
    expect(names.filter((name) => name.startsWith('engagement_') && name.endsWith('.csv'))).toHaveLength(1)
    const path = join(folder, report ?? '')
    const text = await readFile(path, 'utf8')
    // Nothing that runs or fetches: no script, no handler attribute, no address but the page's own.
    expect(text).not.toMatch(/<script/i)
    expect(text).not.toMatch(/\son[a-z]+=/i)
    expect(text).not.toMatch(/(src|href)=|url\(|@import|https?:/i)

    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(pathToFileURL(path).href)
    expect(requests).toEqual([pathToFileURL(path).href])
    expect(await page.evaluate(() => document.scripts.length)).toBe(0)

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting-room kiosk report: Room 2')
    const totals = page.locator('.totals')
    await expect(totals).toContainText('40 answers')
    await expect(totals).toContainText('10 article visits')
    await expect(page.getByRole('heading', { name: 'The last 30 days' })).toBeVisible()
    await expect(page.getByRole('img', { name: 'Answers per day over the last 30 days' })).toBeVisible()
    await expect(page.getByRole('row', { name: 'Baclofen: An Overview 13 2.31' })).toBeVisible()
    // The comment is shown as text: its markup is escaped, not run.
    await expect(page.getByText('Clear & kind <script>alert("x")</script>')).toBeVisible()
    await expect(
      page.getByRole('img', { name: /^Where readers of .* stop: .* Baclofen: An Overview 90%/ })
    ).toBeVisible()
    await expect(page.getByText('10 visits; 30% read to the last part; 5 went on to give feedback.')).toBeVisible()
    await expect(page.getByRole('img', { name: /^Time spent on each part of/ })).toBeVisible()
    await expect(page.locator('dl.status')).toContainText('Room 2')

    for (const screen of [
      { name: 'landscape-1920x1080', width: 1920, height: 1080 },
      { name: 'portrait-1080x1920', width: 1080, height: 1920 }
    ]) {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await page.screenshot({ path: `${screenshots}/report-${screen.name}.png`, fullPage: true })
    }
    // Printed on A4: a PDF of a few pages, none of it cut off sideways.
    await page.emulateMedia({ media: 'print' })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const pdf = await page.pdf({ format: 'A4', path: test.info().outputPath('report-a4.pdf') })
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(6)
  })
})

test.describe('the fleet report', () => {
  test('opens with no script and no network: files left out, the kiosks, stations side by side', async ({ page }) => {
    const shared = mkdtempSync(join(tmpdir(), 'kiosk-fleet-share-'))
    const out = mkdtempSync(join(tmpdir(), 'kiosk-fleet-out-'))
    try {
      const now = new Date()
      for (const [index, station] of ['East wing, room 1', 'East wing, room 2', 'West wing'].entries()) {
        const records = answers(now).map((record, number) => ({
          ...record,
          id: `${String(index).padStart(8, '0')}-0000-4000-8000-${String(number).padStart(12, '0')}`,
          station,
          rating: (((number + index) % 3) + 1) as Rating
        }))
        const slice = records.slice(0, 20 + index * 10)
        const written = await writeExport({
          folder: shared,
          format: index === 1 ? 'json' : 'csv',
          records: slice,
          range: { from: null, to: null },
          station,
          now
        })
        if (!written.ok) throw new Error(written.message)
        const status = {
          format: statusFormat.name,
          version: statusFormat.version,
          writtenAt: new Date(now.getTime() - (index === 2 ? 40 : 2) * 60_000).toISOString(),
          station,
          appVersion: '0.3.0',
          uptimeSeconds: 90_000,
          content: {
            source: index === 0 ? 'bundled' : index === 2 ? 'last-good-copy' : 'folder',
            since: now.toISOString(),
            version: 'e36acfcd1153'
          },
          records: { held: slice.length, notExported: 0 },
          engagementDays: { held: 3, notExported: 0 },
          lastExport: { at: now.toISOString(), records: slice.length },
          lastScheduledExport: { at: now.toISOString(), ok: index !== 1, message: 'done' },
          recentErrors: index === 1 ? 2 : 0,
          clinicHours: 'not-set',
          openingHours: null,
          everyMinutes: 5
        } satisfies KioskStatus
        await writeFile(join(shared, statusFileName(station)), JSON.stringify(status))
      }
      // A copy that lost its manifest, and a status file cut short.
      const [first] = (await readdir(shared)).filter((name) => name.endsWith('.csv'))
      await writeFile(
        join(shared, 'feedback_Old-room_2026-10-01_2026-10-31.csv'),
        await readFile(join(shared, first ?? ''))
      )
      await writeFile(join(shared, 'Old-room.status.json'), '{"format": "waiting-room-kiosk-status", "stat')
      const outcome = await writeFleetReport(shared, join(out, 'fleet.html'), now)
      const text = await readFile(outcome.html, 'utf8')
      expect(text).not.toMatch(/<script|(src|href)=|url\(|https?:/i)

      const requests: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      await page.goto(pathToFileURL(outcome.html).href)
      expect(requests).toEqual([pathToFileURL(outcome.html).href])
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting-room kiosks: fleet report')
      await expect(page.getByText('feedback_Old-room_2026-10-01_2026-10-31.csv')).toBeVisible()
      await expect(
        page.getByRole('row', { name: /West wing .* not seen for over 15 min in clinic hours/ })
      ).toBeVisible()
      await expect(page.getByText('Status file unreadable (cut short or damaged): left out')).toBeVisible()
      await expect(page.getByRole('row', { name: /^East wing, room 2 30 / })).toBeVisible()
      await expect(page.locator('.totals')).toContainText('90 answers')
      for (const screen of [
        { name: 'landscape-1920x1080', width: 1920, height: 1080 },
        { name: 'portrait-1080x1920', width: 1080, height: 1920 }
      ]) {
        await page.setViewportSize({ width: screen.width, height: screen.height })
        await page.screenshot({ path: `${screenshots}/fleet-report-${screen.name}.png`, fullPage: true })
      }
    } finally {
      await rm(shared, { recursive: true, force: true })
      await rm(out, { recursive: true, force: true })
    }
  })
})
