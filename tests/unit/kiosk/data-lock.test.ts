import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dataLockName, type DataLockProbes, takeDataLock, waitForDataLock } from '../../../src/main/kiosk/data-lock'

// The single-instance lock sees only the same Windows session: the lock file is what keeps an --export run as
// SYSTEM, or from another account, from writing the month files while the kiosk does.
describe('data folder lock', () => {
  let folder: string
  const running = new Set<number>()
  const probes = (pid: number, at = '2026-12-07T10:00:00.000Z'): DataLockProbes => ({
    pid,
    now: () => new Date(at),
    isAlive: (other) => running.has(other),
    bootedAt: new Date('2026-12-07T06:00:00.000Z')
  })
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-lock-'))
    running.clear()
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('lets one writer in and tells the next who holds the folder, since when and what to do', () => {
    running.add(100)
    const kiosk = takeDataLock(folder, 'kiosk', probes(100))
    expect(kiosk.ok).toBe(true)
    const exported = takeDataLock(folder, 'export', probes(200))
    expect(exported).toMatchObject({ ok: false, holder: { pid: 100, role: 'kiosk' } })
    if (exported.ok) return
    expect(exported.message).toContain(
      `The data folder ${folder} is in use by the kiosk itself (process 100, since 2026-12-07 10:00 UTC)`
    )
    expect(exported.message).toContain('close the kiosk first')
  })

  it('is free again once released, and a release never removes a later writer’s lock', () => {
    running.add(100).add(200)
    const first = takeDataLock(folder, 'export', probes(100))
    if (!first.ok) throw new Error('not taken')
    first.release()
    expect(existsSync(join(folder, dataLockName))).toBe(false)
    const second = takeDataLock(folder, 'set-pin', probes(200))
    expect(second.ok).toBe(true)
    first.release()
    expect(takeDataLock(folder, 'kiosk', probes(300))).toMatchObject({ ok: false, holder: { pid: 200 } })
  })

  it('takes over a lock whose process no longer runs', () => {
    running.add(100)
    expect(takeDataLock(folder, 'kiosk', probes(100)).ok).toBe(true)
    running.delete(100)
    expect(takeDataLock(folder, 'export', probes(200)).ok).toBe(true)
  })

  it('takes over a lock written before the PC last started, even if its process id is in use again', () => {
    running.add(100)
    expect(takeDataLock(folder, 'kiosk', probes(100, '2026-12-06T18:00:00.000Z')).ok).toBe(true)
    expect(takeDataLock(folder, 'kiosk', probes(200)).ok).toBe(true)
  })

  it.each([
    ['empty', ''],
    ['not JSON', 'kiosk 100'],
    ['a wrong role', '{"pid":100,"role":"admin","since":"2026-12-07T09:00:00.000Z"}'],
    ['a negative pid', '{"pid":-1,"role":"kiosk","since":"2026-12-07T09:00:00.000Z"}'],
    ['a bad date', '{"pid":100,"role":"kiosk","since":"soon"}'],
    ['far too long', 'x'.repeat(100_000)]
  ])('takes over a damaged lock file (%s)', async (_name, text) => {
    running.add(100)
    await writeFile(join(folder, dataLockName), text)
    const taken = takeDataLock(folder, 'export', probes(200))
    expect(taken.ok).toBe(true)
    expect(JSON.parse(await readFile(join(folder, dataLockName), 'utf8'))).toMatchObject({ pid: 200, role: 'export' })
  })

  it('makes the data folder when it does not exist yet (the first start)', () => {
    const fresh = join(folder, 'new', 'data')
    expect(takeDataLock(fresh, 'kiosk', probes(100)).ok).toBe(true)
    expect(existsSync(join(fresh, dataLockName))).toBe(true)
  })

  it('lets the kiosk wait for a command-line export to finish, but not for another kiosk', async () => {
    running.add(100)
    const exporting = takeDataLock(folder, 'export', probes(100))
    if (!exporting.ok) throw new Error('not taken')
    const slept: number[] = []
    const sleep = async (ms: number) => {
      slept.push(ms)
      if (slept.length === 2) exporting.release()
    }
    expect((await waitForDataLock(folder, probes(200), { tries: 10, waitMs: 2000, sleep })).ok).toBe(true)
    expect(slept).toEqual([2000, 2000])

    slept.length = 0
    running.add(200).add(300)
    const otherKiosk = await waitForDataLock(folder, probes(300), { tries: 10, waitMs: 2000, sleep })
    expect(otherKiosk).toMatchObject({ ok: false, holder: { pid: 200, role: 'kiosk' } })
    expect(slept).toEqual([])
  })

  it('gives up after its tries when the export never ends, and says who holds the folder', async () => {
    running.add(100)
    expect(takeDataLock(folder, 'export', probes(100)).ok).toBe(true)
    const outcome = await waitForDataLock(folder, probes(200), { tries: 3, waitMs: 1, sleep: async () => {} })
    expect(outcome).toMatchObject({ ok: false, holder: { role: 'export' } })
  })
})
