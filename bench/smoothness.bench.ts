import type { Page } from '@playwright/test'
import { touchStroke } from '../tests/harness/touch'
import { appReady, buildRenderer, cpuSlowdown, startBench, throttle } from './browser'
import { percentile, round, type Benchmark } from './result'

interface Recorded {
  longTasks: number[]
  /** Which part of the run each long task fell in: 'swipes' or 'attract'. */
  phases: string[]
  frames: number[]
}

/**
 * Starts recording long tasks and the time between animation frames, from the moment the page starts. A string, so
 * the bundler's helpers (which tsx adds to named functions) never end up in the page.
 */
const recordFrames = `
  window.recorded = { longTasks: [], frames: [], phases: [] }
  window.recording = false
  window.recordingSince = Infinity
  window.phase = 'swipes'
  new PerformanceObserver((list) => {
    if (!window.recording) return
    // Entries arrive after the task; one that began before recording (the app starting) is not a page turn's.
    for (const entry of list.getEntries().filter((entry) => entry.startTime >= window.recordingSince)) {
      window.recorded.longTasks.push(entry.duration)
      window.recorded.phases.push(window.phase)
    }
  }).observe({ type: 'longtask' })
  let last = 0
  requestAnimationFrame(function frame(time) {
    if (window.recording && last > 0) window.recorded.frames.push(time - last)
    last = time
    requestAnimationFrame(frame)
  })
`

const setRecording = (page: Page, on: boolean) =>
  page.evaluate((value) => {
    const recorder = window as unknown as { recording: boolean; recordingSince: number }
    recorder.recording = value
    if (value) recorder.recordingSince = performance.now()
  }, on)
const sectionId = (page: Page) =>
  page.getByTestId('section-viewport').locator('article').last().getAttribute('data-section-id')

/**
 * Benchmark 3: whether turning pages stays smooth on a slow PC, by finger and by attract mode: main-thread tasks over
 * 50 ms (which delay the next touch) and the time between frames.
 */
const smoothness: Benchmark = async ({ quick }) => {
  buildRenderer()
  const swipes = quick ? 20 : 100
  const advances = quick ? 10 : 100
  // Attract mode turns a page every second, and starts 4 s after the last touch.
  const bench = await startBench({
    config: { idleSeconds: 3, stillReadingSeconds: 1, minSectionSeconds: 1, maxSectionSeconds: 1 }
  })
  try {
    const context = await bench.context()
    const page = await context.newPage()
    await page.addInitScript({ content: recordFrames })
    await page.goto(bench.harness.url)
    await appReady(page)
    // What the app does as it starts (voices, observers, the first timers) is benchmark 2's; turning pages starts after.
    await page.waitForTimeout(1000)
    await throttle(page)
    await setRecording(page, true)
    for (let swipe = 0; swipe < swipes; swipe += 1) {
      await touchStroke(page, { x: 1500, y: 600 }, { x: 500, y: 600 }, { steps: 10, milliseconds: 200 })
      await page.waitForTimeout(250)
    }
    let seen = 0
    let last = await sectionId(page)
    await page.getByTestId('attract-hint').waitFor({ timeout: 15_000 })
    await page.evaluate(() => ((window as unknown as { phase: string }).phase = 'attract'))
    while (seen < advances) {
      await page.waitForFunction(
        (before) =>
          document
            .querySelector('[data-testid="section-viewport"] article:last-child')
            ?.getAttribute('data-section-id') !== before,
        last,
        { timeout: 10_000, polling: 50 }
      )
      last = await sectionId(page)
      seen += 1
    }
    await setRecording(page, false)
    const recorded = await page.evaluate(() => (window as unknown as { recorded: Recorded }).recorded)
    await context.close()
    const frames = recorded.frames
    return {
      number: 3,
      name: 'Smoothness',
      method:
        `Chromium with the CPU slowed ${cpuSlowdown}×, the production renderer on the harness; ${swipes} real touch ` +
        `swipes (DevTools touch events, 200 ms each, 250 ms apart), then ${advances} page turns by attract mode (one a ` +
        'second). Long tasks from the Long Tasks API; frame times between requestAnimationFrame callbacks. Headless ' +
        'Chromium here draws without a GPU, so frame times are an upper bound of what a clinic PC shows.',
      measurements: [
        {
          id: 'smooth-long-tasks',
          label: 'main-thread tasks over 50 ms',
          value: recorded.longTasks.length,
          unit: 'count',
          budget: 0
        },
        {
          id: 'smooth-long-tasks-swiping',
          label: 'of which while swiping',
          value: recorded.phases.filter((phase) => phase === 'swipes').length,
          unit: 'count',
          budget: null
        },
        {
          id: 'smooth-longest-task',
          label: 'longest task over 50 ms (0: none)',
          value: round(Math.max(0, ...recorded.longTasks)),
          unit: 'ms',
          budget: null
        },
        {
          id: 'smooth-frame-p50',
          label: 'frame time, median',
          value: round(percentile(frames, 0.5)),
          unit: 'ms',
          budget: null
        },
        {
          id: 'smooth-frame-p95',
          label: 'frame time, 95th percentile',
          value: round(percentile(frames, 0.95)),
          unit: 'ms',
          budget: null
        },
        {
          id: 'smooth-frame-p99',
          label: 'frame time, 99th percentile',
          value: round(percentile(frames, 0.99)),
          unit: 'ms',
          budget: null
        },
        {
          id: 'smooth-frames-over-50',
          label: `frames over 50 ms, of ${frames.length}`,
          value: frames.filter((frame) => frame > 50).length,
          unit: 'count',
          budget: null
        }
      ]
    }
  } finally {
    await bench.close()
  }
}

export default smoothness
