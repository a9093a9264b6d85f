import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  electronTestCommand,
  ensureElectronBinary,
  findElectronBinary,
  sandboxArguments,
  unavailableNotice,
  type ElectronFetcher
} from '../../../scripts/electron-binary'

let packageFolder: string

/** A node_modules/electron as npm leaves it: the package, no binary yet. */
async function freshElectronPackage(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'electron-package-'))
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
  return folder
}

/** What electron's install.js leaves after a download: dist/ with the binary and its version, and path.txt. */
async function installBinary(folder: string, version = '45.4.1'): Promise<string> {
  await mkdir(join(folder, 'dist'), { recursive: true })
  await writeFile(join(folder, 'dist', 'electron'), 'binary')
  await writeFile(join(folder, 'dist', 'version'), version)
  await writeFile(join(folder, 'path.txt'), 'electron')
  return join(folder, 'dist', 'electron')
}

/** The error Node's fetch throws when the machine has no internet. */
function offlineError(): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND', hostname: 'github.com' })
  })
}

beforeEach(async () => {
  packageFolder = await freshElectronPackage()
})

afterEach(async () => {
  await rm(packageFolder, { recursive: true, force: true })
})

describe('finding the Electron binary without downloading it', () => {
  it('finds the binary electron installed, as its path.txt names it', async () => {
    const binary = await installBinary(packageFolder)
    expect(findElectronBinary(packageFolder, {}, 'linux')).toBe(binary)
  })

  it('finds nothing in a fresh install, where path.txt and dist/ do not exist yet', () => {
    expect(findElectronBinary(packageFolder, {}, 'linux')).toBeNull()
  })

  it('finds nothing when dist/ holds another Electron version than the package', async () => {
    await installBinary(packageFolder, '44.0.0')
    expect(findElectronBinary(packageFolder, {}, 'linux')).toBeNull()
  })

  it('uses ELECTRON_OVERRIDE_DIST_PATH instead of dist/ when it is set', async () => {
    const override = await mkdtemp(join(tmpdir(), 'electron-override-'))
    try {
      await writeFile(join(override, 'electron.exe'), 'binary')
      expect(findElectronBinary(packageFolder, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'win32')).toBe(
        join(override, 'electron.exe')
      )
      await installBinary(packageFolder)
      // The override wins even over an installed dist/, as electron's own index.js does.
      expect(findElectronBinary(packageFolder, { ELECTRON_OVERRIDE_DIST_PATH: join(override, 'none') }, 'linux')).toBe(
        null
      )
    } finally {
      await rm(override, { recursive: true, force: true })
    }
  })
})

describe('making sure the Electron binary is there before electron-vite starts', () => {
  const report = () => {}

  it('does not download when the binary is already installed', async () => {
    const binary = await installBinary(packageFolder)
    const fetch = vi.fn<ElectronFetcher>()
    const outcome = await ensureElectronBinary({ packageFolder, environment: {}, platform: 'linux', fetch, report })
    expect(outcome).toEqual({ kind: 'ready', binary, fetched: false })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('downloads a missing binary once, with progress, and then finds it', async () => {
    const lines: string[] = []
    const fetch = vi.fn<ElectronFetcher>(async (progress) => {
      progress('Downloading Electron 45.4.1: 50%')
      await installBinary(packageFolder)
    })
    const outcome = await ensureElectronBinary({
      packageFolder,
      environment: {},
      platform: 'linux',
      fetch,
      report: (line) => lines.push(line)
    })
    expect(outcome).toEqual({ kind: 'ready', binary: join(packageFolder, 'dist', 'electron'), fetched: true })
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(lines).toContain('Downloading Electron 45.4.1: 50%')
  })

  it('explains in plain words, without a stack trace, when the download cannot reach the internet', async () => {
    const fetch = vi.fn<ElectronFetcher>(async () => {
      throw offlineError()
    })
    const outcome = await ensureElectronBinary({ packageFolder, environment: {}, platform: 'linux', fetch, report })
    expect(outcome.kind).toBe('unavailable')
    const notice = unavailableNotice(outcome)
    expect(notice).toContain('Electron 45.4.1 could not be downloaded')
    expect(notice).toContain('github.com')
    expect(notice).toContain('internet')
    expect(notice).toContain('ELECTRON_MIRROR')
    expect(notice).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(notice).toContain('npm run dev:web')
    expect(notice).not.toMatch(/^\s+at /m)
  })

  it('says which server answered what when a mirror refuses the download', async () => {
    const fetch = vi.fn<ElectronFetcher>(async () => {
      throw Object.assign(new Error('Response code 404 (Not Found) for https://mirror.example/v45.4.1/electron.zip'), {
        name: 'HTTPError'
      })
    })
    const outcome = await ensureElectronBinary({
      packageFolder,
      environment: { ELECTRON_MIRROR: 'https://mirror.example/' },
      platform: 'linux',
      fetch,
      report
    })
    const notice = unavailableNotice(outcome)
    expect(notice).toContain('404 (Not Found)')
    expect(notice).toContain('ELECTRON_MIRROR is set to https://mirror.example/')
    expect(notice).not.toMatch(/^\s+at /m)
  })

  it('never downloads when ELECTRON_OVERRIDE_DIST_PATH points at a folder without Electron, and says where it looked', async () => {
    const fetch = vi.fn<ElectronFetcher>()
    const outcome = await ensureElectronBinary({
      packageFolder,
      environment: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere/electron-45' },
      platform: 'linux',
      fetch,
      report
    })
    expect(fetch).not.toHaveBeenCalled()
    expect(outcome.kind).toBe('unavailable')
    expect(unavailableNotice(outcome)).toContain(join('/nowhere/electron-45', 'electron'))
  })

  it('never downloads when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    const fetch = vi.fn<ElectronFetcher>()
    const outcome = await ensureElectronBinary({
      packageFolder,
      environment: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      platform: 'linux',
      fetch,
      report
    })
    expect(fetch).not.toHaveBeenCalled()
    expect(unavailableNotice(outcome)).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD')
  })

  it('shows the whole error of any other failure, so nothing about Electron is hidden', async () => {
    const failure = new Error('electron install.js failed: cannot load the zip extractor')
    const fetch = vi.fn<ElectronFetcher>(async () => {
      throw failure
    })
    const outcome = await ensureElectronBinary({ packageFolder, environment: {}, platform: 'linux', fetch, report })
    const notice = unavailableNotice(outcome)
    expect(notice).toContain('cannot load the zip extractor')
    expect(notice).toContain(failure.stack?.split('\n')[1]?.trim() ?? 'no stack')
  })

  it('says to run npm install when the electron package itself is missing', async () => {
    const fetch = vi.fn<ElectronFetcher>()
    const outcome = await ensureElectronBinary({
      packageFolder: join(packageFolder, 'missing'),
      environment: {},
      platform: 'linux',
      fetch,
      report
    })
    expect(fetch).not.toHaveBeenCalled()
    expect(unavailableNotice(outcome)).toContain('npm install')
  })
})

describe('launching Electron for the e2e suite', () => {
  const suidRoot = { uid: 0, mode: 0o104755 }

  it('turns the sandbox off on Linux as root, where Chromium refuses to start with it', () => {
    expect(sandboxArguments('linux', 0, suidRoot)).toEqual(['--no-sandbox'])
  })

  it('turns it off on Linux when the SUID sandbox helper is not set up, as after npm installs Electron', () => {
    expect(sandboxArguments('linux', 1000, { uid: 1000, mode: 0o100755 })).toEqual(['--no-sandbox'])
    expect(sandboxArguments('linux', 1000, null)).toEqual(['--no-sandbox'])
  })

  it('keeps the sandbox where the helper is set up, and on Windows and macOS', () => {
    expect(sandboxArguments('linux', 1000, suidRoot)).toEqual([])
    expect(sandboxArguments('win32', undefined, null)).toEqual([])
    expect(sandboxArguments('darwin', 501, null)).toEqual([])
  })

  it('wraps the run in xvfb-run when Linux has no display', () => {
    expect(electronTestCommand('linux', {}, true, ['playwright', 'test'])).toEqual({
      command: ['xvfb-run', '-a', 'playwright', 'test']
    })
  })

  it('runs as it is where there is a display, or on other systems', () => {
    expect(electronTestCommand('linux', { DISPLAY: ':0' }, true, ['playwright'])).toEqual({ command: ['playwright'] })
    expect(electronTestCommand('linux', { WAYLAND_DISPLAY: 'wayland-0' }, false, ['playwright'])).toEqual({
      command: ['playwright']
    })
    expect(electronTestCommand('win32', {}, false, ['playwright'])).toEqual({ command: ['playwright'] })
  })

  it('says what to install when Linux has no display and no xvfb-run', () => {
    const answer = electronTestCommand('linux', {}, false, ['playwright'])
    expect(answer).toMatchObject({ problem: expect.stringContaining('xvfb-run') })
    expect(answer).toMatchObject({ problem: expect.stringContaining('apt-get install xvfb') })
  })
})
