import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setUpAsKiosk, startMain, waitForCalls, type MainProcess, type StartOptions } from './main-process'

let dataFolder: string
let exportFolder: string
const started: MainProcess[] = []

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-cli-data-'))
  exportFolder = await mkdtemp(join(tmpdir(), 'kiosk-cli-export-'))
})

afterEach(async () => {
  for (const main of started.splice(0)) await main.stop()
  await rm(dataFolder, { recursive: true, force: true })
  await rm(exportFolder, { recursive: true, force: true })
})

/** One piece of feedback, given on the kiosk screen (through the bundle's own IPC), so an export has a record. */
async function giveFeedback(): Promise<void> {
  const kiosk = await startMain({ environment: { KIOSK_DATA_DIR: dataFolder } })
  started.push(kiosk)
  await waitForCalls(kiosk, (calls) => calls.some((call) => call.api === 'webContents.loadURL'), 'the window')
  const answer = await kiosk.send({
    command: 'invoke',
    channel: 'feedback:submit',
    senderUrl: 'app://kiosk/index.html',
    payload: { articleId: 'baclofen-piriformis-syndrome', sectionId: null, rating: 3, comment: null, language: 'en' }
  })
  expect(answer).toMatchObject({ ok: true })
  await kiosk.stop()
}

/** Runs the bundle to its end, as IT's script would, and gathers what it did. */
async function run(args: string[], options: StartOptions = {}) {
  const main = await startMain({ args, environment: { KIOSK_DATA_DIR: dataFolder }, ...options })
  started.push(main)
  const code = await main.exited
  const calls = await main.calls()
  return {
    code,
    output: main.output(),
    errors: main.errors(),
    folder: main.folder,
    calls,
    windows: calls.filter((call) => call.api === 'new BrowserWindow')
  }
}

describe('the command line of the built main bundle', () => {
  it('--export writes a verified export, exits 0 and opens no window', async () => {
    await giveFeedback()
    const result = await run(['--export', exportFolder, '--format', 'csv'])
    expect(result.code).toBe(0)
    expect(result.output).toContain('Exported 1 records')
    expect(result.windows).toEqual([])
    expect((await readdir(exportFolder)).some((file) => file.endsWith('.csv'))).toBe(true)
  })

  it('--report reads the exports of a shared folder into the fleet report and its CSV, and opens no window', async () => {
    await giveFeedback()
    expect((await run(['--export', exportFolder, '--format', 'json'])).code).toBe(0)
    const out = join(exportFolder, 'fleet.html')
    const result = await run(['--report', exportFolder, '--out', out])
    expect(result.code).toBe(0)
    expect(result.output).toContain('1 station, 1 record counted once')
    expect(result.windows).toEqual([])
    expect(await readdir(exportFolder)).toEqual(expect.arrayContaining(['fleet.html', 'fleet.csv']))
  })

  it('--export exits 1 when the destination cannot be written', async () => {
    const notAFolder = join(exportFolder, 'file.txt')
    await writeFile(notAFolder, 'in the way')
    const result = await run(['--export', notAFolder])
    expect(result.code).toBe(1)
    expect(result.output).toContain('Export failed')
    expect(result.windows).toEqual([])
  })

  it('--set-pin sets the PIN and exits 0 with no window', async () => {
    const result = await run(['--set-pin', '482913'])
    expect(result.code).toBe(0)
    expect(result.output).toContain('The staff PIN is set.')
    expect(result.windows).toEqual([])
    expect(existsSync(dataFolder)).toBe(true)
  })

  it.each([[['--set-pin', '12']], [['--since', '2026-01-01']], [['--export', exportFolder, '--format', 'xml']]])(
    'a usage error (%j) prints how to use it, exits 2 and opens no window',
    async (args) => {
      const result = await run(args)
      expect(result.code).toBe(2)
      expect(result.output).toContain('Usage:')
      expect(result.windows).toEqual([])
    }
  )

  it.each([[['--exprot', 'D:\\x']], [['--Export', 'D:\\x']], [['--set_pin', '482913']]])(
    'an unknown option (%j) is a usage error on stderr with a suggestion: exit 2, no window, auto-start untouched',
    async (args) => {
      // Packaged, where a kiosk start would set up auto-start for the account.
      const result = await run(args, { packaged: true })
      expect(result.code).toBe(2)
      expect(result.errors).toContain('Usage:')
      expect(result.errors).toMatch(/unknown option "[^"]+": did you mean --(export|set-pin)\?/)
      expect(result.windows).toEqual([])
      expect(result.calls.some((call) => call.api === 'app.setLoginItemSettings')).toBe(false)
      expect(existsSync(join(result.folder, 'config', 'autostart'))).toBe(false)
    }
  )

  it('a packaged start with the switches the installer and Linux pass opens the kiosk and sets up auto-start', async () => {
    // Auto-start is registered only on a PC set up as a kiosk, i.e. with a staff PIN.
    await setUpAsKiosk(dataFolder)
    const kiosk = await startMain({
      args: ['--updated', '--no-sandbox'],
      packaged: true,
      environment: { KIOSK_DATA_DIR: dataFolder }
    })
    started.push(kiosk)
    await waitForCalls(kiosk, (calls) => calls.some((call) => call.api === 'new BrowserWindow'), 'the window')
    const home = kiosk.folder
    await waitForCalls(
      kiosk,
      () =>
        process.platform === 'linux'
          ? existsSync(join(home, 'config', 'autostart', 'waiting-room-kiosk.desktop'))
          : true,
      'the auto-start entry'
    )
  })

  it('a second kiosk start quits at once when another kiosk holds the lock', async () => {
    const result = await run([], { singleInstanceLockTaken: true })
    expect(result.code).toBe(0)
    expect(result.calls.some((call) => call.api === 'app.quit')).toBe(true)
    expect(result.windows).toEqual([])
  })

  it('prints the data folder it used', async () => {
    const result = await run(['--set-pin', '482913'])
    expect(result.output).toContain(`Data folder: ${dataFolder} (set by KIOSK_DATA_DIR)`)
  })

  it("prints only its own plain lines, not the log's timestamped copy of them", async () => {
    const result = await run(['--set-pin', '482913'])
    expect(result.output.match(/Data folder:/g)).toHaveLength(1)
    expect(result.output).not.toMatch(/\[\d{4}-\d{2}-\d{2} [\d:.]+\] \[info\]/)
  })

  it('a relative KIOSK_DATA_DIR is refused with a clear message, and the next folder is used instead', async () => {
    const result = await run(['--set-pin', '482913'], { environment: { KIOSK_DATA_DIR: 'relative/data' } })
    expect(result.code).toBe(0)
    expect(result.output).toContain('KIOSK_DATA_DIR "relative/data" is not a full path')
    expect(result.output).toMatch(/Data folder: \S+/)
    expect(result.output).not.toContain('Path must be absolute')
  })
})
