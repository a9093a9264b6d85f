import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Papa from 'papaparse'
import { appReady, contentFolders, expect, seeded, staffGesture, startReading, test, typePin } from './kiosk-fixture'

// Stands in for a USB stick: the configured export folder, emptied after each test.
const usb = mkdtempSync(join(tmpdir(), 'kiosk-usb-'))
test.afterEach(async () => {
  for (const name of await readdir(usb)) await rm(join(usb, name))
})
test.afterAll(async () => {
  await rm(usb, { recursive: true, force: true })
})

test.describe('staff mode', () => {
  test.use({
    harnessOptions: { seedRecords: seeded, staffPin: '2468', config: { stationLabel: 'Room 2', exportFolder: usb } }
  })

  test('a quick tap in the corners does nothing; the full gesture opens the PIN pad without pressing Next', async ({
    kiosk
  }) => {
    await staffGesture(kiosk, 300)
    await expect(kiosk.getByTestId('staff-unlock')).toBeHidden()
    await kiosk.getByTestId('previous-button').waitFor({ state: 'attached' })
    const before = await kiosk.getByTestId('progress-count').textContent()
    await staffGesture(kiosk)
    await expect(kiosk.getByTestId('staff-unlock')).toBeVisible()
    await expect(kiosk.getByTestId('progress-count')).toHaveText(before ?? '')
  })

  test('a wrong PIN is refused with the tries left; the right one opens a summary of the stored records', async ({
    kiosk
  }) => {
    await staffGesture(kiosk)
    await typePin(kiosk, '1111')
    await expect(kiosk.getByTestId('pin-notice')).toHaveText('Wrong PIN. 4 tries left before a pause.')
    await typePin(kiosk, '2468')
    const summary = kiosk.getByTestId('staff-summary')
    await expect(summary).toBeVisible()
    await expect(kiosk.getByTestId('summary-total')).toHaveText('12 answers, average 2.00 of 3')
    const bars = summary.getByRole('img', { name: /Not helpful 4, A little 4, Very helpful 4/ })
    await expect(bars).toBeVisible()
    await expect(summary.getByText('Conclusion: 6 answers, average 2.00 of 3')).toBeVisible()
    await expect(kiosk.getByTestId('summary-comments').locator('li')).toHaveCount(3)
    await expect(kiosk.getByTestId('health-records')).toContainText('12')
    await expect(kiosk.getByTestId('health-data-folder')).toContainText("(this account's own folder)")
  })

  test('exports to the configured folder a file that parses back to the same records, then clears them', async ({
    kiosk,
    harness
  }) => {
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await kiosk.getByTestId('export-card').getByRole('button', { name: 'Everything' }).tap()
    await kiosk.getByTestId('export-now').tap()
    await expect(kiosk.getByTestId('export-outcome')).toContainText(
      '12 records saved to feedback_Room-2-614dbd39_2026-11-01_2026-11-12.csv'
    )
    // The report is on by default; no patient has read anything yet, so there is no engagement file.
    await expect(kiosk.getByTestId('export-also')).toHaveText(
      'Also written: feedback_Room-2-614dbd39_2026-11-01_2026-11-12.report.html.'
    )
    const names = (await readdir(usb)).sort()
    expect(names).toEqual([
      'feedback_Room-2-614dbd39_2026-11-01_2026-11-12.csv',
      'feedback_Room-2-614dbd39_2026-11-01_2026-11-12.csv.manifest.json',
      'feedback_Room-2-614dbd39_2026-11-01_2026-11-12.report.html'
    ])
    const csv = await readFile(join(usb, names[0] ?? ''), 'utf8')
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true
    }).data
    expect(rows.map((row) => [row['id'], row['rating'], row['comment'] || null, row['section_id'] || null])).toEqual(
      seeded.map((record) => [record.id, String(record.rating), record.comment, record.sectionId])
    )
    await kiosk.getByTestId('remove-exported').tap()
    await kiosk.getByTestId('confirm-remove').tap()
    await expect(kiosk.getByTestId('export-outcome')).toHaveText('12 records removed from the kiosk.')
    await expect(kiosk.getByTestId('summary-total')).toHaveText('0 answers')
    expect(await harness.core.feedbackStore.allRecords()).toEqual([])
  })

  test('Done ends the session: the next gesture asks for the PIN again', async ({ kiosk }) => {
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await kiosk.getByTestId('staff-done').tap()
    await expect(kiosk.getByTestId('staff-panel')).toBeHidden()
    await expect(kiosk.getByTestId('article-title')).toBeVisible()
    await staffGesture(kiosk)
    await expect(kiosk.getByTestId('staff-unlock')).toBeVisible()
  })
})

test.describe("staff mode's own code", () => {
  test.use({ harnessOptions: { staffPin: '2468' } })

  test('arrives on its own once the screen is idle, under the CSP, and opens styled', async ({ page, harness }) => {
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { cspViolations: seen })
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`)
      )
    })
    const staffFiles: string[] = []
    page.on('requestfinished', (request) => {
      if (/\/assets\/staff-mode-[^/]+\.(js|css)$/.test(request.url())) staffFiles.push(request.url())
    })
    await page.goto(harness.url)
    await appReady(page)
    // Not in the page patients are sent: fetched afterwards, when the screen has nothing else to do.
    expect(await (await page.request.get(harness.url)).text()).not.toContain('staff-mode')
    await expect.poll(() => staffFiles.some((url) => url.endsWith('.js'))).toBe(true)
    await startReading(page)
    await staffGesture(page)
    await typePin(page, '2468')
    const panel = page.getByTestId('staff-panel')
    await expect(panel).toBeVisible()
    expect(await panel.evaluate((element) => getComputedStyle(element).position)).toBe('fixed')
    expect(staffFiles.some((url) => url.endsWith('.css'))).toBe(true)
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
  })
})

test.describe('staff mode timing out', () => {
  test.use({ harnessOptions: { staffPin: '2468', config: { staffSessionSeconds: 10 } } })

  test('closes by itself after the session time without a touch', async ({ kiosk }) => {
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await expect(kiosk.getByTestId('staff-panel')).toBeVisible()
    await expect(kiosk.getByTestId('staff-panel')).toBeHidden({ timeout: 13_000 })
    await expect(kiosk.getByTestId('article-title')).toBeVisible()
  })
})

test.describe('staff mode on first use', () => {
  test('asks for the setup code, then a new PIN twice, refuses two different ones, then opens', async ({
    kiosk,
    harness
  }) => {
    await staffGesture(kiosk)
    await expect(kiosk.getByRole('heading', { name: 'Type the one-time setup code' })).toBeVisible()
    await typePin(kiosk, await harness.setupCode())
    await expect(kiosk.getByRole('heading', { name: 'Choose a staff PIN (4 to 8 digits)' })).toBeVisible()
    await typePin(kiosk, '13579')
    await expect(kiosk.getByRole('heading', { name: 'Enter the same PIN again' })).toBeVisible()
    await typePin(kiosk, '13570')
    await expect(kiosk.getByTestId('pin-notice')).toHaveText('The two PINs were different. Please choose one again.')
    await typePin(kiosk, '13579')
    await typePin(kiosk, '13579')
    await expect(kiosk.getByTestId('staff-panel')).toBeVisible()
    expect(harness.core.staffAuth.hasPin()).toBe(true)
  })
})

test.describe('data health after trouble with the store', () => {
  // The kiosk's data folder as a power cut, a hand edit and a newer kiosk version left it.
  const data = mkdtempSync(join(tmpdir(), 'kiosk-health-'))
  const feedback = join(data, 'feedback')
  mkdirSync(feedback)
  const september = seeded.slice(0, 2).map((record, index) => ({
    ...record,
    id: `00000000-0000-4000-9000-00000000000${index}`,
    time: `2026-09-0${index + 1}T09:15:00.000Z`
  }))
  writeFileSync(join(feedback, 'feedback-2026-09.json'), JSON.stringify(september))
  const newer = { records: [], exportedIds: [], __internal__: { migrations: { version: '2.0.0' } } }
  writeFileSync(join(feedback, 'feedback-2026-10.json'), JSON.stringify(newer))
  writeFileSync(join(feedback, '.feedback-2026-11.json.0123abcd.tmp'), 'x'.repeat(4096))
  utimesSync(join(feedback, '.feedback-2026-11.json.0123abcd.tmp'), new Date('2026-01-01'), new Date('2026-01-01'))
  test.afterAll(async () => {
    await rm(data, { recursive: true, force: true })
  })
  test.use({ harnessOptions: { dataFolder: data, seedRecords: seeded, staffPin: '2468' } })

  test("names the file kept aside and the records put back, a newer version's file and the leftovers", async ({
    kiosk
  }) => {
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await expect(kiosk.getByTestId('health-records')).toContainText('14 (')
    await expect(kiosk.getByTestId('health-records')).toContainText('unfinished writes removed: 1')
    await expect(kiosk.getByTestId('data-health')).toContainText(
      /feedback-2026-09\.json → feedback-2026-09\.corrupt-[^ ]+\.json \(records put back: 2\)/
    )
    await expect(kiosk.getByTestId('newer-files')).toHaveText('feedback-2026-10.json (2.0.0)')
    await expect(kiosk.getByTestId('data-health')).toContainText('From a newer version, untouched')
  })
})

// A config.json as IT writes it in Notepad: a comment, a trailing comma and a Windows path with one backslash.
const handWritten = mkdtempSync(join(tmpdir(), 'kiosk-handwritten-config-'))
writeFileSync(
  join(handWritten, 'config.json'),
  '{\n  // Front desk kiosk\n  "contentFolder": "C:\\KioskContent",\n  "playlist": ["hand-washing"],\n  "idleSeconds": 90,\n}\n'
)
test.afterAll(async () => {
  await rm(handWritten, { recursive: true, force: true })
})

for (const screen of [
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'portrait-1080x1920', width: 1080, height: 1920 }
]) {
  test.describe(`data health on a ${screen.name} screen`, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      harnessOptions: { dataFolder: handWritten, contentFolder: contentFolders.translated, staffPin: '2468' }
    })

    test('says where config.json is wrong, what is not at its default, and what the playlist hides', async ({
      kiosk
    }) => {
      await staffGesture(kiosk)
      await typePin(kiosk, '2468')
      const health = kiosk.getByTestId('data-health')
      await health.scrollIntoViewIfNeeded()
      await expect(health).toContainText(
        'contentFolder: line 3, column 20: "C:\\KioskContent" has a single backslash (\\), which config.json cannot ' +
          'hold. Write the path as "C:/KioskContent" or "C:\\\\KioskContent".'
      )
      await expect(kiosk.getByTestId('changed-settings').locator('li')).toHaveText([
        'playlist = ["hand-washing"]',
        'idleSeconds = 90'
      ])
      await expect(kiosk.getByTestId('not-in-playlist').locator('li')).toHaveText([
        'The Flu Vaccine (en/flu-vaccine.md)'
      ])
      await kiosk.getByTestId('changed-settings').scrollIntoViewIfNeeded()
      await kiosk.screenshot({
        path: resolve(import.meta.dirname, `screenshots/data-health-config-${screen.name}.png`)
      })
    })
  })
}
