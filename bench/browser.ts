import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createInterface } from 'node:readline'
import { join, resolve } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../playwright.config'
import type { HarnessOptions } from '../tests/harness/web-harness'

const root = resolve(import.meta.dirname, '..')

/** A slow clinic PC, as Chrome's DevTools imitate one: every task on the main thread takes four times as long. */
export const cpuSlowdown = 4

/** Builds the production renderer, so a benchmark measures the code as it is now. */
export function buildRenderer(): void {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
}

/**
 * A copy of the built renderer in a temporary folder, for a harness to serve, so a benchmark can put its static floor
 * pages beside index.html (same origin, same server, same headers) without touching the build.
 */
export interface RendererCopy {
  folder: string
  /** Writes a page beside index.html; the harness serves it at the URL returned. */
  addPage: (name: string, html: string, harnessUrl: string) => Promise<string>
  remove: () => Promise<void>
}

export async function copyRenderer(): Promise<RendererCopy> {
  const folder = await mkdtemp(join(tmpdir(), 'kiosk-bench-renderer-'))
  await cp(join(root, 'out/renderer'), folder, { recursive: true })
  return {
    folder,
    addPage: async (name, html, harnessUrl) => {
      await writeFile(join(folder, name), html)
      return new URL(name, harnessUrl).href
    },
    remove: () => rm(folder, { recursive: true, force: true })
  }
}

/** Where the harness process serves the kiosk and keeps its data. */
export interface HarnessProcess {
  url: string
  dataFolder: string
}

/** Chromium and the web-mode harness (the real services on a temp folder) serving the production renderer. */
export interface Bench {
  browser: Browser
  harness: HarnessProcess
  /** A fresh touch-screen context (empty cache, like a cold start) at 1920×1080. */
  context: () => Promise<BrowserContext>
  close: () => Promise<void>
}

export async function startBench(options: HarnessOptions = {}): Promise<Bench> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'harness-process.ts')], {
    cwd: root,
    env: { ...process.env, KIOSK_HARNESS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
  const harness = JSON.parse(line) as HarnessProcess
  return {
    browser,
    harness,
    context: () => browser.newContext({ hasTouch: true, viewport: { width: 1920, height: 1080 } }),
    close: async () => {
      await browser.close()
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
  }
}

/** Slows the page's CPU down by `cpuSlowdown`, through the DevTools protocol. */
export async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
}

/**
 * Waits until the app has taken over from the first screen the page arrives with; before that the reader on screen is
 * a picture that cannot be turned. Read from the page, not from the 'kiosk:ready' mark: Playwright's fake clock (the
 * endurance benchmark) replaces `performance`, whose entries it then never lists.
 */
export async function appReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-first-screen]') === null &&
      document.querySelector('[data-testid="section-viewport"]') !== null,
    null,
    { polling: 50 }
  )
}
