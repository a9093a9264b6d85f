import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { expect, seeded, staffGesture, test, typePin } from './kiosk-fixture'

const screenshots = resolve(import.meta.dirname, 'screenshots')

const screens = [
  { name: '1920x1080', viewport: { width: 1920, height: 1080 } },
  { name: '1080x1920', viewport: { width: 1080, height: 1920 } }
]

/** A code of the same length that is not the right one. */
const wrongCode = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10))

for (const screen of screens) {
  test.describe(`the first staff PIN on a fresh kiosk, ${screen.name}`, () => {
    test.use({ viewport: screen.viewport })

    test('shows where IT finds the setup code, never the code; a wrong code counts; the right one keeps the PIN chosen', async ({
      kiosk,
      harness
    }) => {
      const code = await harness.setupCode()
      await staffGesture(kiosk)
      await expect(kiosk.getByRole('heading', { name: 'Type the one-time setup code' })).toBeVisible()
      await expect(kiosk.getByTestId('setup-code-where')).toContainText(join(harness.dataFolder, 'setup-code.txt'))
      expect(await kiosk.locator('body').innerText()).not.toContain(code)
      // The whole code is needed before OK can be pressed: all eight places are drawn solid.
      for (const digit of code.slice(0, 7))
        await kiosk.getByRole('button', { name: `Digit ${digit}`, exact: true }).tap()
      await expect(kiosk.getByTestId('pin-ok')).toBeDisabled()
      await expect(kiosk.getByTestId('pin-dots').locator('span:not(.optional)')).toHaveCount(8)
      await kiosk.screenshot({ path: `${screenshots}/staff-setup-code-${screen.name}.png` })
      for (let index = 0; index < 7; index += 1) await kiosk.getByRole('button', { name: 'Delete' }).tap()

      await typePin(kiosk, wrongCode(code))
      await expect(kiosk.getByRole('heading', { name: 'Choose a staff PIN (4 to 8 digits)' })).toBeVisible()
      await typePin(kiosk, '2468')
      await typePin(kiosk, '2468')
      await expect(kiosk.getByTestId('pin-notice')).toHaveText('Wrong setup code. 4 tries left before a pause.')
      await expect(kiosk.getByRole('heading', { name: 'Type the one-time setup code' })).toBeVisible()
      await kiosk.screenshot({ path: `${screenshots}/staff-setup-code-wrong-${screen.name}.png` })
      expect(harness.core.staffAuth.hasPin()).toBe(false)

      await typePin(kiosk, code)
      await expect(kiosk.getByTestId('staff-panel')).toBeVisible()
      expect(await readdir(harness.dataFolder)).not.toContain('setup-code.txt')
      await kiosk.getByTestId('staff-done').tap()
      await staffGesture(kiosk)
      await expect(kiosk.getByRole('heading', { name: 'Enter the staff PIN' })).toBeVisible()
      await typePin(kiosk, '2468')
      await expect(kiosk.getByTestId('staff-panel')).toBeVisible()
    })
  })

  test.describe(`staff mode basics, ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, harnessOptions: { staffPin: '2468', seedRecords: seeded } })

    test('changes the PIN: the current one (a wrong one counts), then the new one twice', async ({ kiosk }) => {
      await staffGesture(kiosk)
      await typePin(kiosk, '2468')
      await kiosk.getByTestId('change-pin-open').tap()
      await expect(kiosk.getByRole('heading', { name: 'Enter the current staff PIN' })).toBeVisible()
      await kiosk.screenshot({ path: `${screenshots}/staff-change-pin-${screen.name}.png` })
      await typePin(kiosk, '1111')
      await expect(kiosk.getByRole('heading', { name: 'Choose a new staff PIN (4 to 8 digits)' })).toBeVisible()
      await typePin(kiosk, '1357')
      await expect(kiosk.getByRole('heading', { name: 'Enter the same PIN again' })).toBeVisible()
      await typePin(kiosk, '1357')
      await expect(kiosk.getByTestId('pin-notice')).toHaveText('Wrong PIN. 4 tries left before a pause.')
      await expect(kiosk.getByRole('heading', { name: 'Enter the current staff PIN' })).toBeVisible()
      await typePin(kiosk, '2468')
      await typePin(kiosk, '1357')
      await typePin(kiosk, '1358')
      await expect(kiosk.getByTestId('pin-notice')).toHaveText('The two PINs were different. Please choose one again.')
      await typePin(kiosk, '1357')
      await typePin(kiosk, '1357')
      await expect(kiosk.getByTestId('pin-changed')).toHaveText('PIN changed. Use the new PIN from now on.')
      await kiosk.screenshot({ path: `${screenshots}/staff-change-pin-done-${screen.name}.png` })
      await kiosk.getByRole('button', { name: 'Back to staff mode' }).tap()
      await expect(kiosk.getByTestId('staff-panel')).toBeVisible()
      await kiosk.getByTestId('staff-done').tap()
      await staffGesture(kiosk)
      await typePin(kiosk, '2468')
      await expect(kiosk.getByTestId('pin-notice')).toHaveText('Wrong PIN. 4 tries left before a pause.')
      await typePin(kiosk, '1357')
      await expect(kiosk.getByTestId('staff-panel')).toBeVisible()
    })

    test('data health shows how long the kiosk has run, its memory and the space left for data', async ({ kiosk }) => {
      await staffGesture(kiosk)
      await typePin(kiosk, '2468')
      await expect(kiosk.getByTestId('health-uptime')).toHaveText(/^((\d+ d )?\d+ h )?\d+ min$/)
      await expect(kiosk.getByTestId('health-memory')).toHaveText(/^[1-9]\d* MB$/)
      await expect(kiosk.getByTestId('health-disk')).toHaveText(/^\d+\.\d GB/)
      await kiosk.getByTestId('data-health').scrollIntoViewIfNeeded()
      await kiosk.screenshot({ path: `${screenshots}/staff-data-health-${screen.name}.png` })
    })
  })
}
