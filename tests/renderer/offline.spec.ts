import { mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, staffGesture, test, touchStroke, typePin } from './kiosk-fixture'

const usb = mkdtempSync(join(tmpdir(), 'kiosk-offline-usb-'))
test.afterAll(async () => rm(usb, { recursive: true, force: true }))
test.use({ harnessOptions: { staffPin: '2468', config: { exportFolder: usb } } })

test('a whole session (reading, feedback with a comment, staff export) makes no request outside the app', async ({
  kiosk,
  harness
}) => {
  const outside: string[] = []
  kiosk.on('request', (request) => {
    if (!request.url().startsWith(harness.url)) outside.push(request.url())
  })
  await kiosk.reload()
  for (let step = 0; step < 3; step += 1) await kiosk.getByTestId('next-button').tap()
  await touchStroke(kiosk, { x: 1300, y: 500 }, { x: 700, y: 510 })
  await expect(kiosk.getByTestId('progress-count')).toHaveText('5 of 6')
  // Chromium spends the first tap after a fast swipe on stopping the fling, as a finger would; let it settle.
  await kiosk.waitForTimeout(1500)
  await kiosk.getByTestId('open-section-list').tap()
  await kiosk.getByRole('button', { name: 'Close' }).tap()

  await kiosk.getByTestId('give-feedback').tap()
  await kiosk.getByTestId('feedback').getByTestId('rating-3').tap()
  for (const key of ['o', 'k']) await kiosk.getByTestId('on-screen-keyboard').locator(`[data-skbtn="${key}"]`).tap()
  await kiosk.getByTestId('comment-next').tap()
  await kiosk.getByTestId('part-skip').tap()
  await kiosk.getByRole('button', { name: 'Back to reading' }).tap()

  await staffGesture(kiosk)
  await typePin(kiosk, '2468')
  await kiosk.getByTestId('export-now').tap()
  await expect(kiosk.getByTestId('export-outcome')).toContainText('1 records saved')
  await kiosk.getByTestId('staff-done').tap()

  expect(outside).toEqual([])
})
