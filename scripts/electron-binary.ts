import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * The Electron binary, found or fetched the way Electron's own package does it. Electron >= 42 no longer downloads
 * its binary when npm installs it, and electron-vite reads node_modules/electron/path.txt directly (which exists only
 * after that download), so `npm start` and `npm run dev` make sure of the binary first (scripts/electron-vite.ts),
 * and the Electron e2e suite finds it here without ever starting a download.
 */

/** node_modules/electron of this checkout. */
export const electronPackageFolder = resolve(import.meta.dirname, '../node_modules/electron')

/** The environment variables this module reads. */
export type Environment = Record<string, string | undefined>

/** The executable inside Electron's zip for a platform, as electron's install.js names it. */
export function platformExecutable(platform: NodeJS.Platform | string): string {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    return null
  }
}

/** The version of the electron package in `packageFolder`, or null when the package is not installed. */
export function electronVersion(packageFolder = electronPackageFolder): string | null {
  const text = readText(join(packageFolder, 'package.json'))
  if (text === null) return null
  const { version } = JSON.parse(text) as { version?: unknown }
  return typeof version === 'string' ? version : null
}

/** Where the binary would be: under ELECTRON_OVERRIDE_DIST_PATH when set, else in the package's dist/. */
function expectedBinary(packageFolder: string, environment: Environment, platform: string): string {
  const named = readText(join(packageFolder, 'path.txt')) || platformExecutable(platform)
  const override = environment['ELECTRON_OVERRIDE_DIST_PATH']
  return override ? join(override, named) : join(packageFolder, 'dist', named)
}

/**
 * Finds the Electron binary by its files, as node_modules/electron/index.js and install.js would, but without ever
 * starting a download (requiring 'electron' from Node does that when the binary is missing). Null when it is not
 * there, or when dist/ holds another version than the package (install.js would fetch the right one).
 */
export function findElectronBinary(
  packageFolder = electronPackageFolder,
  environment: Environment = process.env,
  platform: string = process.platform
): string | null {
  const candidate = expectedBinary(packageFolder, environment, platform)
  if (!environment['ELECTRON_OVERRIDE_DIST_PATH']) {
    if (readText(join(packageFolder, 'path.txt')) === null) return null
    const installed = readText(join(packageFolder, 'dist', 'version'))?.replace(/^v/, '')
    if (installed !== electronVersion(packageFolder)) return null
  }
  return existsSync(candidate) ? candidate : null
}

/** Downloads and unpacks the binary; `progress` gets a line now and then. Injected, so tests need no network. */
export type ElectronFetcher = (progress: (line: string) => void) => Promise<void>

/** Whether the binary is there, and if not, what went wrong in words and what the cause was. */
export type ElectronReadiness =
  | { kind: 'ready'; binary: string; fetched: boolean }
  | {
      kind: 'unavailable'
      /** One sentence: what failed. */
      problem: string
      version: string
      environment: Environment
      /** Set for failures that are not a plain "cannot be fetched": shown whole, never hidden. */
      unexpected?: unknown
    }

/** What `ensureElectronBinary` works with. */
export interface EnsureOptions {
  packageFolder?: string
  environment?: Environment
  platform?: string
  fetch: ElectronFetcher
  /** Where progress lines go (the terminal). */
  report: (line: string) => void
}

const networkCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'CERT_HAS_EXPIRED',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET'
])

/** A one-line cause for a download that could not reach its server, or null when the error is something else. */
function networkCause(error: unknown): string | null {
  if (!(error instanceof Error)) return null
  if (error.name === 'HTTPError') return `the server answered: ${error.message}`
  const cause = error.cause as (Error & { code?: string; hostname?: string }) | undefined
  const code = cause?.code ?? (error as Error & { code?: string }).code
  if (code && networkCodes.has(code)) {
    const host = cause?.hostname ? ` ${cause.hostname}` : ''
    return `could not reach${host || ' the download server'} (${code})`
  }
  if (error.message === 'fetch failed') return `could not reach the download server (${cause?.message ?? 'no answer'})`
  return null
}

/**
 * Makes sure the Electron binary is there: finds it, or fetches it once (never when ELECTRON_OVERRIDE_DIST_PATH or
 * ELECTRON_SKIP_BINARY_DOWNLOAD says not to). Never throws: a failure comes back as `unavailable`, to be told in
 * plain words by `unavailableNotice`.
 */
export async function ensureElectronBinary(options: EnsureOptions): Promise<ElectronReadiness> {
  const packageFolder = options.packageFolder ?? electronPackageFolder
  const environment = options.environment ?? process.env
  const platform = options.platform ?? process.platform
  const version = electronVersion(packageFolder)
  const unavailable = (problem: string, unexpected?: unknown): ElectronReadiness => ({
    kind: 'unavailable',
    problem,
    version: version ?? 'unknown',
    environment,
    ...(unexpected === undefined ? {} : { unexpected })
  })
  if (version === null) {
    return unavailable(`the electron package is not installed in ${packageFolder}; run npm install first.`)
  }
  const found = findElectronBinary(packageFolder, environment, platform)
  if (found) return { kind: 'ready', binary: found, fetched: false }
  const expected = expectedBinary(packageFolder, environment, platform)
  if (environment['ELECTRON_OVERRIDE_DIST_PATH']) {
    return unavailable(
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${environment['ELECTRON_OVERRIDE_DIST_PATH']}, but there is no Electron binary there (looked for ${expected}).`
    )
  }
  if (environment['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    return unavailable(
      `Electron ${version} is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded.`
    )
  }
  options.report(`Electron ${version} is not installed yet: downloading it once (about 100 MB).`)
  try {
    await options.fetch(options.report)
  } catch (error) {
    const cause = networkCause(error)
    return cause
      ? unavailable(`Electron ${version} could not be downloaded: ${cause}.`)
      : unavailable(`Electron ${version} could not be downloaded and unpacked.`, error)
  }
  const fetched = findElectronBinary(packageFolder, environment, platform)
  if (fetched) return { kind: 'ready', binary: fetched, fetched: true }
  return unavailable(`the download finished, but there is no Electron binary at ${expected}.`)
}

/** What failed, how to fix it, and what works meanwhile: the words `npm start` prints instead of a stack trace. */
export function unavailableNotice(readiness: ElectronReadiness): string {
  if (readiness.kind === 'ready') return ''
  const mirror = readiness.environment['ELECTRON_MIRROR']
  const lines = [
    '',
    `Electron cannot start: ${readiness.problem}`,
    '',
    'To fix it, one of:',
    '  - connect this machine to the internet and run the command again (the download happens once);',
    mirror
      ? `  - ELECTRON_MIRROR is set to ${mirror}: check that it serves Electron ${readiness.version}, or unset it;`
      : `  - set ELECTRON_MIRROR to a mirror of Electron's releases that you can reach (for example your company's);`,
    `  - set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron ${readiness.version} for this system.`,
    '',
    'Meanwhile `npm run dev:web` shows the kiosk in a browser, with its real services.'
  ]
  if (readiness.unexpected !== undefined) {
    const detail =
      readiness.unexpected instanceof Error
        ? (readiness.unexpected.stack ?? String(readiness.unexpected))
        : String(readiness.unexpected)
    lines.push('', 'What went wrong, in full:', detail)
  }
  return `${lines.join('\n')}\n`
}

/**
 * Fetches the binary as Electron's own package does: @electron/get downloads the zip (into its cache, honouring
 * ELECTRON_MIRROR and the checksums shipped with the package) with progress shown here; then electron's install.js
 * finds that zip in the cache, unpacks it and writes path.txt.
 */
export function electronFetcher(packageFolder = electronPackageFolder, environment: Environment = process.env) {
  return async (progress: (line: string) => void): Promise<void> => {
    const fromElectron = createRequire(join(packageFolder, 'package.json'))
    const { downloadArtifact } = (await import(pathToFileURL(fromElectron.resolve('@electron/get')).href)) as {
      downloadArtifact: (details: Record<string, unknown>) => Promise<string>
    }
    const version = electronVersion(packageFolder)
    let shown = -1
    await downloadArtifact({
      version,
      artifactName: 'electron',
      // The same choices as install.js, so that it finds this download in the cache.
      platform: environment['ELECTRON_INSTALL_PLATFORM'] ?? environment['npm_config_platform'] ?? process.platform,
      arch: environment['ELECTRON_INSTALL_ARCH'] ?? environment['npm_config_arch'] ?? process.arch,
      force: environment['force_no_cache'] === 'true',
      cacheRoot: environment['electron_config_cache'],
      checksums:
        environment['electron_use_remote_checksums'] || environment['npm_config_electron_use_remote_checksums']
          ? undefined
          : (fromElectron('./checksums.json') as Record<string, string>),
      downloadOptions: {
        quiet: true,
        getProgressCallback: ({ percent, total }: { percent: number; total: number | null }) => {
          const tenth = Math.floor(percent * 10)
          if (tenth === shown) return
          shown = tenth
          const size = total ? ` of ${Math.round(total / 1_000_000)} MB` : ''
          progress(`Downloading Electron ${version}: ${tenth * 10}%${size}`)
        }
      }
    })
    progress('Unpacking Electron…')
    const installed = spawnSync(process.execPath, [join(packageFolder, 'install.js')], {
      env: environment,
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8'
    })
    if (installed.status !== 0) {
      throw new Error(`electron's install.js failed (exit code ${installed.status}):\n${installed.stderr}`)
    }
  }
}

/** The owner and mode bits of Electron's chrome-sandbox helper, as `fs.statSync` gives them. */
export interface HelperStat {
  uid: number
  mode: number
}

/**
 * `--no-sandbox` for a test launch on Linux where Chromium's sandbox cannot start: as root (Chromium refuses), or
 * when the chrome-sandbox helper beside the binary is not SUID root, as npm leaves it (the .deb's installer sets it up;
 * a test run cannot). The packaged kiosk never gets this argument.
 */
export function sandboxArguments(platform: string, uid: number | undefined, helper: HelperStat | null): string[] {
  if (platform !== 'linux') return []
  if (uid === 0) return ['--no-sandbox']
  const suidRoot = helper !== null && helper.uid === 0 && (helper.mode & 0o4000) !== 0
  return suidRoot ? [] : ['--no-sandbox']
}

/** The command that runs the e2e suite: under `xvfb-run -a` on a Linux without a display, or a problem in words. */
export function electronTestCommand(
  platform: string,
  environment: Environment,
  hasXvfbRun: boolean,
  command: string[]
): { command: string[] } | { problem: string } {
  if (platform !== 'linux' || environment['DISPLAY'] || environment['WAYLAND_DISPLAY']) return { command }
  if (hasXvfbRun) return { command: ['xvfb-run', '-a', ...command] }
  return {
    problem:
      'There is no display (DISPLAY is not set) and xvfb-run is not installed, so Electron cannot open its window. ' +
      'Install it (Debian and Ubuntu: sudo apt-get install xvfb) or run the suite in a desktop session.'
  }
}
