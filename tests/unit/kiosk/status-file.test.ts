import * as nodeFs from 'node:fs/promises'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskCore } from '../../../src/main/kiosk/kiosk-core'
import {
  type KioskStatus,
  statusEveryMilliseconds,
  statusRetryMilliseconds,
  type StatusFs,
  StatusWriter,
  writeStatusFile
} from '../../../src/main/kiosk/status-file'
import { feedbackRecord } from '../support/records'
import { startTestCore } from '../support/test-core'

vi.mock('electron', () => ({ default: {} }))

/** Timers that run only when the test says so: the status writer's next write is one call away. */
function manualTimers() {
  const pending: Array<{ run: () => void; milliseconds: number }> = []
  return {
    pending,
    timers: {
      setTimeout: (run: () => void, milliseconds: number) => {
        const entry = { run, milliseconds }
        pending.push(entry)
        return entry
      },
      clearTimeout: (handle: unknown) => {
        const index = pending.indexOf(handle as (typeof pending)[number])
        if (index >= 0) pending.splice(index, 1)
      }
    },
    /** Runs the one timer waiting, and says after how long it was due. */
    next(): number {
      const entry = pending.shift()
      if (!entry) throw new Error('no timer is waiting')
      entry.run()
      return entry.milliseconds
    }
  }
}

describe('status file', () => {
  let data: string
  let shared: string
  let core: KioskCore
  const clock = new Date('2026-11-24T15:00:00.000Z')
  beforeEach(async () => {
    data = await mkdtemp(join(tmpdir(), 'kiosk-status-data-'))
    shared = await mkdtemp(join(tmpdir(), 'kiosk-status-share-'))
    core = await startTestCore(data, { stationLabel: 'Room 2 / east', statusFolder: shared }, { now: () => clock })
    for (const [index, day] of [20, 21, 22].entries())
      await core.feedbackStore.append(
        feedbackRecord({
          station: 'Room 2 / east',
          comment: index === 0 ? 'Very clear, thank you' : null,
          time: `2026-11-${day}T10:00:00.000Z`
        })
      )
  })
  afterEach(async () => {
    await rm(data, { recursive: true, force: true })
    await rm(shared, { recursive: true, force: true })
  })

  const writer = (timers: ReturnType<typeof manualTimers>['timers'], folder = shared, fs?: StatusFs) => {
    const errors: string[] = []
    const status = new StatusWriter({
      folder,
      status: () => core.staff.kioskStatus(),
      timers,
      now: () => clock,
      onState: (state) => core.staff.noteStatusFolder(state),
      logError: (message) => errors.push(message),
      fs
    })
    return { status, errors }
  }

  it("says the kiosk shows the content folder's last good copy when the folder is away, and since when", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-status-content-'))
    await cp(join(import.meta.dirname, '../../fixtures/content/table'), folder, { recursive: true })
    const settings = { stationLabel: 'Room 2 / east', statusFolder: shared, contentFolder: folder }
    const reading = await startTestCore(data, settings, { now: () => clock })
    expect((await reading.staff.kioskStatus()).content).toMatchObject({ source: 'folder' })
    reading.stop()
    await rm(folder, { recursive: true, force: true })
    const later = new Date(clock.getTime() + 3_600_000)
    const away = await startTestCore(data, settings, { now: () => later })
    expect((await away.staff.kioskStatus()).content).toMatchObject({
      source: 'last-good-copy',
      since: clock.toISOString()
    })
    away.stop()
  })

  it('is written at start with how the kiosk stands, and nothing about a patient, then every 5 minutes', async () => {
    const clockwork = manualTimers()
    await writer(clockwork.timers).status.start()
    expect(await readdir(shared)).toEqual(['Room-2-east-211c7dd4.status.json'])
    const text = await readFile(join(shared, 'Room-2-east-211c7dd4.status.json'), 'utf8')
    const status = JSON.parse(text) as KioskStatus
    expect(status).toMatchObject({
      format: 'waiting-room-kiosk-status',
      version: 1,
      writtenAt: clock.toISOString(),
      station: 'Room 2 / east',
      appVersion: '0.1.0',
      content: { source: 'bundled' },
      records: { held: 3, notExported: 3 },
      lastExport: null,
      lastScheduledExport: null,
      recentErrors: 0,
      clinicHours: 'not-set',
      everyMinutes: 5
    })
    expect(status.content.version).toMatch(/^[0-9a-f]{12}$/)
    // No record, comment, article or id of any kind.
    const records = (await core.feedbackStore.read()).records
    for (const record of records) expect(text).not.toContain(record.id)
    expect(text).not.toContain('Very clear')
    expect(text).not.toMatch(/articleId|comment|rating/)
    expect(clockwork.pending.map((entry) => entry.milliseconds)).toEqual([statusEveryMilliseconds])

    // Five minutes on, after an export, the same file says so.
    await core.staff.exportTo(shared, 'share', 'csv', [...records], { kind: 'all' })
    clockwork.next()
    await vi.waitFor(async () => {
      const again = JSON.parse(await readFile(join(shared, 'Room-2-east-211c7dd4.status.json'), 'utf8')) as KioskStatus
      expect(again.records).toEqual({ held: 3, notExported: 0 })
      expect(again.lastExport?.records).toBe(3)
    })
  })

  it('replaces the last status whole: a write that breaks off leaves the previous file and no partial one', async () => {
    const first = await core.staff.kioskStatus()
    await writeStatusFile(shared, first)
    const before = await readFile(join(shared, 'Room-2-east-211c7dd4.status.json'), 'utf8')
    // The share goes away halfway through writing: half the text is on the drive, then the write fails.
    const breaking: StatusFs = {
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        const handle = await nodeFs.open(path, flags)
        return Object.assign(handle, {
          writeFile: async (text: string) => {
            await nodeFs.writeFile(path, text.slice(0, text.length / 2))
            throw Object.assign(new Error('the network name is no longer available'), { code: 'ENETUNREACH' })
          }
        })
      }) as StatusFs['open']
    }
    await expect(writeStatusFile(shared, { ...first, uptimeSeconds: 99_999 }, breaking)).rejects.toThrow(/network/)
    expect(await readdir(shared)).toEqual(['Room-2-east-211c7dd4.status.json'])
    expect(await readFile(join(shared, 'Room-2-east-211c7dd4.status.json'), 'utf8')).toBe(before)
  })

  it('retries an unreachable folder every minute, logs it once, shows it in data health, and carries on', async () => {
    const away = join(shared, 'not-yet')
    const clockwork = manualTimers()
    const { status, errors } = writer(clockwork.timers, away)
    await status.start()
    expect(errors).toEqual([`status file could not be written to ${away}`])
    expect((await core.staff.health(3)).statusFolder).toEqual({ folder: away, lastWritten: null, problem: 'ENOENT' })
    expect(clockwork.next()).toBe(statusRetryMilliseconds)
    await vi.waitFor(() => expect(clockwork.pending).toHaveLength(1))
    // Still away: tried again quietly.
    expect(errors).toHaveLength(1)

    await mkdir(away)
    expect(clockwork.next()).toBe(statusRetryMilliseconds)
    await vi.waitFor(async () => expect(await readdir(away)).toEqual(['Room-2-east-211c7dd4.status.json']))
    await vi.waitFor(() =>
      expect(clockwork.pending.map((entry) => entry.milliseconds)).toEqual([statusEveryMilliseconds])
    )
    expect((await core.staff.health(3)).statusFolder).toEqual({
      folder: away,
      lastWritten: clock.toISOString(),
      problem: null
    })
    status.stop()
    expect(clockwork.pending).toEqual([])
  })

  it('is not written, and not in data health, without a statusFolder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-status-none-'))
    const plain = await startTestCore(folder, {})
    expect((await plain.staff.health(0)).statusFolder).toBeNull()
    await rm(folder, { recursive: true, force: true })
    await writeFile(join(shared, 'other.txt'), 'x')
    expect(await readdir(shared)).toEqual(['other.txt'])
  })
})
