import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setUpAsKiosk, startMain, type MainProcess, type StartOptions } from './main-process'

const repository = resolve(import.meta.dirname, '../..')
const contentFolder = join(repository, 'tests/fixtures/content/playlist')

let dataFolder: string
let shares: string
const started: MainProcess[] = []

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-self-test-data-'))
  shares = await mkdtemp(join(tmpdir(), 'kiosk-self-test-shares-'))
  await mkdir(join(shares, 'exports'))
  await mkdir(join(shares, 'status'))
  // An installed kiosk has its PIN (A5); the self-test checks that too.
  await setUpAsKiosk(dataFolder)
})

afterEach(async () => {
  for (const main of started.splice(0)) await main.stop()
  await rm(dataFolder, { recursive: true, force: true })
  await rm(shares, { recursive: true, force: true })
})

/** Every file and folder under a folder with its modification time, to show a run left it as it was. */
async function snapshot(folder: string): Promise<Record<string, number>> {
  const entries: Record<string, number> = { '.': (await stat(folder)).mtimeMs }
  for (const name of await readdir(folder, { recursive: true }))
    entries[name] = (await stat(join(folder, name))).mtimeMs
  return entries
}

async function selfTest(config: Record<string, unknown>, options: StartOptions = {}) {
  await writeFile(join(dataFolder, 'config.json'), JSON.stringify(config))
  const before = await snapshot(dataFolder)
  const main = await startMain({
    args: ['--self-test'],
    packaged: true,
    environment: { KIOSK_DATA_DIR: dataFolder },
    ...options
  })
  started.push(main)
  const code = await main.exited
  const calls = await main.calls()
  const windows = calls.filter((call) => call.api === 'new BrowserWindow').length
  const destroyed = calls.filter((call) => call.api === 'window.destroy').length
  return { code, output: main.output(), calls, windows, destroyed, before, after: await snapshot(dataFolder), main }
}

const healthy = () => ({
  contentFolder,
  exportFolder: join(shares, 'exports'),
  statusFolder: join(shares, 'status'),
  language: 'en'
})

describe('--self-test of the built main bundle', () => {
  it('fails on a PC without a staff PIN, saying it is not locked and how to set the PIN', async () => {
    await rm(join(dataFolder, 'staff.json'))
    const result = await selfTest(healthy())
    expect(result.output).toContain(
      '✗ This PC is set up as a kiosk (a staff PIN is set): no staff PIN yet, so the kiosk opens as an ordinary window'
    )
    expect(result.code).toBe(1)
    expect(result.after).toEqual(result.before)
  })

  it('passes every check on a healthy kiosk, exits 0, closes its window and leaves the data folder as it was', async () => {
    const result = await selfTest(healthy())
    expect(result.output).not.toContain('✗')
    for (const check of [
      '✓ The window opens and loads the screen from app:// (app://kiosk/index.html)',
      '✓ The screen is served with its content security policy',
      '✓ The screen talks to the kiosk (IPC round trip) (2 articles on screen)',
      '✓ Feedback is written and read back (in a temporary folder)',
      `✓ The data folder can be written (${dataFolder})`,
      '✓ This PC is set up as a kiosk (a staff PIN is set)',
      `✓ The content folder can be reached (${contentFolder})`,
      `✓ The export folder can be reached (${join(shares, 'exports')})`,
      `✓ The status folder can be reached (${join(shares, 'status')})`,
      '✓ A display and touch are found (Built-in; touch available)',
      '✓ Read-aloud voices for each language',
      "✓ The clock's time zone",
      'Self-test passed: all 12 checks.'
    ])
      expect(result.output).toContain(check)
    expect(result.code).toBe(0)
    // The round trip went through the real preload and the registered IPC handlers.
    expect(result.calls.some((call) => call.api === 'webContents.executeJavaScript')).toBe(true)
    expect(result.windows).toBe(1)
    expect(result.destroyed).toBe(1)
    expect(result.after).toEqual(result.before)
    expect(existsSync(join(dataFolder, 'feedback'))).toBe(false)
    // Chromium's files and the log went to a temporary folder, which is gone too.
    const userData = result.calls.find((call) => call.api === 'app.setPath' && call.args[0] === 'userData')?.args[1]
    expect(userData).not.toBe(dataFolder)
    expect(existsSync(String(userData))).toBe(false)
  })

  it('names a missing export share with what to do, and exits 1', async () => {
    const away = join(shares, 'not-mounted', 'exports')
    const result = await selfTest({ ...healthy(), exportFolder: away })
    expect(result.output).toContain(
      `✗ The export folder can be reached: ${away} cannot be reached (ENOENT) — check that the share is online and this account may use it, or correct "exportFolder" in config.json`
    )
    expect(result.output).toContain('✓ The status folder can be reached')
    expect(result.output).toContain('Self-test failed: 1 of 12 checks')
    expect(result.code).toBe(1)
    expect(result.destroyed).toBe(result.windows)
    expect(result.after).toEqual(result.before)
  })

  it('fails on a missing voice and a screen without touch, saying what to install or connect', async () => {
    const result = await selfTest(
      { ...healthy(), language: 'es' },
      {
        displays: [
          {
            id: 1,
            label: 'Office',
            bounds: { x: 0, y: 0, width: 1920, height: 1080 },
            touchSupport: 'unavailable'
          }
        ],
        environment: { KIOSK_DATA_DIR: dataFolder, STAND_IN_VOICES: '["en-GB"]' }
      }
    )
    expect(result.output).toMatch(/✗ A display and touch are found: no touch screen among Office — connect/)
    expect(result.output).toMatch(/✗ Read-aloud voices for each language: no voice for es/)
    expect(result.code).toBe(1)
  })
})
