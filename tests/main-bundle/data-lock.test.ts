import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMain, type MainProcess } from './main-process'

let dataFolder: string
let exportFolder: string
const started: MainProcess[] = []

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'kiosk-lock-data-'))
  exportFolder = await mkdtemp(join(tmpdir(), 'kiosk-lock-export-'))
})

afterEach(async () => {
  for (const main of started.splice(0)) await main.stop()
  await rm(dataFolder, { recursive: true, force: true })
  await rm(exportFolder, { recursive: true, force: true })
})

/** A lock as a kiosk of another Windows account would leave it: held by a live process (this test runner). */
const heldByAnotherKiosk = () =>
  writeFile(
    join(dataFolder, 'kiosk.lock'),
    JSON.stringify({ pid: process.pid, role: 'kiosk', since: new Date().toISOString() })
  )

async function run(args: string[]) {
  const main = await startMain({ args, environment: { KIOSK_DATA_DIR: dataFolder } })
  started.push(main)
  const code = await main.exited
  const calls = await main.calls()
  return { code, output: main.output(), windows: calls.filter((call) => call.api === 'new BrowserWindow') }
}

// The single-instance lock sees one Windows session only; the lock file in the data folder sees every writer.
describe('the data folder lock of the built main bundle', () => {
  it('--set-pin refuses, exit 1, while another account’s kiosk holds the data folder', async () => {
    await heldByAnotherKiosk()
    const result = await run(['--set-pin', '482913'])
    expect(result.code).toBe(1)
    expect(result.output).toContain(
      `The data folder ${dataFolder} is in use by the kiosk itself (process ${process.pid}`
    )
    expect(existsSync(join(dataFolder, 'staff.json'))).toBe(false)
  })

  it('--export goes on without marking anything, and says why', async () => {
    await heldByAnotherKiosk()
    const result = await run(['--export', exportFolder])
    expect(result.code).toBe(0)
    expect(result.output).toContain('is in use by the kiosk itself')
    expect(result.output).toContain('Exported 0 records')
    expect(result.windows).toEqual([])
  })

  it('a kiosk start does not open a window on a data folder another kiosk holds', async () => {
    await heldByAnotherKiosk()
    const result = await run([])
    expect(result.code).toBe(1)
    expect(result.windows).toEqual([])
  })

  it('takes over a lock left by a process that has ended, and leaves none behind when done', async () => {
    await writeFile(
      join(dataFolder, 'kiosk.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, role: 'kiosk', since: new Date().toISOString() })
    )
    const result = await run(['--set-pin', '482913'])
    expect(result.code).toBe(0)
    expect(existsSync(join(dataFolder, 'kiosk.lock'))).toBe(false)
  })

  it('the kiosk holds the lock while it runs, so a --set-pin of another session is refused', async () => {
    const kiosk = await startMain({ environment: { KIOSK_DATA_DIR: dataFolder } })
    started.push(kiosk)
    // The lock is taken before the data folder is opened, long before the window: wait for it, not a fixed time.
    for (let waited = 0; waited < 600 && !existsSync(join(dataFolder, 'kiosk.lock')); waited += 1)
      await new Promise((done) => setTimeout(done, 100))
    expect(existsSync(join(dataFolder, 'kiosk.lock'))).toBe(true)
    expect((await run(['--set-pin', '482913'])).code).toBe(1)
  }, 90_000)
})
