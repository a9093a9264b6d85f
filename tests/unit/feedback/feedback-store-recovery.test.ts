import * as nodeFs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FeedbackRecord } from '../../../src/shared/feedback'
import { FeedbackStore, leftoverAgeMilliseconds } from '../../../src/main/feedback/feedback-store'
import { feedbackDataVersion, monthFileBytes } from '../../../src/main/feedback/month-file'
import { openElectronStore } from '../support/open-json-file'
import { feedbackRecord } from '../support/records'

vi.mock('electron', () => ({ default: {} }))

const record = feedbackRecord
const sortById = (records: readonly FeedbackRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))
const stamp = (version: string) => ({ __internal__: { migrations: { version } } })

describe('feedback store, with month files it cannot read as its own', () => {
  let folder: string
  const now = () => new Date('2026-11-24T10:20:00.000Z')
  const monthFile = () => join(folder, 'feedback-2026-11.json')
  const backups = async () => (await readdir(folder)).filter((name) => name.includes('.corrupt-'))
  /** electron-store as the store uses it, counting how often it is asked to open a month file. */
  let opened: number
  const counting: typeof openElectronStore = (cwd, name, options) => {
    if (name.startsWith('feedback-20')) opened += 1
    return openElectronStore(cwd, name, options)
  }
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-feedback-'))
    opened = 0
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  describe('of the wrong shape', () => {
    it.each([
      ['a list of numbers', '[1,2,3]'],
      ['null', 'null'],
      ['a number', '42'],
      ['a text', '"records"'],
      ['an empty object', '{}'],
      ['an object without records', JSON.stringify({ exportedIds: [], ...stamp('1.0.0') })],
      ['records that are an object', JSON.stringify({ records: { 0: 'x' } })],
      ['records that are null', JSON.stringify({ records: null, ...stamp(feedbackDataVersion) })],
      ['exportedIds that are not a list', JSON.stringify({ records: [], exportedIds: 'all', ...stamp('1.0.0') })],
      ['a damaged data version stamp', JSON.stringify({ records: [], __internal__: 'new' })],
      ['a data version that is not one', JSON.stringify({ records: [], ...stamp('banana') })]
    ])('keeps a file holding %s aside byte for byte, untouched by electron-store, and reports it', async (_, text) => {
      await writeFile(monthFile(), text)
      const store = new FeedbackStore(folder, counting, now)
      const fresh = record()
      await store.append(fresh)
      expect(opened).toBe(0)
      expect(await store.recordsOf('2026-11')).toEqual([fresh])
      const [backup] = await backups()
      expect(await readFile(join(folder, backup ?? ''), 'utf8')).toBe(text)
      expect(store.recoveries()).toEqual([
        { file: 'feedback-2026-11.json', backup, reason: expect.any(String), time: now().toISOString(), recovered: 0 }
      ])
      expect(await new FeedbackStore(folder, openElectronStore, now).allRecords()).toEqual([fresh])
    })

    it('says in the recovery why the file was kept aside', async () => {
      await writeFile(monthFile(), '[1,2,3]')
      const store = new FeedbackStore(folder, openElectronStore, now)
      await store.allRecords()
      expect(store.recoveries()[0]?.reason).toBe("it holds a bare list, not a month file's object")
    })

    it('puts the valid records of a bare list back into the live month, each once, and says how many', async () => {
      const [a, b] = [record({ comment: 'kept' }), record({ rating: 1 })]
      const text = JSON.stringify([a, b, a, { id: 'x', rating: 'great' }, 7])
      await writeFile(monthFile(), text)
      const store = new FeedbackStore(folder, counting, now)
      expect(sortById(await store.recordsOf('2026-11'))).toEqual(sortById([a, b]))
      expect(opened).toBe(0)
      const [backup] = await backups()
      expect(await readFile(join(folder, backup ?? ''), 'utf8')).toBe(text)
      expect(store.recoveries()).toEqual([expect.objectContaining({ file: 'feedback-2026-11.json', recovered: 2 })])
      // They are in the live file, for summaries and exports, and not yet exported.
      const next = record()
      await store.append(next)
      const reopened = new FeedbackStore(folder, openElectronStore, now)
      expect(sortById(await reopened.unexportedRecords())).toEqual(sortById([a, b, next]))
      expect(reopened.recoveries()).toHaveLength(1)
    })

    it('puts back the valid records of a file refused for one broken record', async () => {
      const good = record()
      const text = JSON.stringify({ records: [good, { ...record(), rating: 7 }], exportedIds: [], ...stamp('1.0.0') })
      await writeFile(monthFile(), text)
      const store = new FeedbackStore(folder, openElectronStore, now)
      expect(await store.allRecords()).toEqual([good])
      expect(await readFile(join(folder, (await backups())[0] ?? ''), 'utf8')).toBe(text)
      expect(store.recoveries()).toEqual([expect.objectContaining({ recovered: 1 })])
    })

    it('recovers a damaged month once when two readers find it together', async () => {
      const kept = record()
      await writeFile(monthFile(), JSON.stringify([kept]))
      const store = new FeedbackStore(folder, openElectronStore, now)
      const [first, second] = await Promise.all([store.recordsOf('2026-11'), store.allRecords()])
      expect([first, second]).toEqual([[kept], [kept]])
      expect(await backups()).toHaveLength(1)
      expect(store.recoveries()).toHaveLength(1)
    })
  })

  describe('left over from interrupted writes', () => {
    const leftover = (month = '2026-11', hex = 'a1b2c3d4') => `.feedback-${month}.json.${hex}.tmp`
    /** Writes a file and dates it `age` milliseconds before the store's clock. */
    const writeAged = async (name: string, age: number, bytes = 'x'.repeat(100)) => {
      await writeFile(join(folder, name), bytes)
      const time = new Date(now().getTime() - age)
      await utimes(join(folder, name), time, time)
    }

    it('removes the temporary files of interrupted writes when it opens, and says how many', async () => {
      await new FeedbackStore(folder, openElectronStore, now).append(record())
      const old = leftoverAgeMilliseconds + 60_000
      await writeAged(leftover('2026-11', 'a1b2c3d4'), old)
      await writeAged(leftover('2026-10', '0f0f0f0f'), old, 'y'.repeat(50))
      const store = new FeedbackStore(folder, openElectronStore, now)
      expect(await store.leftoverFilesRemoved()).toEqual({ count: 2, bytes: 150 })
      expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
      expect(await store.allRecords()).toHaveLength(1)
    })

    it('leaves alone what is not its own, and what a writer may still hold', async () => {
      const old = leftoverAgeMilliseconds + 60_000
      const others = [
        '.feedback-2026-11.json.A1B2C3D4.tmp',
        '.feedback-2026-11.json.a1b2c3.tmp',
        'feedback-2026-11.json.a1b2c3d4.tmp',
        '.feedback-recoveries.json.a1b2c3d4.tmp',
        '.exports.json.a1b2c3d4.tmp',
        'notes.tmp'
      ]
      for (const name of others) await writeAged(name, old)
      // Written moments ago: another process (the command line beside the kiosk) may be about to rename it.
      await writeAged(leftover('2026-11', 'feedface'), leftoverAgeMilliseconds - 60_000)
      const store = new FeedbackStore(folder, openElectronStore, now)
      expect(await store.leftoverFilesRemoved()).toEqual({ count: 0, bytes: 0 })
      expect((await readdir(folder)).sort()).toEqual([...others, leftover('2026-11', 'feedface')].sort())
    })

    it('never takes a write of its own for a leftover, even an old-looking one', async () => {
      // A clock far ahead of the files' times makes every temporary file look old.
      const later = () => new Date(Date.now() + 10 * leftoverAgeMilliseconds)
      let opening: FeedbackStore | undefined
      let sawOwnTemporary = false
      // While the first store's temporary file is on disk, a second store opens over the folder.
      const pausing = {
        ...nodeFs,
        rename: (async (from: string, to: string) => {
          if (opening === undefined && from.endsWith('.tmp')) {
            sawOwnTemporary = (await stat(from)).isFile()
            opening = new FeedbackStore(folder, openElectronStore, later)
            await opening.leftoverFilesRemoved()
          }
          return nodeFs.rename(from, to)
        }) as typeof nodeFs.rename
      }
      const writer = new FeedbackStore(folder, openElectronStore, later, Math.random, pausing)
      const kept = record()
      await writer.append(kept)
      expect(sawOwnTemporary).toBe(true)
      expect(await opening?.leftoverFilesRemoved()).toEqual({ count: 0, bytes: 0 })
      expect(await new FeedbackStore(folder, openElectronStore, now).allRecords()).toEqual([kept])
    })

    it('opens over a folder that does not exist yet', async () => {
      const store = new FeedbackStore(join(folder, 'not-yet'), openElectronStore, now)
      expect(await store.leftoverFilesRemoved()).toEqual({ count: 0, bytes: 0 })
      await store.append(record())
      expect(await store.allRecords()).toHaveLength(1)
    })
  })

  describe('written by a newer kiosk version', () => {
    const newerText = (version: string, records: FeedbackRecord[]) =>
      monthFileBytes(records).toString('utf8').replace(`"version":"${feedbackDataVersion}"`, `"version":"${version}"`)

    it.each(['1.2.0', '1.10.0', '2.0.0', '1.1.1'])(
      'leaves a file at data version %s untouched, saves nothing into its month, and says so',
      async (version) => {
        const text = newerText(version, [record(), record()])
        expect(text).toContain(version)
        await writeFile(monthFile(), text)
        const store = new FeedbackStore(folder, counting, now)
        await expect(store.append(record())).rejects.toThrow(
          `feedback-2026-11.json was written by a newer kiosk version (data version ${version}`
        )
        // Reading, exporting, clearing and retention go on around it without writing into it.
        expect(await store.allRecords()).toEqual([])
        await store.markExported(new Set(['anything']))
        expect(await store.removeExported(new Set(['anything']))).toBe(0)
        await store.applyRetention(new Date('2030-01-01T00:00:00.000Z'))
        await expect(store.append(record())).rejects.toThrow('newer kiosk version')
        expect(opened).toBe(0)
        expect(await readFile(monthFile(), 'utf8')).toBe(text)
        expect(await readdir(folder)).toEqual(['feedback-2026-11.json'])
        expect(store.newerFiles()).toEqual([{ file: 'feedback-2026-11.json', version }])
        expect(store.recoveries()).toEqual([])
      }
    )

    it('goes on saving other months, and the month again once the newer file is moved away', async () => {
      await writeFile(monthFile(), newerText('1.2.0', [record()]))
      const store = new FeedbackStore(folder, openElectronStore, now)
      const october = record({ time: '2026-10-31T10:00:00.000Z' })
      await store.append(october)
      await expect(store.append(record())).rejects.toThrow('newer kiosk version')
      expect(await store.allRecords()).toEqual([october])
      await rm(monthFile())
      const november = record()
      await store.append(november)
      expect(store.newerFiles()).toEqual([])
      expect(await store.allRecords()).toEqual([october, november])
    })

    it('migrates a pre-release of this version, which a text comparison would call newer', async () => {
      const old = record()
      await writeFile(monthFile(), JSON.stringify({ records: [old], ...stamp(`${feedbackDataVersion}-beta.1`) }))
      const store = new FeedbackStore(folder, openElectronStore, now)
      expect(await store.allRecords()).toEqual([old])
      expect(JSON.parse(await readFile(monthFile(), 'utf8')).__internal__.migrations.version).toBe(feedbackDataVersion)
      expect(store.newerFiles()).toEqual([])
    })
  })
})
