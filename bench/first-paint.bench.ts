import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeOrdinaryArticles } from './article-fixtures'
import { appReady, type Bench, buildRenderer, copyRenderer, cpuSlowdown, startBench, throttle } from './browser'
import { alternate, type Benchmark, type Measurement, median, ratio, round } from './result'
import { withoutScripts } from './static-page'

/** The first paint may take at most this much longer than a static page of the same first screen. */
const budget = 1.15
/** How many articles of ordinary size the larger playlist holds (issue 15). */
const playlistSize = 200

/** One cold start: when the first screen's title was painted, and when the app answered touch (the app only). */
interface Start {
  paint: number
  ready: number | null
}

/**
 * Opens `url` in a fresh context (no cache, like a kiosk starting) with the CPU slowed, and reads when the title of
 * the first screen was painted: the Element Timing renderTime of its `elementtiming` heading, counted from navigation
 * start. For the app it then waits until the app has taken over from the first screen and reads the 'kiosk:ready' mark.
 */
async function coldStart(bench: Bench, url: string, app: boolean): Promise<Start> {
  const context = await bench.context()
  try {
    const page = await context.newPage()
    await throttle(page)
    await page.goto(url)
    const paint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((candidate) => candidate.entryType === 'element')
            if (entry) resolve((entry as PerformanceEntry & { renderTime: number }).renderTime)
          }).observe({ type: 'element', buffered: true })
        })
    )
    if (!app) return { paint, ready: null }
    await appReady(page)
    const ready = await page.evaluate(() => performance.getEntriesByName('kiosk:ready')[0]?.startTime ?? NaN)
    return { paint, ready }
  } finally {
    await context.close()
  }
}

/** A playlist the benchmark starts the kiosk with. */
interface Playlist {
  /** Suffix of the figures' ids: '' for the bundled content. */
  id: string
  /** In the figures' labels. */
  words: string
  /** The content folder the harness is given; the bundled one when absent. */
  contentFolder?: string
}

/**
 * Cold starts of the app and of its static floor, taken in turn (app, static, app, static…) so both meet the same
 * machine. The floor is the page the harness served for the app, saved once and served by the same harness from the
 * same folder with its scripts and module preload taken out: the same HTML (the first screen included), CSS and fonts.
 */
async function measure(playlist: Playlist, runs: number): Promise<Measurement[]> {
  const renderer = await copyRenderer()
  const bench = await startBench({
    staticFolder: renderer.folder,
    ...(playlist.contentFolder ? { contentFolder: playlist.contentFolder } : {})
  })
  try {
    const served = await (await fetch(bench.harness.url)).text()
    if (!served.includes('data-first-screen'))
      throw new Error('the harness served index.html without its first screen, so there is nothing to compare')
    const staticUrl = await renderer.addPage('first-screen-static.html', withoutScripts(served), bench.harness.url)
    // One start of each first that is not counted: it pays for the harness's and Chromium's own first-time work
    // (loading the renderer module, compiling the services), which a kiosk pays once when it boots.
    await coldStart(bench, bench.harness.url, true)
    await coldStart(bench, staticUrl, false)
    const starts = await alternate(
      runs,
      () => coldStart(bench, bench.harness.url, true),
      () => coldStart(bench, staticUrl, false)
    )
    const app = starts.measured.map((start) => start.paint)
    const floor = starts.floor.map((start) => start.paint)
    const ready = starts.measured.map((start) => start.ready ?? Number.NaN)
    return [
      ratio({
        id: `first-paint-ratio${playlist.id}`,
        label: `First paint ÷ static copy of the first screen, medians of ${runs}, ${playlist.words}`,
        measured: median(app),
        floor: { label: 'static copy, median', value: median(floor), unit: 'ms' },
        budget
      }),
      {
        id: `first-paint-worst${playlist.id}`,
        label: `First paint, slowest start, ${playlist.words}`,
        value: round(Math.max(...app)),
        unit: 'ms',
        budget: null
      },
      {
        id: `first-paint-ready-median${playlist.id}`,
        label: `App ready for touch, median of ${runs}, ${playlist.words}`,
        value: round(median(ready)),
        unit: 'ms',
        budget: null
      }
    ]
  } finally {
    await bench.close()
    await renderer.remove()
  }
}

/**
 * Benchmark 2: how long a patient looks at an empty screen after the kiosk (re)starts, on a slow PC: from navigation
 * to the first screen's title painted (the first article's title card), against a static page of the same screen.
 */
const firstPaint: Benchmark = async ({ quick }) => {
  buildRenderer()
  const runs = quick ? 5 : 20
  const articles = await mkdtemp(join(tmpdir(), 'kiosk-bench-articles-'))
  try {
    await writeOrdinaryArticles(articles, playlistSize)
    const measurements = [
      ...(await measure({ id: '', words: 'bundled article' }, runs)),
      ...(await measure(
        { id: `-${playlistSize}-articles`, words: `${playlistSize} articles`, contentFolder: articles },
        runs
      ))
    ]
    return {
      number: 2,
      name: 'First paint',
      method:
        `Chromium with the CPU slowed ${cpuSlowdown}× (DevTools throttling), a fresh context each time (no cache), the ` +
        'production renderer served by the web-mode harness with the real services, which puts the first screen (the ' +
        "first article's title card) in the page as the app protocol does. The figure is the time from navigation " +
        'start to the renderTime of the title on that card (Element Timing). The floor is a static copy of the same ' +
        'screen: the very page the harness served, saved once and served by the same harness from the same folder ' +
        'with its scripts and module preload taken out, so the same HTML, CSS and fonts reach Chromium the same way ' +
        'and nothing runs: no page can paint that screen sooner on that machine. ' +
        `App and static starts are taken in turn (${runs} of each after one uncounted start of each, which pays for ` +
        "the harness's and Chromium's first-time work), so both meet the same load; the budget is on the ratio of " +
        `their medians. The same is done with a content folder of ${playlistSize} generated articles of ordinary ` +
        'size (the bundled article, about 840 words in six sections, under 200 ids and titles), compared with its ' +
        'own static copy. "Ready for touch" is the kiosk:ready mark, when the app has taken over from the first ' +
        'screen; it has no budget.',
      measurements
    }
  } finally {
    await rm(articles, { recursive: true, force: true })
  }
}

export default firstPaint
