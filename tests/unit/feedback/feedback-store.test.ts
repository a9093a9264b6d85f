import * as nodeFs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FeedbackRecord } from '../../../src/shared/feedback'
import { FeedbackStore } from '../../../src/main/feedback/feedback-store'
import { feedbackDataVersion, monthFileOptions } from '../../../src/main/feedback/month-file'
import { openElectronStore } from '../support/open-json-file'
import { feedbackRecord } from '../support/records'

vi.mock('electron', () => ({ default: {} }))

const record = feedbackRecord
const sortById = (records: readonly FeedbackRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))

describe('feedback store', () => {
  let folder: string
  const now = () => new Date('2026-11-24T10:20:00.000Z')
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-feedback-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('keeps a record after the store is reopened from disk', async () => {
    const kept = record({ comment: 'Clear and kind.' })
    await new FeedbackStore(folder, openElectronStore, now).append(kept)
    expect(await new FeedbackStore(folder, openElectronStore, now).allRecords()).toEqual([kept])
  })

  it('files records by month, one store file each, across a month boundary', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const october = record({ time: '2026-10-31T23:45:00.000Z' })
    const november = record({ time: '2026-11-01T00:00:00.000Z' })
    await store.append(october)
    await store.append(november)
    expect(await store.months()).toEqual(['2026-10', '2026-11'])
    expect(await store.recordsOf('2026-10')).toEqual([october])
    expect((await readdir(folder)).filter((name) => name.startsWith('feedback-20')).sort()).toEqual([
      'feedback-2026-10.json',
      'feedback-2026-11.json'
    ])
  })

  it('stamps the data version in every file it writes', async () => {
    await new FeedbackStore(folder, openElectronStore, now).append(record())
    const written = JSON.parse(await readFile(join(folder, 'feedback-2026-11.json'), 'utf8'))
    expect(written.__internal__.migrations.version).toBe(feedbackDataVersion)
  })

  it('migrates a file written before the data version was tracked, keeping its records', async () => {
    const old = record()
    await writeFile(join(folder, 'feedback-2026-11.json'), JSON.stringify({ records: [old] }))
    const store = new FeedbackStore(folder, openElectronStore, now)
    expect(await store.allRecords()).toEqual([old])
    await store.append(record())
    const written = JSON.parse(await readFile(join(folder, 'feedback-2026-11.json'), 'utf8'))
    expect(written.__internal__.migrations.version).toBe(feedbackDataVersion)
    expect(written.records).toHaveLength(2)
  })

  it('migrates a 1.0.0 file to 1.1.0: its records are kept and none counts as exported', async () => {
    const old = record()
    await writeFile(
      join(folder, 'feedback-2026-11.json'),
      JSON.stringify({ records: [old], __internal__: { migrations: { version: '1.0.0' } } })
    )
    const store = new FeedbackStore(folder, openElectronStore, now)
    expect(await store.unexportedRecords()).toEqual([old])
    const written = JSON.parse(await readFile(join(folder, 'feedback-2026-11.json'), 'utf8'))
    expect(written).toMatchObject({ exportedIds: [], __internal__: { migrations: { version: '1.1.0' } } })
  })

  it('tells exported records from the rest, across months', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const october = record({ time: '2026-10-10T10:00:00.000Z' })
    const november = record()
    const later = record()
    for (const each of [october, november, later]) await store.append(each)
    await store.markExported(new Set([october.id, november.id]))
    expect(await store.unexportedRecords()).toEqual([later])
    expect(await new FeedbackStore(folder, openElectronStore, now).unexportedRecords()).toEqual([later])
  })

  it('removes only records that are in a verified export, whatever it is asked', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const exported = record()
    const fresh = record()
    await store.append(exported)
    await store.append(fresh)
    await store.markExported(new Set([exported.id]))
    expect(await store.removeExported(new Set([exported.id, fresh.id]))).toBe(1)
    expect(await store.allRecords()).toEqual([fresh])
  })

  it('applies retention to exported records only, and counts old ones still waiting for an export', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const oldExported = record({ time: '2025-10-01T10:00:00.000Z' })
    const oldWaiting = record({ time: '2025-10-02T10:00:00.000Z' })
    const recent = record({ time: '2026-11-01T10:00:00.000Z' })
    for (const each of [oldExported, oldWaiting, recent]) await store.append(each)
    await store.markExported(new Set([oldExported.id, recent.id]))
    expect(await store.applyRetention(new Date('2025-11-24T00:00:00.000Z'))).toEqual({
      removed: 1,
      waitingForExport: 1
    })
    expect((await store.allRecords()).map((each) => each.id)).toEqual([oldWaiting.id, recent.id])
  })

  it.each([
    ['empty', ''],
    ['truncated', '{"records":[{"id":"a","articleId":"x"'],
    ['not JSON', 'this is not json at all'],
    ['of the wrong schema', JSON.stringify({ records: [{ id: 1, rating: 'great' }] })],
    ['of the wrong shape', JSON.stringify({ records: 'lots' })]
  ])('moves an %s file aside as a backup, starts a fresh one, and records the event', async (_kind, content) => {
    await writeFile(join(folder, 'feedback-2026-11.json'), content)
    const store = new FeedbackStore(folder, openElectronStore, now)
    const fresh = record()
    await store.append(fresh)
    expect(await store.recordsOf('2026-11')).toEqual([fresh])
    const backups = (await readdir(folder)).filter((name) => name.includes('.corrupt-'))
    expect(backups).toHaveLength(1)
    expect(await readFile(join(folder, backups[0] ?? ''), 'utf8')).toBe(content)
    expect(store.recoveries()).toEqual([
      {
        file: 'feedback-2026-11.json',
        backup: backups[0],
        reason: expect.any(String),
        time: now().toISOString(),
        recovered: 0
      }
    ])
    expect(await new FeedbackStore(folder, openElectronStore, now).allRecords()).toEqual([fresh])
  })

  it('recovers a file damaged while the kiosk is running, without losing the new record', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const first = record()
    await store.append(first)
    await writeFile(join(folder, 'feedback-2026-11.json'), '{"records": [')
    const second = record()
    await store.append(second)
    expect(await store.recordsOf('2026-11')).toEqual([second])
    expect(store.recoveries()).toHaveLength(1)
  })

  it('starts a fresh list of recoveries when that file itself is damaged, and keeps working', async () => {
    await writeFile(join(folder, 'feedback-recoveries.json'), '{"recoveries": [')
    await writeFile(join(folder, 'feedback-2026-11.json'), 'garbage')
    const store = new FeedbackStore(folder, openElectronStore, now)
    await store.append(record())
    expect(store.recoveries()).toHaveLength(1)
    expect((await readdir(folder)).filter((name) => name.startsWith('feedback-recoveries.corrupt-'))).toHaveLength(1)
  })

  it('leaves a month file alone when the disk is only busy for a moment (antivirus), and reads it once free', async () => {
    await new FeedbackStore(folder, openElectronStore, now).append(record())
    let busy = 2
    const flaky = {
      ...nodeFs,
      open: (async (path: string, flags?: string) => {
        if (path.endsWith('feedback-2026-11.json') && busy-- > 0)
          throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' })
        return nodeFs.open(path, flags)
      }) as typeof nodeFs.open
    }
    const store = new FeedbackStore(folder, openElectronStore, now, Math.random, flaky)
    expect(await store.allRecords()).toHaveLength(1)
    expect(busy).toBe(-1)
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toEqual([])
  })

  it('waits out a brief lock while electron-store migrates an older file, too', async () => {
    const old = record()
    await writeFile(join(folder, 'feedback-2026-11.json'), JSON.stringify({ records: [old] }))
    let busy = 2
    const flaky: typeof openElectronStore = (cwd, name, options) => {
      if (name.startsWith('feedback-2026') && busy-- > 0)
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' })
      return openElectronStore(cwd, name, options)
    }
    expect(await new FeedbackStore(folder, flaky, now).allRecords()).toEqual([old])
    expect(busy).toBe(-1)
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toEqual([])
  })

  it('reports a disk that stays locked, and moves nothing aside', async () => {
    await new FeedbackStore(folder, openElectronStore, now).append(record())
    const locked = {
      ...nodeFs,
      open: (async (path: string, flags?: string) => {
        if (path.endsWith('feedback-2026-11.json'))
          throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' })
        return nodeFs.open(path, flags)
      }) as typeof nodeFs.open
    }
    const store = new FeedbackStore(folder, openElectronStore, now, Math.random, locked)
    await expect(store.append(record())).rejects.toThrow('EPERM')
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toEqual([])
    expect(await new FeedbackStore(folder, openElectronStore, now).allRecords()).toHaveLength(1)
  })

  it('reads every month in order while reading the next ahead, and reports the first month that cannot be read', async () => {
    const months = ['2026-08', '2026-09', '2026-10', '2026-11']
    const saved = months.map((month) => record({ time: `${month}-10T10:00:00.000Z` }))
    for (const each of saved) await new FeedbackStore(folder, openElectronStore, now).append(each)
    expect((await new FeedbackStore(folder, openElectronStore, now).read()).records).toEqual(saved)
    // Two months fail for good (not a brief lock): the earlier one is reported, the later one's error goes unheard.
    const broken = {
      ...nodeFs,
      open: (async (path: string, flags?: string) => {
        if (/feedback-2026-(09|10)\.json$/.test(path)) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })
        return nodeFs.open(path, flags)
      }) as typeof nodeFs.open
    }
    const store = new FeedbackStore(folder, openElectronStore, now, Math.random, broken)
    await expect(store.read()).rejects.toThrow('EIO')
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toEqual([])
  })

  it('reports an older file electron-store cannot open for a locked disk, and moves nothing aside', async () => {
    await writeFile(join(folder, 'feedback-2026-11.json'), JSON.stringify({ records: [record()] }))
    const locked: typeof openElectronStore = (cwd, name, options) => {
      if (name.startsWith('feedback-2026'))
        throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' })
      return openElectronStore(cwd, name, options)
    }
    await expect(new FeedbackStore(folder, locked, now).append(record())).rejects.toThrow('EPERM')
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toEqual([])
    expect(await new FeedbackStore(folder, openElectronStore, now).allRecords()).toHaveLength(1)
  })

  it('refuses a record that breaks the schema, keeping the file and what was in it', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const good = record()
    await store.append(good)
    await expect(store.append(record({ comment: 'x'.repeat(501) }))).rejects.toThrow()
    expect(await store.allRecords()).toEqual([good])
    expect(store.recoveries()).toEqual([])
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toEqual([])
  })

  it('carries on when a month file is moved away while the kiosk runs', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    await store.append(record())
    await rm(join(folder, 'feedback-2026-11.json'))
    const after = record()
    await store.append(after)
    expect(await store.recordsOf('2026-11')).toEqual([after])
    expect(store.recoveries()).toEqual([])
  })

  it('writes month files electron-store reads as its own, schema, data version and all', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const kept = [record({ comment: 'Line one\nand "two", 😀' }), record({ sectionId: 'causes' })]
    for (const each of kept) await store.append(each)
    await store.markExported(new Set([kept[0]?.id ?? '']))
    const file = openElectronStore(folder, 'feedback-2026-11', monthFileOptions())
    expect(sortById(file.get('records'))).toEqual(sortById(kept))
    expect(file.get('exportedIds')).toEqual([kept[0]?.id])
    const written = JSON.parse(await readFile(join(folder, 'feedback-2026-11.json'), 'utf8'))
    expect(written.__internal__.migrations.version).toBe(feedbackDataVersion)
  })

  it('reads a month file at the current version without electron-store, and still refuses one it would refuse', async () => {
    const conf = openElectronStore(folder, 'feedback-2026-11', monthFileOptions())
    const good = record()
    conf.set('records', [good])
    let opened = 0
    const counting: typeof openElectronStore = (cwd, name, options) => {
      if (name.startsWith('feedback-2026')) opened += 1
      return openElectronStore(cwd, name, options)
    }
    const store = new FeedbackStore(folder, counting, now)
    expect(await store.allRecords()).toEqual([good])
    expect(opened).toBe(0)
    const text = await readFile(join(folder, 'feedback-2026-11.json'), 'utf8')
    await writeFile(join(folder, 'feedback-2026-11.json'), text.replace('"rating": 3', '"rating": 7'))
    expect(await store.allRecords()).toEqual([])
    expect(opened).toBe(1)
    expect(store.recoveries()).toHaveLength(1)
  })

  it('reads its own layout record by record, and a hand edit of it as a whole, as JSON would', async () => {
    const [a, b, c] = [record(), record(), record()]
    const stamp = `"__internal__": {"migrations":{"version":"${feedbackDataVersion}"}}`
    const line = (each: FeedbackRecord) => JSON.stringify(each)
    const cases: Array<[string, FeedbackRecord[]]> = [
      [`{\n"records": [\n${line(a)},\n${line(b)}\n],\n"exportedIds": [],\n${stamp}\n}\n`, [a, b]],
      [`{\n"records": [\n\n],\n"exportedIds": [],\n${stamp}\n}\n`, []],
      // Two records on one line, and a list given twice (JSON keeps the last): both read as JSON reads them.
      [`{\n"records": [\n${line(a)},${line(b)}\n],\n"exportedIds": [],\n${stamp}\n}\n`, [a, b]],
      [`{\n"records": [\n${line(a)}\n],\n"exportedIds": [],\n"records": [${line(c)}],\n${stamp}\n}\n`, [c]]
    ]
    for (const [text, expected] of cases) {
      await writeFile(join(folder, 'feedback-2026-11.json'), text)
      const store = new FeedbackStore(folder, openElectronStore, now)
      expect(await store.recordsOf('2026-11')).toEqual(expected)
      const added = record()
      await store.append(added)
      await store.markExported(new Set([added.id]))
      const reopened = new FeedbackStore(folder, openElectronStore, now)
      expect(sortById(await reopened.allRecords())).toEqual(sortById([...expected, added]))
      expect(sortById(await reopened.unexportedRecords())).toEqual(sortById(expected))
      expect(store.recoveries()).toEqual([])
    }
  })

  it('writes back the records it did not change byte for byte, as it found them', async () => {
    const [a, b] = [record(), record()]
    const spaced = JSON.stringify(a).replace('","', '", "')
    await writeFile(
      join(folder, 'feedback-2026-11.json'),
      `{\n"records": [\n${spaced},\n${JSON.stringify(b)}\n],\n"exportedIds": [],\n` +
        `"__internal__": {"migrations":{"version":"${feedbackDataVersion}"}}\n}\n`
    )
    await new FeedbackStore(folder, openElectronStore, now).markExported(new Set([a.id]))
    const text = await readFile(join(folder, 'feedback-2026-11.json'), 'utf8')
    expect(text).toContain(`\n${spaced},\n`)
    expect(JSON.parse(text)).toMatchObject({ records: [a, b], exportedIds: [a.id] })
  })

  it('sees a record someone else put in the month file (a restored backup) before appending the next', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const first = record()
    await store.append(first)
    const restored = record({ comment: 'from the backup' })
    openElectronStore(folder, 'feedback-2026-11', monthFileOptions()).set('records', [first, restored])
    const next = record()
    await store.append(next)
    expect(sortById(await store.recordsOf('2026-11'))).toEqual(sortById([first, restored, next]))
    expect(sortById(await new FeedbackStore(folder, openElectronStore, now).allRecords())).toEqual(
      sortById([first, restored, next])
    )
  })

  it('starts the month afresh after recovering a file damaged while it was held in memory', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    await store.append(record())
    await writeFile(join(folder, 'feedback-2026-11.json'), '{"records": [')
    const second = record()
    const third = record()
    await store.append(second)
    await store.append(third)
    expect(sortById(await store.recordsOf('2026-11'))).toEqual(sortById([second, third]))
    expect(store.recoveries()).toHaveLength(1)
    expect(sortById(await new FeedbackStore(folder, openElectronStore, now).allRecords())).toEqual(
      sortById([second, third])
    )
  })

  it('keeps exports and removals consistent with the month it appends to', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const [a, b, c, d] = [record(), record(), record(), record()]
    await store.append(a)
    await store.append(b)
    await store.markExported(new Set([a.id]))
    await store.append(c)
    expect(sortById(await store.unexportedRecords())).toEqual(sortById([b, c]))
    expect(await store.removeExported(new Set([a.id, b.id]))).toBe(1)
    await store.append(d)
    const reopened = new FeedbackStore(folder, openElectronStore, now)
    expect(sortById(await reopened.allRecords())).toEqual(sortById([b, c, d]))
    expect(sortById(await reopened.unexportedRecords())).toEqual(sortById([b, c, d]))
    const written = JSON.parse(await readFile(join(folder, 'feedback-2026-11.json'), 'utf8'))
    expect(written.exportedIds).toEqual([])
  })

  it('loses nothing when exports, removals and appends arrive together', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const early = Array.from({ length: 5 }, () => record())
    for (const each of early) await store.append(each)
    const late = Array.from({ length: 10 }, () => record())
    const ids = new Set(early.map((each) => each.id))
    await Promise.all([
      ...late.slice(0, 5).map((each) => store.append(each)),
      store.markExported(ids),
      ...late.slice(5).map((each) => store.append(each))
    ])
    const reopened = new FeedbackStore(folder, openElectronStore, now)
    expect(sortById(await reopened.allRecords())).toEqual(sortById([...early, ...late]))
    expect(sortById(await reopened.unexportedRecords())).toEqual(sortById(late))
  })

  it('marks records exported from a reading without losing what was saved after it, here or by anyone else', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const october = record({ time: '2026-10-10T10:00:00.000Z' })
    const november = record()
    await store.append(october)
    await store.append(november)
    const reading = await store.read()
    expect(sortById(reading.records)).toEqual(sortById([october, november]))
    const savedHere = record()
    await store.append(savedHere)
    const savedElsewhere = record({ time: '2026-10-11T10:00:00.000Z' })
    await new FeedbackStore(folder, openElectronStore, now).append(savedElsewhere)
    await store.markExported(new Set(reading.records.map((each) => each.id)), reading)
    const reopened = new FeedbackStore(folder, openElectronStore, now)
    expect(sortById(await reopened.allRecords())).toEqual(sortById([october, november, savedHere, savedElsewhere]))
    expect(sortById(await reopened.unexportedRecords())).toEqual(sortById([savedHere, savedElsewhere]))
  })

  it('marks records exported from a reading, reading again only a month changed since', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const kept = [record({ time: '2026-09-10T10:00:00.000Z' }), record({ time: '2026-10-10T10:00:00.000Z' })]
    for (const each of kept) await store.append(each)
    const exporter = new FeedbackStore(folder, openElectronStore, now)
    const reading = await exporter.read()
    expect(reading.unexported).toHaveLength(2)
    const meanwhile = record({ time: '2026-09-11T10:00:00.000Z' })
    await store.append(meanwhile)
    await exporter.markExported(new Set(kept.map((each) => each.id)), reading)
    const reopened = new FeedbackStore(folder, openElectronStore, now)
    expect(sortById(await reopened.allRecords())).toEqual(sortById([...kept, meanwhile]))
    expect(await reopened.unexportedRecords()).toEqual([meanwhile])
  })

  it('leaves the file and the month in memory as they were when a write fails, and leaves no temporary file', async () => {
    const kept = record()
    await new FeedbackStore(folder, openElectronStore, now).append(kept)
    let full = true
    const filling = {
      ...nodeFs,
      rename: (async (from: string, to: string) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
        return nodeFs.rename(from, to)
      }) as typeof nodeFs.rename
    }
    const store = new FeedbackStore(folder, openElectronStore, now, Math.random, filling)
    const lost = record()
    await expect(store.append(lost)).rejects.toThrow('ENOSPC')
    full = false
    const next = record()
    await store.append(next)
    expect(sortById(await new FeedbackStore(folder, openElectronStore, now).allRecords())).toEqual(
      sortById([kept, next])
    )
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it("hands out records that cannot be changed behind the file's back", async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    await store.append(record())
    const [held] = await store.recordsOf('2026-11')
    expect(() => Object.assign(held ?? {}, { rating: 1 })).toThrow()
  })

  it('works out monthly figures once, and again only for a month whose file changed', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    await store.append(record({ time: '2026-10-05T10:00:00.000Z' }))
    await store.append(record())
    const worked: number[] = []
    const count = (records: readonly FeedbackRecord[]) => {
      worked.push(records.length)
      return records.length
    }
    expect(await store.monthly(count)).toEqual([1, 1])
    expect(await store.monthly(count)).toEqual([1, 1])
    expect(worked).toEqual([1, 1])
    await store.append(record())
    expect(await store.monthly(count)).toEqual([1, 2])
    await new FeedbackStore(folder, openElectronStore, now).append(record({ time: '2026-10-06T10:00:00.000Z' }))
    expect(await store.monthly(count)).toEqual([2, 2])
    expect(worked).toEqual([1, 1, 2, 2])
    await rm(join(folder, 'feedback-2026-10.json'))
    expect(await store.monthly(count)).toEqual([2])
  })

  it('keeps every record when many arrive at once, in an order that says nothing about arrival', async () => {
    const store = new FeedbackStore(folder, openElectronStore, now)
    const many = Array.from({ length: 20 }, () => record())
    await Promise.all(many.map((each) => store.append(each)))
    const stored = await store.recordsOf('2026-11')
    expect(stored.map((each) => each.id).sort()).toEqual(many.map((each) => each.id).sort())
    expect(stored.map((each) => each.id)).not.toEqual(many.map((each) => each.id))
  })
})
