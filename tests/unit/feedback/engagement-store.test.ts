import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngagementIncrement } from '../../../src/shared/engagement'
import { EngagementStore } from '../../../src/main/feedback/engagement-store'
import { openElectronStore } from '../support/open-json-file'

vi.mock('electron', () => ({ default: {} }))

/** One visit to hand-washing that read two sections. */
const visit = (overrides: Partial<EngagementIncrement> = {}): EngagementIncrement => ({
  articleId: 'hand-washing',
  visits: 1,
  finished: 0,
  feedback: 0,
  sections: [
    { sectionId: 'why', reached: 1, shown: 2, time: [1, 1, 0, 0] },
    { sectionId: 'how', reached: 1, shown: 1, time: [0, 0, 0, 1] }
  ],
  ...overrides
})

describe('engagement store', () => {
  // The clinic is in New York: its day ends at 05:00 UTC in winter, not at midnight UTC.
  const zone = process.env['TZ']
  beforeAll(() => {
    process.env['TZ'] = 'America/New_York'
  })
  afterAll(() => {
    if (zone === undefined) delete process.env['TZ']
    else process.env['TZ'] = zone
  })

  let folder: string
  let clock: Date
  let errors: string[]
  const open = () =>
    new EngagementStore(
      folder,
      openElectronStore,
      () => clock,
      (message) => errors.push(message)
    )
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-engagement-'))
    clock = new Date('2026-11-25T04:30:00.000Z')
    errors = []
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it("files a visit under the clinic's local day: 23:30 in New York is still the day before in UTC terms", () => {
    const store = open()
    store.add(visit())
    clock = new Date('2026-11-25T05:30:00.000Z')
    store.add(visit({ finished: 1 }))
    expect(store.days().map(({ day, articles }) => [day, articles['hand-washing']?.visits])).toEqual([
      ['2026-11-24', 1],
      ['2026-11-25', 1]
    ])
  })

  it('adds visits up per day, article and section, and keeps only those sums on disk', async () => {
    const store = open()
    store.add(visit())
    store.add(
      visit({ visits: 0, feedback: 1, sections: [{ sectionId: 'how', reached: 0, shown: 1, time: [1, 0, 0, 0] }] })
    )
    const [day] = store.days()
    expect(day?.articles['hand-washing']).toEqual({
      visits: 1,
      finished: 0,
      feedback: 1,
      sections: {
        why: { reached: 1, shown: 2, time: [1, 1, 0, 0] },
        how: { reached: 1, shown: 2, time: [1, 0, 0, 1] }
      }
    })
    // Another store over the same folder (a restart) finds the same, and the file holds days and sums only.
    expect(open().days()).toEqual(store.days())
    const file = JSON.parse(await readFile(join(folder, 'engagement-2026-11.json'), 'utf8')) as Record<string, unknown>
    expect(Object.keys(file).sort()).toEqual(['__internal__', 'days', 'exportedDays'])
    expect(JSON.stringify(file)).not.toMatch(/T\d{2}:\d{2}/)
  })

  it('marks only days that are over as exported: today still grows and goes into the next export again', () => {
    const store = open()
    store.add(visit())
    clock = new Date('2026-11-26T15:00:00.000Z')
    store.add(visit())
    store.markExported(['2026-11-24', '2026-11-26'])
    expect(store.days().map(({ day, exported }) => [day, exported])).toEqual([
      ['2026-11-24', true],
      ['2026-11-26', false]
    ])
  })

  it('retention removes exported days before the cut-off, keeps and counts unexported ones, and empty months go', async () => {
    const store = open()
    clock = new Date('2026-09-10T15:00:00.000Z')
    store.add(visit())
    clock = new Date('2026-09-11T15:00:00.000Z')
    store.add(visit())
    clock = new Date('2026-10-02T15:00:00.000Z')
    store.add(visit())
    clock = new Date('2026-11-20T15:00:00.000Z')
    store.markExported(['2026-09-10', '2026-10-02'])
    expect(store.applyRetention('2026-11-01')).toEqual({ removed: 2, waitingForExport: 1 })
    expect(store.days().map(({ day }) => day)).toEqual(['2026-09-11'])
    expect((await readdir(folder)).sort()).toEqual(['engagement-2026-09.json'])
    // The day kept waits for an export; once in one, it goes.
    store.markExported(['2026-09-11'])
    expect(store.applyRetention('2026-11-01')).toEqual({ removed: 1, waitingForExport: 0 })
    expect(store.days()).toEqual([])
  })

  it('keeps a damaged month file aside and counts on in a fresh one, telling IT', async () => {
    await writeFile(join(folder, 'engagement-2026-11.json'), '{"days": {"2026-11-24": ')
    const store = open()
    store.add(visit())
    expect(store.days()).toHaveLength(1)
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toHaveLength(1)
    expect(errors).toEqual(['engagement-2026-11.json was damaged'])
  })
})
