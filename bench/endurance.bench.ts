import type { CDPSession, Page } from '@playwright/test'
import { appReady, buildRenderer, startBench } from './browser'
import { type Benchmark, round } from './result'

const idleSeconds = 60
const stillReadingSeconds = 10
const staffPin = '2468'

/** The JS heap after two full garbage collections, and the DOM nodes and listeners alive, as DevTools count them. */
async function footprint(cdp: CDPSession): Promise<{ heap: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  const counters = await cdp.send('Memory.getDOMCounters')
  return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners }
}

/** Lets the simulated clock run past the idle time, so the kiosk goes back to the start as it does for each patient. */
const idleReset = (page: Page) => page.clock.runFor((idleSeconds + stillReadingSeconds + 2) * 1000)

/**
 * One patient: a touch that starts reading (on the title card an idle reset leads to), feedback with a face, a typed
 * letter and the part that helped, then they walk away.
 */
async function feedbackFlow(page: Page): Promise<void> {
  await page.touchscreen.tap(960, 540)
  await page.getByTestId('title-card').waitFor({ state: 'detached' })
  await page.getByTestId('give-feedback').tap()
  await page.getByTestId('feedback').getByTestId('rating-3').tap()
  await page.getByTestId('on-screen-keyboard').locator('[data-skbtn="a"]').tap()
  await page.getByTestId('comment-next').tap()
  await page.getByTestId('part-skip').tap()
  await page.getByTestId('feedback').getByRole('status').waitFor()
  await idleReset(page)
}

/** One staff visit: the hidden gesture, the PIN, the summary, Done. */
async function staffSession(page: Page, cdp: CDPSession): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 30, y: 30, id: 1 }] })
  await page.clock.runFor(3300)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await page.touchscreen.tap(1890, 1050)
  for (const digit of staffPin) await page.getByRole('button', { name: `Digit ${digit}`, exact: true }).tap()
  await page.getByTestId('pin-ok').tap()
  await page.getByTestId('staff-summary').waitFor()
  await page.getByTestId('staff-done').tap()
  await page.getByTestId('staff-panel').waitFor({ state: 'detached' })
  await idleReset(page)
}

/**
 * Benchmark 4: a kiosk that is never restarted must not grow. The attract loop runs through simulated days on a fake
 * clock, then patients give feedback and staff open their mode, many times over; memory and DOM size are compared
 * between the start and the end, both taken just after an idle reset, with the same screen showing.
 */
const endurance: Benchmark = async ({ quick }) => {
  buildRenderer()
  const days = quick ? 1 : 7
  const flows = quick ? 40 : 1000
  const sessions = quick ? 5 : 100
  const bench = await startBench({
    staffPin,
    config: { idleSeconds, stillReadingSeconds, feedbackMinimumGapSeconds: 0, softRestartTime: null }
  })
  try {
    const context = await bench.context()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-23T07:00:00') })
    await page.goto(bench.harness.url)
    await appReady(page)
    const cdp = await context.newCDPSession(page)
    // Warm-up: Svelte keeps one template per component once it has been shown, and Chromium its style and font
    // caches; those are paid once, so the baseline is taken after every screen has been seen one time.
    await page.clock.runFor(3_600_000)
    await feedbackFlow(page)
    await staffSession(page, cdp)
    const start = await footprint(cdp)
    const started = performance.now()
    for (let hour = 0; hour < days * 24; hour += 1) await page.clock.runFor(3_600_000)
    const attractSeconds = (performance.now() - started) / 1000
    for (let flow = 0; flow < flows; flow += 1) await feedbackFlow(page)
    for (let session = 0; session < sessions; session += 1) await staffSession(page, cdp)
    await page.getByTestId('section-viewport').tap()
    await idleReset(page)
    const end = await footprint(cdp)
    await context.close()
    const megabytes = (bytes: number) => round(bytes / 2 ** 20)
    return {
      number: 4,
      name: 'Endurance',
      method:
        `Chromium (not slowed) on the harness, with Playwright's fake clock: ${days} simulated day(s) of attract mode ` +
        `(${round(attractSeconds)} s of real time), then ${flows} complete feedback flows (face, a typed letter, ` +
        `part, thank-you, idle reset) and ${sessions} staff sessions (gesture, PIN, summary, Done). Heap after two ` +
        'forced collections and DOM counters from DevTools, at the start and the end, each just after an idle reset ' +
        "(the first article's title card on screen); the start is taken after a warm-up of one hour of attract " +
        'mode, one feedback flow and one staff session, so one-time caches (Svelte keeps one template per component ' +
        'once shown) are not counted as growth. No nightly reload here: the stricter case.',
      measurements: [
        {
          id: 'endurance-heap-start',
          label: 'JS heap at the start',
          value: megabytes(start.heap),
          unit: 'MB',
          budget: null
        },
        { id: 'endurance-heap-end', label: 'JS heap at the end', value: megabytes(end.heap), unit: 'MB', budget: null },
        {
          id: 'endurance-heap-growth',
          label: 'JS heap growth',
          value: megabytes(end.heap - start.heap),
          unit: 'MB',
          budget: 2
        },
        { id: 'endurance-dom-start', label: 'DOM nodes at the start', value: start.nodes, unit: 'count', budget: null },
        {
          id: 'endurance-dom-growth',
          label: 'DOM nodes at the end minus at the start',
          value: end.nodes - start.nodes,
          unit: 'count',
          budget: 0
        },
        {
          id: 'endurance-listener-growth',
          label: 'event listeners at the end minus at the start',
          value: end.listeners - start.listeners,
          unit: 'count',
          budget: null
        }
      ]
    }
  } finally {
    await bench.close()
  }
}

export default endurance
