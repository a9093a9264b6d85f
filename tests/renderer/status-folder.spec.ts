import { resolve } from 'node:path'
import { expect, staffGesture, test, typePin } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')

test.describe('data health: the status file and the engagement days', () => {
  test.use({ harnessOptions: { staffPin: '2468' } })

  test('says where the status file goes, that the share is away and retried, and the days of engagement held', async ({
    kiosk,
    harness
  }) => {
    // What the status writer notes after a try that found the share away.
    harness.core.staff.noteStatusFolder({
      folder: '\\\\clinic-server\\kiosk-status',
      lastWritten: '2026-12-03T08:00:00.000Z',
      problem: 'ENOENT'
    })
    harness.core.engagementStore.add({
      articleId: 'baclofen-piriformis-syndrome',
      visits: 1,
      finished: 0,
      feedback: 0,
      sections: [{ sectionId: 'understanding-piriformis-syndrome', reached: 1, shown: 1, time: [1, 0, 0, 0] }]
    })
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    const status = kiosk.getByTestId('health-status-file')
    await status.scrollIntoViewIfNeeded()
    await expect(status).toHaveText(
      '\\\\clinic-server\\kiosk-status — cannot be written (ENOENT); trying again every minute'
    )
    await expect(kiosk.getByTestId('health-engagement')).toHaveText(
      'What patients read: 1 day held, 1 not yet exported'
    )
    await kiosk.screenshot({ path: `${screenshots}/data-health-status-file.png` })

    harness.core.staff.noteStatusFolder({
      folder: '\\\\clinic-server\\kiosk-status',
      lastWritten: '2026-12-03T08:05:00.000Z',
      problem: null
    })
    await kiosk.getByRole('button', { name: 'Done' }).tap()
    await staffGesture(kiosk)
    await typePin(kiosk, '2468')
    await expect(kiosk.getByTestId('health-status-file')).toHaveText(
      '\\\\clinic-server\\kiosk-status — written 2026-12-03 08:05 UTC'
    )
  })
})
