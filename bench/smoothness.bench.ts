import type { BrowserContext, Page } from '@playwright/test'
import { touchStroke } from '../tests/harness/touch'
import { appReady, type Bench, buildRenderer, copyRenderer, cpuSlowdown, startBench, throttle } from './browser'
import { alternate, type Benchmark, percentile, ratio, round } from './result'
import { staticSnapshot } from './static-page'

/** The app's 95th-percentile frame time may be at most this many times the static page's. */
const frameBudget = 1.2

/** What a run of page turns leaves in the page. */
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

/**
 * The static page's page turns, as small as a page turn can be: the section on screen and the controls below it are
 * replaced by the next ones, as the app drew them (the section with its slide-in class, so the same CSS animation
 * runs, the controls with the next dot filled), after a finger's stroke to the left or,
 * in attract mode, every second, with the title card and the attract hint the app showed. No framework, no state, no
 * timers but the one that turns. A string for the same reason as `recordFrames`; run through DevTools (the page's CSP
 * allows no inline script).
 */
export const turnPages = `(({ sections, titleCard, hint }) => {
  const viewport = document.querySelector('[data-testid="section-viewport"]')
  const stage = document.querySelector('.stage')
  const template = document.createElement('template')
  const element = (html) => ((template.innerHTML = html), template.content.firstElementChild)
  let index = 0
  const turn = () => {
    index = (index + 1) % sections.length
    viewport.lastElementChild.replaceWith(element(sections[index].article))
    document.querySelector('nav.controls').replaceWith(element(sections[index].controls))
  }
  let start = null
  viewport.addEventListener('pointerdown', (event) => (start = { x: event.clientX, y: event.clientY }))
  viewport.addEventListener('pointerup', (event) => {
    const dx = event.clientX - start.x
    if (dx <= -90 && Math.abs(event.clientY - start.y) <= Math.abs(dx) * 0.6) turn()
    start = null
  })
  // Attract mode as the app runs it after an idle reset: back to the first section under its title card, the card
  // for a second, then a section a second, and the title card again after the last section.
  window.startAttract = () => {
    document.querySelector('nav.controls').before(element(hint))
    index = sections.length - 1
    const next = () => {
      turn()
      if (index !== 0) return setTimeout(next, 1000)
      const card = element(titleCard)
      stage.append(card)
      setTimeout(() => (card.remove(), setTimeout(next, 1000)), 1000)
    }
    next()
  }
})`

/** What the static page is made of, taken from the app itself. */
interface Floor {
  /** The app's document while a patient reads the first section, without its scripts. */
  page: string
  /** Each section of the article and the controls below it as the app drew them after a page turn, the first first. */
  sections: Array<{ article: string; controls: string }>
  /** The title card and the attract hint as attract mode shows them. */
  titleCard: string
  hint: string
}

const sectionId = (page: Page) =>
  page.getByTestId('section-viewport').locator('article').last().getAttribute('data-section-id')

/** Waits until the section on screen is no longer `before`. */
const sectionChanged = (page: Page, before: string | null) =>
  page.waitForFunction(
    (previous) =>
      document.querySelector('[data-testid="section-viewport"] article:last-child')?.getAttribute('data-section-id') !==
      previous,
    before,
    { timeout: 10_000, polling: 50 }
  )

/** A patient's touch on the title card the kiosk starts on: the reader is theirs from then on. */
async function startReading(page: Page): Promise<void> {
  // On a loaded machine the card may still be on its way in when the app reports ready; a box is read once it shows.
  await page.getByTestId('title-card').waitFor({ state: 'visible', timeout: 15_000 })
  const box = await page.getByTestId('title-card').boundingBox()
  if (!box) throw new Error('the kiosk did not start on a title card')
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
  await page.getByTestId('title-card').waitFor({ state: 'detached' })
}

/**
 * Takes the static page from the app, at full speed and before anything is timed: the document while a patient
 * reads, every section as a page turn draws it (the Next button pressed until the article starts again), and the
 * title card and attract hint once attract mode has come back.
 */
export async function takeFloor(bench: Bench): Promise<Floor> {
  const context = await bench.context()
  try {
    const page = await context.newPage()
    await page.goto(bench.harness.url)
    await appReady(page)
    await startReading(page)
    const first = await sectionId(page)
    const page0 = await page.evaluate(() => document.documentElement.outerHTML)
    const sections: Floor['sections'] = []
    for (let current = first; sections.length === 0 || current !== first;) {
      await page.getByTestId('next-button').tap()
      await sectionChanged(page, current)
      current = await sectionId(page)
      sections.push({
        article: await page
          .getByTestId('section-viewport')
          .locator('article')
          .last()
          .evaluate((node) => node.outerHTML),
        controls: await page.locator('nav.controls').evaluate((node) => node.outerHTML)
      })
    }
    // The page turn back to the first section was the last one taken: it goes first.
    sections.unshift(sections.pop() as Floor['sections'][number])
    await page.getByTestId('attract-hint').waitFor({ timeout: 15_000 })
    await page.getByTestId('title-card').waitFor({ timeout: 15_000 })
    const titleCard = await page.getByTestId('title-card').evaluate((node) => node.outerHTML)
    const hint = await page.getByTestId('attract-hint').evaluate((node) => node.outerHTML)
    return { page: staticSnapshot(page0), sections, titleCard, hint }
  } finally {
    await context.close()
  }
}

const setRecording = (page: Page, on: boolean) =>
  page.evaluate((value) => {
    const recorder = window as unknown as { recording: boolean; recordingSince: number }
    recorder.recording = value
    if (value) recorder.recordingSince = performance.now()
  }, on)

const setPhase = (page: Page, phase: string) =>
  page.evaluate((value) => ((window as unknown as { phase: string }).phase = value), phase)

/** What one round asks of a page: swipes, then page turns by attract mode. */
interface Round {
  swipes: number
  advances: number
}

/**
 * The same run on the app or on its static page: `swipes` real touch swipes, then `advances` page turns by attract
 * mode once it has come back, recording long tasks and frames with the CPU slowed from the first swipe to the last
 * turn. `begin` brings the page to where the swipes start, `attract` to where attract mode starts.
 */
async function run(
  context: BrowserContext,
  url: string,
  { swipes, advances }: Round,
  begin: (page: Page) => Promise<void>,
  attract: (page: Page) => Promise<void>
): Promise<Recorded> {
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: recordFrames })
    await page.goto(url)
    await begin(page)
    await throttle(page)
    await setRecording(page, true)
    for (let swipe = 0; swipe < swipes; swipe += 1) {
      await touchStroke(page, { x: 1500, y: 600 }, { x: 500, y: 600 }, { steps: 10, milliseconds: 200 })
      await page.waitForTimeout(250)
    }
    await attract(page)
    await setPhase(page, 'attract')
    let last = await sectionId(page)
    for (let seen = 0; seen < advances; seen += 1) {
      await sectionChanged(page, last)
      last = await sectionId(page)
    }
    await setRecording(page, false)
    return await page.evaluate(() => (window as unknown as { recorded: Recorded }).recorded)
  } finally {
    await context.close()
  }
}

/** All rounds of one side put together. */
const pooled = (rounds: Recorded[]): Recorded => ({
  longTasks: rounds.flatMap((round) => round.longTasks),
  phases: rounds.flatMap((round) => round.phases),
  frames: rounds.flatMap((round) => round.frames)
})

/**
 * Benchmark 3: whether turning pages stays smooth on a slow PC, by finger and by attract mode, against the same page
 * turns of a static page: main-thread tasks over 50 ms (which delay the next touch) and the time between frames.
 */
const smoothness: Benchmark = async ({ quick }) => {
  buildRenderer()
  const rounds = quick ? 1 : 2
  const each: Round = quick ? { swipes: 20, advances: 10 } : { swipes: 50, advances: 50 }
  const renderer = await copyRenderer()
  // Attract mode turns a page every second, and comes back 3 s after the last touch.
  const bench = await startBench({
    staticFolder: renderer.folder,
    config: { idleSeconds: 3, stillReadingSeconds: 1, minSectionSeconds: 1, maxSectionSeconds: 1 }
  })
  try {
    const floor = await takeFloor(bench)
    const staticUrl = await renderer.addPage('reader-static.html', floor.page, bench.harness.url)
    const results = await alternate(
      rounds,
      async () =>
        run(
          await bench.context(),
          bench.harness.url,
          each,
          async (page) => {
            await appReady(page)
            await startReading(page)
            // What the app does as it starts (voices, observers, the first timers) is benchmark 2's.
            await page.waitForTimeout(1000)
          },
          (page) => page.getByTestId('attract-hint').waitFor({ timeout: 15_000 })
        ),
      async () =>
        run(
          await bench.context(),
          staticUrl,
          each,
          async (page) => {
            const { sections, titleCard, hint } = floor
            await page.evaluate(`${turnPages}(${JSON.stringify({ sections, titleCard, hint })})`)
            await page.waitForTimeout(1000)
          },
          async (page) => {
            // The app's idle wait and "Still reading?" countdown before attract mode comes back.
            await page.waitForTimeout(3000)
            await page.evaluate(() => (window as unknown as { startAttract: () => void }).startAttract())
          }
        )
    )
    const app = pooled(results.measured)
    const still = pooled(results.floor)
    const swipes = rounds * each.swipes
    const advances = rounds * each.advances
    return {
      number: 3,
      name: 'Smoothness',
      method:
        `Chromium with the CPU slowed ${cpuSlowdown}×, the production renderer on the harness; ${swipes} real touch ` +
        `swipes (DevTools touch events, 200 ms each, 250 ms apart) after a touch on the title card the kiosk starts ` +
        `on, then ${advances} page turns by attract mode (one a second, the title card between articles), in ` +
        `${rounds} round${rounds > 1 ? 's' : ''} on a fresh page. Long tasks from the Long Tasks API; frame times ` +
        'between requestAnimationFrame callbacks. The floor is the same run over a static page of the same screen, ' +
        'taken in turn with the app (app, static, app, static), so both meet the same load: the document the app ' +
        'showed while a patient read, saved without its scripts and served by the same harness, whose page turns ' +
        "are as small as a page turn can be: a few lines run through DevTools swap the section on screen for the app's " +
        'own drawing of the next one (with its slide-in class, so the same CSS animation runs), on the same swipes ' +
        'and, for attract mode, every second with the same title card and hint. What is left is what Chromium must ' +
        'do to show a page turn at all: style, layout, paint and the animation, on the same machine. Budgets: no ' +
        'task over 50 ms that the static page does not also show (the count of long tasks over the static ' +
        "page's), and the app's 95th-percentile frame time within 1.2× the static page's. Headless Chromium here " +
        'draws without a GPU, so frame times are an upper bound of what a clinic PC shows.',
      measurements: [
        {
          id: 'smooth-long-tasks-beyond-static',
          label: `Tasks over 50 ms beyond the static page's (app ${app.longTasks.length}, static ${still.longTasks.length})`,
          value: Math.max(0, app.longTasks.length - still.longTasks.length),
          unit: 'count',
          budget: 0
        },
        {
          id: 'smooth-long-tasks-swiping',
          label: 'App tasks over 50 ms while swiping',
          value: app.phases.filter((phase) => phase === 'swipes').length,
          unit: 'count',
          budget: null
        },
        {
          id: 'smooth-static-long-tasks-swiping',
          label: 'Static page tasks over 50 ms while swiping',
          value: still.phases.filter((phase) => phase === 'swipes').length,
          unit: 'count',
          budget: null
        },
        {
          id: 'smooth-longest-task',
          label: 'App longest task over 50 ms (0: none)',
          value: round(Math.max(0, ...app.longTasks)),
          unit: 'ms',
          budget: null
        },
        {
          id: 'smooth-static-longest-task',
          label: 'Static page longest task over 50 ms (0: none)',
          value: round(Math.max(0, ...still.longTasks)),
          unit: 'ms',
          budget: null
        },
        ratio({
          id: 'smooth-frame-p95-ratio',
          label: "Frame time p95 ÷ the static page's",
          measured: percentile(app.frames, 0.95),
          floor: { label: 'static page, p95', value: percentile(still.frames, 0.95), unit: 'ms' },
          budget: frameBudget
        }),
        ratio({
          id: 'smooth-frame-p50-ratio',
          label: "Frame time median ÷ the static page's",
          measured: percentile(app.frames, 0.5),
          floor: { label: 'static page, median', value: percentile(still.frames, 0.5), unit: 'ms' },
          budget: null
        }),
        ratio({
          id: 'smooth-frame-p99-ratio',
          label: "Frame time p99 ÷ the static page's",
          measured: percentile(app.frames, 0.99),
          floor: { label: 'static page, p99', value: percentile(still.frames, 0.99), unit: 'ms' },
          budget: null
        }),
        {
          id: 'smooth-frames-over-50',
          label: `App frames over 50 ms, of ${app.frames.length} (static: ${still.frames.filter((frame) => frame > 50).length} of ${still.frames.length})`,
          value: app.frames.filter((frame) => frame > 50).length,
          unit: 'count',
          budget: null
        }
      ]
    }
  } finally {
    await bench.close()
    await renderer.remove()
  }
}

export default smoothness
