import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultConfig } from '../../../src/shared/config'
import { BackgroundWork } from '../../../src/main/kiosk/background-work'
import { exitCodes, runCli } from '../../../src/main/cli/cli'
import { parseCliArguments } from '../../../src/main/cli/cli-arguments'
import type { KioskCore } from '../../../src/main/kiosk/kiosk-core'
import type { StaffService } from '../../../src/main/staff/staff-service'
import { feedbackRecord } from '../support/records'
import { startTestCore } from '../support/test-core'

vi.mock('electron', () => ({ default: {} }))

const timers = {
  setTimeout: (run: () => void, milliseconds: number) => setTimeout(run, milliseconds),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

describe('background work', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date(2026, 10, 24, 9, 0))
  })
  afterEach(() => vi.useRealTimers())

  function staffDouble(results: boolean[], lastRun: Date | null = new Date()) {
    return {
      applyRetention: vi.fn(async () => {}),
      scheduledExport: vi.fn(async () => results.shift() ?? true),
      lastScheduledExportAt: () => lastRun
    }
  }

  it('applies retention at start and then once a day', async () => {
    const staff = staffDouble([])
    const work = new BackgroundWork(
      staff as unknown as StaffService,
      defaultConfig(),
      timers,
      () => new Date(),
      () => {}
    )
    work.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(staff.applyRetention).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(86_400_000)
    expect(staff.applyRetention).toHaveBeenCalledTimes(2)
    work.stop()
  })

  it('exports at the scheduled time, retries every 15 minutes after a failure, then keeps the daily time', async () => {
    const staff = staffDouble([false, false, true, true])
    const config = {
      ...defaultConfig(),
      scheduledExport: { folder: '/mnt/usb', time: '18:00', format: 'csv' as const, report: false }
    }
    const work = new BackgroundWork(
      staff as unknown as StaffService,
      config,
      timers,
      () => new Date(),
      () => {}
    )
    work.start()
    await vi.advanceTimersByTimeAsync(9 * 3_600_000 - 1)
    expect(staff.scheduledExport).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(staff.scheduledExport).toHaveBeenCalledWith('/mnt/usb', 'csv', false)
    await vi.advanceTimersByTimeAsync(15 * 60_000)
    expect(staff.scheduledExport).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(15 * 60_000)
    expect(staff.scheduledExport).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(15 * 60_000)
    expect(staff.scheduledExport).toHaveBeenCalledTimes(3)
    expect(new Date().getHours()).toBe(18)
    await vi.advanceTimersByTimeAsync(24 * 3_600_000 - 45 * 60_000)
    expect(staff.scheduledExport).toHaveBeenCalledTimes(4)
    work.stop()
  })

  it('catches up a minute after start on a scheduled export missed while the PC was off', async () => {
    const staff = staffDouble([], new Date(2026, 10, 22, 18, 0))
    const config = {
      ...defaultConfig(),
      scheduledExport: { folder: '/mnt/usb', time: '18:00', format: 'csv' as const, report: false }
    }
    const work = new BackgroundWork(
      staff as unknown as StaffService,
      config,
      timers,
      () => new Date(),
      () => {}
    )
    work.start()
    await vi.advanceTimersByTimeAsync(59_999)
    expect(staff.scheduledExport).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(staff.scheduledExport).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(9 * 3_600_000)
    expect(staff.scheduledExport).toHaveBeenCalledTimes(2)
    work.stop()
  })

  it('reloads the screen every night at the soft-restart time', async () => {
    const reload = vi.fn()
    const config = { ...defaultConfig(), softRestartTime: '03:30' }
    const work = new BackgroundWork(
      staffDouble([]) as unknown as StaffService,
      config,
      timers,
      () => new Date(),
      () => {},
      reload
    )
    work.start()
    await vi.advanceTimersByTimeAsync(18.5 * 3_600_000 - 1)
    expect(reload).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(reload).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(reload).toHaveBeenCalledTimes(2)
    work.stop()
  })

  it('leaves no timer behind when stopped', () => {
    const config = {
      ...defaultConfig(),
      scheduledExport: { folder: '/x', time: '18:00', format: 'csv' as const, report: false }
    }
    const work = new BackgroundWork(
      staffDouble([]) as unknown as StaffService,
      config,
      timers,
      () => new Date(),
      () => {}
    )
    work.start()
    work.stop()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('command line for IT', () => {
  let data: string
  let out: string
  let core: KioskCore
  const lines: string[] = []
  const print = (line: string) => lines.push(line)

  beforeEach(async () => {
    lines.length = 0
    data = await mkdtemp(join(tmpdir(), 'kiosk-cli-data-'))
    out = await mkdtemp(join(tmpdir(), 'kiosk-cli-out-'))
    core = await startTestCore(data, { stationLabel: 'Front' })
    for (const day of ['2026-10-30', '2026-11-02', '2026-11-03']) {
      await core.feedbackStore.append(feedbackRecord({ rating: 2, station: 'Front', time: `${day}T08:00:00.000Z` }))
    }
  })
  afterEach(async () => {
    await rm(data, { recursive: true, force: true })
    await rm(out, { recursive: true, force: true })
  })

  const run = (argv: string[], ownsData = true) => {
    const command = parseCliArguments(argv)
    if (command.kind === 'none') throw new Error('no command')
    return runCli(command, async () => core, ownsData, print)
  }

  it('exports records since a date, verified, marks them exported, and exits 0', async () => {
    expect(await run(['--export', out, '--since', '2026-11-01'])).toBe(exitCodes.ok)
    expect((await readdir(out)).sort()).toEqual([
      'feedback_Front-a6175902_2026-11-02_2026-11-03.csv',
      'feedback_Front-a6175902_2026-11-02_2026-11-03.csv.manifest.json'
    ])
    expect(lines.at(-1)).toContain('Exported 2 records')
    expect(await core.feedbackStore.unexportedRecords()).toHaveLength(1)
  })

  it('exports without marking while the kiosk is running, and says so', async () => {
    expect(await run(['--export', out, '--format', 'json'], false)).toBe(exitCodes.ok)
    expect(await core.feedbackStore.unexportedRecords()).toHaveLength(3)
    expect(lines.at(-1)).toContain('not marked as exported')
  })

  it('exits 1 with the reason when the folder is missing', async () => {
    expect(await run(['--export', join(out, 'missing')])).toBe(exitCodes.failed)
    expect(lines[0]).toContain('folder-missing')
  })

  it('exits 2 with usage on a mistake', async () => {
    expect(await run(['--export', out, '--format', 'xls'])).toBe(exitCodes.usage)
    expect(lines[0]).toContain('Usage:')
  })

  it('sets the staff PIN, but not while the kiosk is running', async () => {
    expect(await run(['--set-pin', '97531'], false)).toBe(exitCodes.failed)
    expect(await run(['--set-pin', '97531'])).toBe(exitCodes.ok)
    expect(await core.staffAuth.unlock('97531')).toEqual({ ok: true })
  })
})
