import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ContentPacks } from '../../../src/main/content/content-pack'
import { ContentService } from '../../../src/main/content/content-service'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')
const bundled = resolve(import.meta.dirname, '../../../content')

describe('content packs: installing articles from a USB stick', () => {
  let scratch: string
  let stick: string
  let service: ContentService
  let errors: string[]
  const packsFor = (contentFolder: string | null = null) => {
    service = new ContentService({
      bundledFolder: bundled,
      contentFolder,
      language: 'en',
      playlist: [],
      dataFolder: join(scratch, 'data'),
      now: () => new Date('2026-11-20T09:00:00Z')
    })
    return new ContentPacks({
      service,
      drives: async () => [{ label: 'KINGSTON (E:)', path: stick }],
      contentFolder,
      language: 'en',
      playlist: [],
      now: () => new Date('2026-11-20T09:00:00Z'),
      logError: (message) => errors.push(message)
    })
  }

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-pack-'))
    stick = join(scratch, 'stick')
    errors = []
    await cp(join(fixtures, 'playlist'), join(stick, 'Content'), { recursive: true })
    await cp(join(fixtures, 'broken/raw-html.md'), join(stick, 'Content', 'raw-html.md'))
  })
  afterEach(async () => {
    service.stop()
    await rm(scratch, { recursive: true, force: true })
  })

  it('reads the content folder on a stick, compares it with the screen and stages only what is valid', async () => {
    const packs = packsFor()
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    if (!review.ok) throw new Error(review.error.message)
    expect(review.value.folder).toBe(join(stick, 'Content'))
    expect(review.value.articles.map((article) => [article.articleId, article.change])).toEqual([
      ['drinking-water', 'new'],
      ['hand-washing', 'new']
    ])
    expect(review.value.removed).toEqual([
      expect.objectContaining({ articleId: 'baclofen-piriformis-syndrome', language: 'en' })
    ])
    expect(review.value.problems).toContainEqual({
      file: join(stick, 'Content', 'raw-html.md'),
      line: 14,
      message: 'raw HTML is not allowed in articles'
    })
    expect(review.value.articles[0]?.sections[0]).toMatchObject({ title: 'How much to drink', words: 8 })
    expect(review.value.blocked).toBeNull()
    const staged = packs.previewRoot()
    expect((await readdir(staged ?? '', { recursive: true })).sort()).not.toContain('raw-html.md')
    // Nothing is on screen yet.
    expect(service.shown().source.kind).toBe('bundled')
  })

  it('installs atomically, keeps the previous articles for Undo, and undoes in one step', async () => {
    const packs = packsFor()
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    if (!review.ok) throw new Error(review.error.message)
    const installed = await packs.install(review.value.scanId)
    expect(installed).toMatchObject({ ok: true, value: { canUndo: true } })
    service.take()
    expect(service.shown().playlist.articles.map((article) => article.id)).toEqual(['drinking-water', 'hand-washing'])
    expect(service.source()).toMatchObject({ kind: 'pack', reason: 'installed' })
    // The stick may go: the installed articles are the kiosk's own.
    await rm(stick, { recursive: true })
    const undone = await packs.undo()
    expect(undone).toMatchObject({ ok: true, value: { canUndo: false } })
    service.take()
    expect(service.source().kind).toBe('bundled')
    expect(await packs.undo()).toMatchObject({ ok: false, error: { code: 'not-available' } })
  })

  it('keeps installed articles across a restart', async () => {
    const packs = packsFor()
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    if (!review.ok) throw new Error(review.error.message)
    await packs.install(review.value.scanId)
    service.stop()
    packsFor()
    await service.reload()
    expect(service.source()).toMatchObject({ kind: 'pack', detail: `KINGSTON (E:): ${join(stick, 'Content')}` })
  })

  it('offers no Install when nothing on the stick is valid, and says why', async () => {
    await rm(join(stick, 'Content', 'en'), { recursive: true })
    const packs = packsFor()
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    if (!review.ok) throw new Error(review.error.message)
    expect(review.value.blocked).toBe('nothing-valid')
    expect(await packs.install(review.value.scanId)).toMatchObject({ ok: false, error: { code: 'not-available' } })
    expect(service.shown().source.kind).toBe('bundled')
  })

  it('does not compete with the content folder IT set', async () => {
    const share = join(scratch, 'share')
    await cp(join(fixtures, 'translated'), share, { recursive: true })
    const packs = packsFor(share)
    await service.reload()
    const status = await packs.status()
    expect(status.canUndo).toBe(false)
    const review = await packs.scan('drive-1')
    if (!review.ok) throw new Error(review.error.message)
    expect(review.value.blocked).toBe('content-folder')
    expect(await packs.install(review.value.scanId)).toMatchObject({ ok: false })
    expect(service.shown().source.kind).toBe('folder')
  })

  it('refuses a drive it did not offer and a review that is over', async () => {
    const packs = packsFor()
    await service.reload()
    expect(await packs.scan('drive-1')).toMatchObject({ ok: false, error: { code: 'folder-missing' } })
    await packs.status()
    const review = await packs.scan('drive-1')
    if (!review.ok) throw new Error(review.error.message)
    expect(packs.preview(review.value.scanId, 'en', 'hand-washing')).toMatchObject({ ok: true })
    expect(packs.preview('another', 'en', 'hand-washing')).toMatchObject({ ok: false })
    expect(packs.preview(review.value.scanId, 'en', 'raw-html')).toMatchObject({ ok: false })
  })

  it('stages what was read: a file changed on the stick after reading is not what gets installed', async () => {
    const packs = packsFor()
    await service.reload()
    await packs.status()
    const review = await packs.scan('drive-1')
    if (!review.ok) throw new Error(review.error.message)
    const water = join(stick, 'Content', 'en', 'drinking-water.md')
    await writeFile(water, (await readFile(water, 'utf8')).replace('eight cups', 'a bucket'))
    await mkdir(join(stick, 'Content', 'es'), { recursive: true })
    await packs.install(review.value.scanId)
    expect(JSON.stringify(service.take().playlist.articles)).toContain('eight cups')
  })
})
