import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { appReady, choose, contentFolders, expect, startReading, test } from './kiosk-fixture'

type FakeVoice = { name: string; lang: string; localService: boolean; default: boolean }

/**
 * Puts a recording speech synthesiser in place of the PC's before the kiosk starts: it has the given voices, and
 * keeps what it was asked to say in `window.spoken`. Each utterance "ends" when the test calls `window.finishSpeaking`.
 */
async function startWithVoices(page: Page, url: string, voices: FakeVoice[]): Promise<void> {
  await page.addInitScript((installed: FakeVoice[]) => {
    const state = window as unknown as {
      spoken: string[]
      cancels: number
      queue: SpeechSynthesisUtterance[]
      finishSpeaking: () => void
    }
    state.spoken = []
    state.cancels = 0
    state.queue = []
    state.finishSpeaking = () => {
      for (const utterance of state.queue.splice(0)) utterance.onend?.(new Event('end') as SpeechSynthesisEvent)
    }
    const synth = {
      getVoices: () => installed,
      speak: (utterance: SpeechSynthesisUtterance) => {
        state.spoken.push(`${utterance.lang}: ${utterance.text}`)
        state.queue.push(utterance)
      },
      cancel: () => {
        state.cancels += 1
        state.queue = []
      },
      addEventListener: () => {},
      removeEventListener: () => {}
    }
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
    // A real utterance accepts only the browser's own voice objects, so the fake voices come with a plain utterance.
    class Utterance extends EventTarget {
      voice: unknown = null
      lang = ''
      rate = 1
      onend: ((event: Event) => void) | null = null
      onerror: ((event: Event) => void) | null = null
      constructor(readonly text: string) {
        super()
      }
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
  }, voices)
  await page.goto(url)
  await appReady(page)
  await startReading(page)
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken)
const cancels = (page: Page) => page.evaluate(() => (window as unknown as { cancels: number }).cancels)
const englishVoice: FakeVoice = { name: 'Local English', lang: 'en-US', localService: true, default: true }

test.describe('read aloud', () => {
  test.use({
    harnessOptions: {
      contentFolder: contentFolders.translated,
      config: { playlist: ['hand-washing', 'flu-vaccine'] }
    }
  })

  test('reads the section on screen with the PC voice, title first, and says Stop while it reads', async ({
    page,
    harness
  }) => {
    await startWithVoices(page, harness.url, [englishVoice])
    const button = page.getByTestId('read-aloud')
    await expect(button).toHaveText('Listen')
    await button.tap()
    expect(await spoken(page)).toEqual([
      'en-US: Why it matters',
      'en-US: Germs live on our hands. Clean hands stop germs from spreading to you and to others.'
    ])
    await expect(button).toHaveText('Stop')
    await expect(button).toHaveAttribute('aria-pressed', 'true')
    await page.screenshot({ path: resolve(import.meta.dirname, 'screenshots/read-aloud-reading.png') })
    await page.evaluate(() => (window as unknown as { finishSpeaking: () => void }).finishSpeaking())
    await expect(button).toHaveText('Listen')
  })

  test('stops when the page turns', async ({ page, harness }) => {
    await startWithVoices(page, harness.url, [englishVoice])
    await page.getByTestId('read-aloud').tap()
    const before = await cancels(page)
    await page.getByTestId('next-button').tap()
    expect(await cancels(page)).toBeGreaterThan(before)
    await expect(page.getByTestId('read-aloud')).toHaveText('Listen')
  })

  test('is not offered without a voice for the language, nor with only an online voice', async ({ page, harness }) => {
    await startWithVoices(page, harness.url, [
      englishVoice,
      { name: 'Online Spanish', lang: 'es-ES', localService: false, default: false }
    ])
    await expect(page.getByTestId('read-aloud')).toBeVisible()
    await choose(page, { language: 'es' })
    await expect(page.getByTestId('article-title')).toHaveText('Lavarse las manos')
    await expect(page.getByTestId('read-aloud')).toBeHidden()
  })

  test('is not offered on a PC with no voices at all', async ({ page, harness }) => {
    await startWithVoices(page, harness.url, [])
    await expect(page.getByTestId('next-button')).toBeVisible()
    await expect(page.getByTestId('read-aloud')).toHaveCount(0)
  })
})

test.describe('read aloud and the next patient', () => {
  test.use({ harnessOptions: { config: { idleSeconds: 3, stillReadingSeconds: 1 } } })

  test('the idle reset stops the reading', async ({ page, harness }) => {
    await startWithVoices(page, harness.url, [englishVoice])
    await page.getByTestId('read-aloud').tap()
    await expect(page.getByTestId('read-aloud')).toHaveText('Stop')
    await expect(page.getByTestId('title-card')).toBeVisible({ timeout: 10_000 })
    expect(await cancels(page)).toBeGreaterThan(0)
    await expect(page.getByTestId('read-aloud')).toHaveText('Listen')
  })
})
