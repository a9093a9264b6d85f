import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Timers } from '../../../src/shared/timers'
import { ContentService, type ContentServiceOptions } from '../../../src/main/content/content-service'
import { ContentShelf } from '../../../src/main/content/content-shelf'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')
const bundled = resolve(import.meta.dirname, '../../../content')

/** Timers that run only when the test says so. */
function manualTimers(): Timers & { pending: Array<{ run: () => void; milliseconds: number }> } {
  const pending: Array<{ run: () => void; milliseconds: number }> = []
  return {
    pending,
    setTimeout: (run, milliseconds) => {
      const timer = { run, milliseconds }
      pending.push(timer)
      return timer
    },
    clearTimeout: (handle) => {
      const index = pending.indexOf(handle as (typeof pending)[number])
      if (index >= 0) pending.splice(index, 1)
    }
  }
}

describe('content service: the last good copy', () => {
  let scratch: string
  let folder: string
  let dataFolder: string
  let clock: Date
  const services: ContentService[] = []
  const open = (options: Partial<ContentServiceOptions> = {}) => {
    const service = new ContentService({
      bundledFolder: bundled,
      contentFolder: folder,
      language: 'en',
      playlist: [],
      dataFolder,
      now: () => clock,
      timers: manualTimers(),
      ...options
    })
    services.push(service)
    return service
  }
  const ids = (service: ContentService) => service.shown().playlist.articles.map((article) => article.id)

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-content-service-'))
    folder = join(scratch, 'share')
    dataFolder = join(scratch, 'data')
    clock = new Date('2026-11-20T09:00:00Z')
    await cp(join(fixtures, 'playlist'), folder, { recursive: true })
  })
  afterEach(async () => {
    for (const service of services.splice(0)) service.stop()
    await rm(scratch, { recursive: true, force: true })
  })

  it('keeps a copy of the folder, its articles and pictures only, and shows it', async () => {
    await writeFile(join(folder, 'notes.txt'), 'not an article')
    await cp(join(fixtures, 'broken/raw-html.md'), join(folder, 'en/raw-html.md'))
    const service = open()
    const state = await service.reload()
    expect(state.source).toMatchObject({ kind: 'folder', reason: 'folder-read', since: '2026-11-20T09:00:00.000Z' })
    expect(state.root.startsWith(join(dataFolder, 'content', 'last-good-copy'))).toBe(true)
    expect((await readdir(state.root, { recursive: true })).sort()).toEqual([
      'en',
      'en/drinking-water.md',
      'en/hand-washing.md',
      'en/images',
      'en/images/hands.svg'
    ])
    expect(state.problems).toContainEqual(expect.objectContaining({ file: join(folder, 'en/raw-html.md'), line: 14 }))
  })

  it('shows the last good copy across a restart while the folder is missing, and says which, since when and why', async () => {
    await open().reload()
    await rm(folder, { recursive: true })
    clock = new Date('2026-11-21T03:30:00Z')
    const restarted = open()
    const state = await restarted.reload()
    expect(ids(restarted)).toEqual(['drinking-water', 'hand-washing'])
    expect(restarted.source()).toMatchObject({
      kind: 'last-good-copy',
      reason: 'folder-away',
      since: '2026-11-20T09:00:00.000Z',
      contentFolder: folder,
      waiting: false
    })
    expect(state.problems).toContainEqual(expect.objectContaining({ file: folder, line: 0 }))
  })

  it('shows the last good copy, not the bundled sample, when the folder has no valid article', async () => {
    await open().reload()
    await rm(join(folder, 'en'), { recursive: true })
    await cp(join(fixtures, 'broken/raw-html.md'), join(folder, 'raw-html.md'))
    const service = open()
    await service.reload()
    expect(ids(service)).toEqual(['drinking-water', 'hand-washing'])
    expect(service.source()).toMatchObject({ kind: 'last-good-copy', reason: 'folder-empty' })
  })

  it('shows the bundled sample only for a kiosk that never had content of its own', async () => {
    await rm(folder, { recursive: true })
    const service = open()
    await service.reload()
    expect(ids(service)).toEqual(['baclofen-piriformis-syndrome'])
    expect(service.source()).toMatchObject({ kind: 'bundled', reason: 'folder-away-no-copy' })
  })

  it('keeps the last good version of an article that turns invalid, and reports it', async () => {
    const service = open()
    await service.reload()
    const water = join(folder, 'en/drinking-water.md')
    await writeFile(water, (await readFile(water, 'utf8')).replace('title: Drinking Enough Water\n', ''))
    clock = new Date('2026-11-22T10:00:00Z')
    await service.reload()
    expect(ids(service)).toEqual(['drinking-water', 'hand-washing'])
    expect(service.source().kept).toEqual([{ file: 'en/drinking-water.md', title: 'Drinking Enough Water' }])
    expect(service.shown().problems).toContainEqual(
      expect.objectContaining({ file: water, message: expect.stringContaining('last good version') })
    )
  })

  it('lets an article go when its file was removed while the folder is reachable', async () => {
    const service = open()
    await service.reload()
    await rm(join(folder, 'en/drinking-water.md'))
    await service.reload()
    expect(ids(service)).toEqual(['drinking-water', 'hand-washing'])
    expect(service.source().waiting).toBe(true)
    service.take()
    expect(ids(service)).toEqual(['hand-washing'])
    expect(service.source().kept).toEqual([])
  })

  it('holds new articles back until the screen takes them at a calm moment', async () => {
    const service = open()
    await service.reload()
    const before = service.shown()
    const water = join(folder, 'en/drinking-water.md')
    await writeFile(water, (await readFile(water, 'utf8')).replace('eight cups', 'six to eight cups'))
    await service.reload()
    expect(service.shown()).toBe(before)
    expect(service.latestVersion()).not.toBe(before.playlist.contentVersion)
    expect(service.source().waiting).toBe(true)
    const taken = service.take()
    expect(taken.playlist.contentVersion).toBe(service.latestVersion())
    expect(JSON.stringify(taken.playlist.articles)).toContain('six to eight cups')
    expect(service.source().waiting).toBe(false)
  })

  it('looks at the folder again every contentRetryMinutes while the copy stands in, and waits for a calm moment', async () => {
    await open().reload()
    await rm(folder, { recursive: true })
    const timers = manualTimers()
    const service = open({ timers, retryMinutes: 7 })
    await service.reload()
    expect(timers.pending.map((timer) => timer.milliseconds)).toEqual([7 * 60_000])
    await cp(join(fixtures, 'translated'), folder, { recursive: true })
    timers.pending.shift()?.run()
    await expect.poll(() => service.source().waiting).toBe(true)
    expect(service.source().kind).toBe('last-good-copy')
    expect(timers.pending).toEqual([])
    service.take()
    expect(service.source()).toMatchObject({ kind: 'folder', reason: 'folder-read', waiting: false })
    expect(ids(service)).toEqual(['flu-vaccine', 'hand-washing'])
  })

  it('keeps the copy in use when writing the new one fails half way', async () => {
    const service = open()
    await service.reload()
    const shelf = new ContentShelf(join(dataFolder, 'content', 'last-good-copy'), () => clock, {
      rename: async () => {
        throw new Error('disk full')
      }
    })
    const pointer = await shelf.read()
    const staging = await shelf.stage()
    await expect(shelf.put(staging, folder, 'v2', false)).rejects.toThrow('disk full')
    expect(await shelf.read()).toEqual(pointer)
    expect(await readdir(shelf.root)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.staging-/)]))
    const restarted = open({ contentFolder: join(scratch, 'gone') })
    await restarted.reload()
    expect(ids(restarted)).toEqual(['drinking-water', 'hand-washing'])
  })
})
