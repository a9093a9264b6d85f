import { describe, expect, it } from 'vitest'
import { parseCliArguments } from '../../../src/main/cli/cli-arguments'
import { parseLinuxMounts, parseMacVolumes, parseWindowsDrives } from '../../../src/main/export/drives'
import { nextDailyRun, retryAt } from '../../../src/main/kiosk/schedule'

describe('removable drives', () => {
  it('reads Windows removable disks by their names', () => {
    expect(parseWindowsDrives('{"DeviceID":"E:","VolumeName":"KINGSTON"}')).toEqual([
      { label: 'KINGSTON (E:)', path: 'E:\\' }
    ])
    expect(
      parseWindowsDrives('[{"DeviceID":"E:","VolumeName":""},{"DeviceID":"F:","VolumeName":"Clinic USB"}]')
    ).toEqual([
      { label: 'USB drive (E:)', path: 'E:\\' },
      { label: 'Clinic USB (F:)', path: 'F:\\' }
    ])
    expect(parseWindowsDrives('')).toEqual([])
  })

  it('reads Linux media mounts, names with spaces included, and ignores the rest', () => {
    const mounts = [
      '/dev/nvme0n1p2 / ext4 rw 0 0',
      'tmpfs /run tmpfs rw 0 0',
      '/dev/sdb1 /media/kiosk/CLINIC\\040USB vfat rw 0 0',
      '/dev/sdc1 /run/media/staff/SANDISK exfat rw 0 0'
    ].join('\n')
    expect(parseLinuxMounts(mounts)).toEqual([
      { label: 'CLINIC USB', path: '/media/kiosk/CLINIC USB' },
      { label: 'SANDISK', path: '/run/media/staff/SANDISK' }
    ])
  })

  it('lists Mac volumes other than the start-up disk', () => {
    expect(
      parseMacVolumes([
        { name: 'Macintosh HD', isSymbolicLink: true },
        { name: 'USB STICK', isSymbolicLink: false },
        { name: '.timemachine', isSymbolicLink: false }
      ])
    ).toEqual([{ label: 'USB STICK', path: '/Volumes/USB STICK' }])
  })
})

describe('command line', () => {
  it('starts the kiosk as usual with no flag of its own, whatever Chromium flags there are', () => {
    expect(parseCliArguments(['--no-sandbox', '.'])).toEqual({ kind: 'none' })
  })

  it('reads an export with its folder, format and start date', () => {
    expect(parseCliArguments(['--export', 'D:\\exports', '--format', 'json', '--since', '2026-11-01'])).toEqual({
      kind: 'export',
      folder: 'D:\\exports',
      format: 'json',
      since: new Date(2026, 10, 1),
      all: false
    })
    expect(parseCliArguments(['--export=/mnt/share'])).toEqual({
      kind: 'export',
      folder: '/mnt/share',
      format: 'csv',
      since: null,
      all: false
    })
  })

  it.each([
    [['--export'], '--export needs a folder'],
    [['--export', '--format', 'csv'], '--export needs a folder'],
    [['--export', 'x', '--format', 'xlsx'], '--format must be csv or json'],
    [['--export', 'x', '--since', '2026-02-30'], '--since must be a date'],
    [['--export', 'x', '--since', 'yesterday'], '--since must be a date'],
    [['--since', '2026-01-01'], 'go with --export'],
    [['--all'], 'go with --export'],
    [['--export', 'x', '--all', '--since', '2026-01-01'], '--all and --since cannot go together'],
    [['--set-pin', '12'], '--set-pin needs a PIN']
  ])('explains what is wrong with %j', (argv, message) => {
    const command = parseCliArguments(argv)
    expect(command.kind).toBe('error')
    expect(command.kind === 'error' && command.message).toContain(message)
  })

  it('reads a new PIN for IT', () => {
    expect(parseCliArguments(['--set-pin', '482913'])).toEqual({ kind: 'set-pin', pin: '482913' })
  })
})

describe('schedule', () => {
  it('runs today when the time is still ahead, otherwise tomorrow', () => {
    const morning = new Date(2026, 10, 24, 9, 30)
    expect(nextDailyRun(morning, '18:00')).toEqual(new Date(2026, 10, 24, 18, 0))
    expect(nextDailyRun(morning, '09:30')).toEqual(new Date(2026, 10, 25, 9, 30))
    expect(nextDailyRun(new Date(2026, 11, 31, 23, 0), '06:15')).toEqual(new Date(2027, 0, 1, 6, 15))
    expect(() => nextDailyRun(morning, '25:00')).toThrow('HH:MM')
  })

  it('retries every 15 minutes until the next regular run', () => {
    const now = new Date(2026, 10, 24, 18, 0)
    expect(retryAt(now, new Date(2026, 10, 25, 18, 0))).toEqual(new Date(2026, 10, 24, 18, 15))
    expect(retryAt(new Date(2026, 10, 25, 17, 50), new Date(2026, 10, 25, 18, 0))).toBeNull()
  })
})
