import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseCliArguments } from '../../../src/main/cli/cli-arguments'
import { runFleetReport } from '../../../src/main/cli/fleet-command'

// IT points --out at a reports folder of its own choosing, often one that a script has not made yet.
describe('--report --out', () => {
  let shared: string
  let out: string
  beforeEach(async () => {
    shared = await mkdtemp(join(tmpdir(), 'kiosk-report-share-'))
    out = await mkdtemp(join(tmpdir(), 'kiosk-report-out-'))
  })
  afterEach(async () => {
    await rm(shared, { recursive: true, force: true })
    await rm(out, { recursive: true, force: true })
  })

  it('makes the folder of the report file when it does not exist yet', async () => {
    const lines: string[] = []
    const file = join(out, 'reports', 'december', 'fleet.html')
    expect(await runFleetReport(shared, file, (line) => lines.push(line))).toBe(0)
    expect((await stat(file)).isFile()).toBe(true)
    expect(lines[0]).toContain('Fleet report written')
  })

  it('still fails with exit code 1 and a sentence when the report cannot be written there', async () => {
    const lines: string[] = []
    const blocker = join(out, 'taken')
    await runFleetReport(shared, blocker, () => {})
    // A file stands where the folder would have to be.
    expect(await runFleetReport(shared, join(blocker, 'fleet.html'), (line) => lines.push(line))).toBe(1)
    expect(lines.at(-1)).toContain('The fleet report could not be written')
  })

  it('takes each value after "=" as README says, for every option that has one', () => {
    expect(parseCliArguments(['--report=\\\\server\\exports', '--out=D:\\Reports\\fleet.html'])).toEqual({
      kind: 'report',
      folder: '\\\\server\\exports',
      out: 'D:\\Reports\\fleet.html'
    })
    expect(parseCliArguments(['--export=E:\\', '--format=json', '--since=2026-11-01'])).toMatchObject({
      kind: 'export',
      folder: 'E:\\',
      format: 'json'
    })
    expect(parseCliArguments(['--check-content=D:\\Content'])).toEqual({ kind: 'check-content', folder: 'D:\\Content' })
    expect(parseCliArguments(['--set-pin=482913'])).toEqual({ kind: 'set-pin', pin: '482913' })
  })
})
