import { describe, expect, it, vi } from 'vitest'
import type { ContentUpdateStatus, PackReview } from '../../../src/shared/content-update'
import type { KioskApi } from '../../../src/shared/contract'
import { fail, ok } from '../../../src/shared/result'
import { ContentUpdate } from '../../../src/renderer/src/lib/state/content-update.svelte'
import { article, section } from './fixtures'

const articleFixture = article('hand-washing', [section('why'), section('how')])

const status: ContentUpdateStatus = {
  source: {
    kind: 'bundled',
    reason: 'no-content',
    since: '2026-11-20T09:00:00.000Z',
    detail: null,
    contentFolder: null,
    kept: [],
    waiting: false
  },
  drives: [{ id: 'drive-1', label: 'KINGSTON (E:)' }],
  canUndo: false
}
const review: PackReview = {
  scanId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  drive: 'KINGSTON (E:)',
  folder: 'E:\\content',
  articles: [],
  removed: [],
  problems: [],
  gradeTarget: 8,
  blocked: null
}

function setUp(overrides: Partial<KioskApi> = {}) {
  const api = {
    contentStatus: vi.fn(async () => ok(status)),
    scanContent: vi.fn(async () => ok(review)),
    previewArticle: vi.fn(async () => ok(articleFixture)),
    installContent: vi.fn(async () => ok({ ...status, canUndo: true })),
    undoContent: vi.fn(async () => ok(status)),
    ...overrides
  } as unknown as KioskApi
  const session = { touch: vi.fn(), close: vi.fn(async () => {}) }
  return { api, session, update: new ContentUpdate(api, session) }
}

describe('update articles (staff state)', () => {
  it('reads a stick, previews an article in a reader of its own, installs, then undoes', async () => {
    const { api, update } = setUp()
    await update.look()
    expect(update.status?.drives).toEqual([{ id: 'drive-1', label: 'KINGSTON (E:)' }])
    await update.read('drive-1')
    expect(update.review).toEqual(review)
    await update.open({ articleId: articleFixture.id, language: 'en' } as never)
    expect(api.previewArticle).toHaveBeenCalledWith({
      scanId: review.scanId,
      language: 'en',
      articleId: articleFixture.id
    })
    expect(update.preview?.article.id).toBe(articleFixture.id)
    update.closePreview()
    expect(update.preview).toBeNull()
    await update.install()
    expect(api.installContent).toHaveBeenCalledWith({ scanId: review.scanId })
    expect(update).toMatchObject({ outcome: 'installed', review: null, status: { canUndo: true } })
    await update.undo()
    expect(update).toMatchObject({ outcome: 'undone', status: { canUndo: false } })
  })

  it("shows the stick's translation when staff pick another language in the preview, and keeps the article without one", async () => {
    const spanish = { ...article('hand-washing', [section('por-que'), section('como')]), language: 'es' }
    const flu = article('flu-vaccine', [section('what')])
    const withTranslation: PackReview = {
      ...review,
      articles: [
        { articleId: 'hand-washing', language: 'en' },
        { articleId: 'hand-washing', language: 'es' },
        { articleId: 'flu-vaccine', language: 'en' }
      ] as never
    }
    const { api, update } = setUp({
      scanContent: vi.fn(async () => ok(withTranslation)),
      previewArticle: vi.fn(async ({ language, articleId }: { language: string; articleId: string }) =>
        ok(language === 'es' ? spanish : articleId === 'flu-vaccine' ? flu : articleFixture)
      ) as never
    })
    await update.read('drive-1')
    await update.open({ articleId: 'hand-washing', language: 'en' } as never)
    await update.previewIn('es')
    expect(api.previewArticle).toHaveBeenLastCalledWith({
      scanId: review.scanId,
      language: 'es',
      articleId: 'hand-washing'
    })
    expect(update.preview?.article).toEqual(spanish)
    await update.previewIn('en')
    expect(update.preview?.article).toEqual(articleFixture)

    await update.open({ articleId: 'flu-vaccine', language: 'en' } as never)
    const calls = vi.mocked(api.previewArticle).mock.calls.length
    await update.previewIn('es')
    // No Spanish flu-vaccine on the stick: the English article stays, as a patient who picked Spanish would see it.
    expect(vi.mocked(api.previewArticle).mock.calls.length).toBe(calls)
    expect(update.preview?.article.language).toBe('en')
  })

  it('sends nothing for a review whose Install is not offered, nor for a second tap while one is under way', async () => {
    const { api, update } = setUp({
      scanContent: vi.fn(async () => ok({ ...review, blocked: 'nothing-valid' as const }))
    })
    await update.read('drive-1')
    await update.install()
    expect(api.installContent).not.toHaveBeenCalled()
    const second = setUp()
    await second.update.read('drive-1')
    await Promise.all([second.update.install(), second.update.install()])
    expect(second.api.installContent).toHaveBeenCalledTimes(1)
  })

  it('closes staff mode when the session has ended, and keeps any other failure on screen', async () => {
    const locked = setUp({ contentStatus: vi.fn(async () => fail('staff-locked', 'no session')) })
    await locked.update.look()
    expect(locked.session.close).toHaveBeenCalled()
    const gone = setUp({ scanContent: vi.fn(async () => fail('folder-missing', 'the stick was pulled out')) })
    await gone.update.read('drive-1')
    expect(gone.update).toMatchObject({ error: 'folder-missing', review: null, busy: null })
  })
})
