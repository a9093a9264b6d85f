import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ContentPacks } from '../../../src/main/content/content-pack'
import { copyArticles, packSpace, type PackSpace } from '../../../src/main/content/content-copy'
import { loadContentFolder } from '../../../src/main/content/content-library'
import { contentLimits, sizeInWords } from '../../../src/main/content/content-limits'
import { ContentService } from '../../../src/main/content/content-service'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')
const bundled = resolve(import.meta.dirname, '../../../content')
const megabyte = 1024 * 1024

describe('the size of a content pack', () => {
  let scratch: string
  let stick: string
  let services: ContentService[]
  /** The bytes of the fixture's two valid articles and their picture, as the copy counts them. */
  let packBytes: number

  const packsFor = (space: PackSpace) => {
    const service = new ContentService({
      bundledFolder: bundled,
      contentFolder: null,
      language: 'en',
      playlist: [],
      dataFolder: join(scratch, 'data'),
      now: () => new Date('2026-11-20T09:00:00Z')
    })
    services.push(service)
    const packs = new ContentPacks({
      service,
      drives: async () => [{ label: 'KINGSTON (E:)', path: stick }],
      contentFolder: null,
      language: 'en',
      playlist: [],
      now: () => new Date('2026-11-20T09:00:00Z'),
      logError: () => {},
      space
    })
    return { packs, service }
  }

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-pack-size-'))
    stick = join(scratch, 'stick')
    services = []
    await cp(join(fixtures, 'playlist'), join(stick, 'Content'), { recursive: true })
    const en = join(fixtures, 'playlist/en')
    const sizes = await Promise.all(['drinking-water.md', 'hand-washing.md', 'images/hands.svg'].map((file) => stat(join(en, file))))
    packBytes = sizes.reduce((sum, found) => sum + found.size, 0)
  })
  afterEach(async () => {
    for (const service of services) service.stop()
    await rm(scratch, { recursive: true, force: true })
  })

  it('caps a pack and keeps a reserve of free space, both far above any set of patient articles', () => {
    expect(contentLimits.packBytes).toBeGreaterThanOrEqual(contentLimits.articles * contentLimits.articleBytes)
    expect(contentLimits.freeSpaceReserveBytes).toBeGreaterThanOrEqual(200 * megabyte)
  })

  it('copies nothing of a pack larger than the cap, saying how large it is and what the cap is', async () => {
    const content = await loadContentFolder(join(stick, 'Content'))
    const destination = join(scratch, 'copy')
    const space: PackSpace = { ...packSpace, packBytes: packBytes - 1, freeBytes: async () => 1024 * megabyte * 1024 }
    await expect(
      copyArticles(content.articles.map((article) => ({ article, root: join(stick, 'Content') })), destination, space)
    ).rejects.toThrow(
      `the articles and their pictures come to ${sizeInWords(packBytes)}; the kiosk takes at most ${sizeInWords(packBytes - 1)} at once`
    )
    expect(await readdir(destination).catch(() => [])).toEqual([])
  })

  it('refuses a stick whose pack is over the cap, with a code staff mode words, and stages nothing', async () => {
    const { packs, service } = packsFor({ ...packSpace, packBytes: packBytes - 1 })
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    expect(review).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/at most/) } })
    expect(packs.previewRoot()).toBeNull()
    expect(await readdir(join(scratch, 'data/content/installed')).catch(() => [])).toEqual([])
    expect(service.shown().source.kind).toBe('bundled')
  })

  it('refuses a stick whose pack would leave less than the reserve free on the kiosk disk, and stages nothing', async () => {
    const asked: string[] = []
    const free = contentLimits.freeSpaceReserveBytes + packBytes - 1
    const { packs, service } = packsFor({
      ...packSpace,
      freeBytes: async (folder) => {
        asked.push(folder)
        return free
      }
    })
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    expect(review).toMatchObject({
      ok: false,
      error: {
        code: 'disk-full',
        message: expect.stringMatching(/disk has 512\.0 MB free; it keeps 512 MB free for feedback and for Windows/)
      }
    })
    expect(asked[0]).toContain(join(scratch, 'data/content/installed'))
    expect(await readdir(join(scratch, 'data/content/installed')).catch(() => [])).toEqual([])
  })

  it('installs a pack that fits with the reserve to spare', async () => {
    const { packs, service } = packsFor({ ...packSpace, freeBytes: async () => contentLimits.freeSpaceReserveBytes + packBytes })
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    expect(review).toMatchObject({ ok: true })
  })
})
