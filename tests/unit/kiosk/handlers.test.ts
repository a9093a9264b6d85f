import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { defaultConfig, readerSettings } from '../../../src/shared/config'
import { channels } from '../../../src/shared/contract'
import type { Playlist } from '../../../src/shared/domain'
import type { ContentState } from '../../../src/main/content/content-library'
import { loadContent } from '../../../src/main/content/content-service'
import type { FeedbackService } from '../../../src/main/feedback/feedback-service'
import { createHandlers, dispatch } from '../../../src/main/kiosk/handlers'
import type { NoticeBoard } from '../../../src/main/staff/notice-board'
import type { StaffService } from '../../../src/main/staff/staff-service'

const trusted = (url: string | undefined) => url === 'app://kiosk/index.html'
const context = { senderUrl: 'app://kiosk/index.html' }
const submit = vi.fn(async () => ({ ok: true as const, value: { id: 'x' } }))
const feedback = { submit } as unknown as FeedbackService
// Staff channels are tested through the real services in staff-service.test.ts.
const staff = {} as StaffService
// The notice board's own behaviour is tested through the real services in notice-board.test.ts.
const notice = { text: 'The clinic is running about 20 minutes late', endsAt: '2026-11-24T18:00:00.000Z' }
const notices = { current: () => notice } as unknown as NoticeBoard

describe('IPC handlers', async () => {
  const content = await loadContent({
    bundledFolder: resolve(import.meta.dirname, '../../fixtures/content/playlist'),
    externalFolder: null,
    language: 'en',
    playlist: []
  })
  const now = () => new Date('2026-11-24T12:00:00')
  const table = createHandlers({ config: defaultConfig, content: () => content, feedback, staff, notices, now })

  it('has one handler for every channel of the contract', () => {
    expect(Object.keys(table).sort()).toEqual([...channels].sort())
  })

  it('serves the playlist and the reader settings', async () => {
    expect(await dispatch(table, 'content:playlist', undefined, context, trusted)).toEqual({
      ok: true,
      value: content.playlist
    })
    expect(await dispatch(table, 'kiosk:settings', undefined, context, trusted)).toEqual({
      ok: true,
      value: readerSettings(defaultConfig())
    })
  })

  it('serves the notice to the patient screen without a staff session', async () => {
    expect(await dispatch(table, 'kiosk:notice', undefined, context, trusted)).toEqual({ ok: true, value: notice })
    expect(
      await dispatch(table, 'kiosk:notice', undefined, { senderUrl: 'https://example.com/' }, trusted)
    ).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
  })

  it('refuses a notice that is too long, empty or oddly shaped, naming the field', async () => {
    const refusal = async (payload: unknown) => {
      const result = await dispatch(table, 'staff:set-notice', payload, context, trusted)
      return result.ok ? 'accepted' : result.error.message
    }
    expect(await refusal({ text: 'x'.repeat(121), endsAt: null })).toBe(
      'staff:set-notice: text is longer than 120 characters'
    )
    expect(await refusal({ text: '   ', endsAt: null })).toBe('staff:set-notice: text is empty: write the notice first')
    expect(await refusal({ text: 42, endsAt: null })).toBe(
      'staff:set-notice: text must be the notice, written as text (got 42)'
    )
    expect(await refusal({ text: 'Late', endsAt: 'six o clock' })).toMatch(/^staff:set-notice: endsAt must be a date/)
    expect(await refusal({ text: 'Late' })).toBe('staff:set-notice: endsAt is missing')
    expect(await refusal({ text: 'Late', endsAt: null, colour: 'red' })).toMatch(/colour/)
  })

  it('passes valid feedback to the feedback service and refuses invalid feedback before it', async () => {
    const valid = { articleId: 'hand-washing', sectionId: null, rating: 3, comment: 'Clear', language: 'en' }
    expect(await dispatch(table, 'feedback:submit', valid, context, trusted)).toEqual({ ok: true, value: { id: 'x' } })
    expect(submit).toHaveBeenCalledWith(valid)
    submit.mockClear()
    for (const invalid of [
      { ...valid, rating: 4 },
      { ...valid, rating: '3' },
      { ...valid, comment: 'x'.repeat(501) },
      { ...valid, extra: true },
      { ...valid, articleId: '../../etc' },
      JSON.parse('{"articleId":"a","sectionId":null,"rating":1,"comment":null,"language":"en","__proto__":{"x":1}}'),
      undefined
    ]) {
      expect(await dispatch(table, 'feedback:submit', invalid, context, trusted)).toMatchObject({
        error: { code: 'invalid-input' }
      })
    }
    expect(submit).not.toHaveBeenCalled()
  })

  it('says the content is unavailable when there is nothing to show', async () => {
    const empty: ContentState = { ...content, playlist: { articles: [], translations: [], contentVersion: 'x' } }
    const bare = createHandlers({ config: defaultConfig, content: () => empty, feedback, staff, notices, now })
    expect(await dispatch(bare, 'content:playlist', undefined, context, trusted)).toMatchObject({
      ok: false,
      error: { code: 'content-unavailable' }
    })
  })

  describe('articles past their review date', async () => {
    const translated = await loadContent({
      bundledFolder: resolve(import.meta.dirname, '../../fixtures/content/translated'),
      externalFolder: null,
      language: 'en',
      playlist: []
    })
    let clock = new Date('2026-11-24T12:00:00')
    const tableWith = (hideArticlesPastReview: boolean) =>
      createHandlers({
        config: () => ({ ...defaultConfig(), hideArticlesPastReview }),
        content: () => translated,
        feedback,
        staff,
        notices,
        now: () => clock
      })
    const shown = async (table: ReturnType<typeof createHandlers>) => {
      const result = await dispatch(table, 'content:playlist', undefined, context, trusted)
      if (!result.ok) return result.error.code
      const { articles, translations } = result.value as Playlist
      return [...articles, ...translations].map((article) => `${article.language}/${article.id}`)
    }

    it('are shown by default, overdue or not', async () => {
      clock = new Date('2026-11-24T12:00:00')
      expect(await shown(tableWith(false))).toEqual(['en/flu-vaccine', 'en/hand-washing', 'es/hand-washing'])
    })

    it('are left out when the config says so, judged by the clock at each request', async () => {
      const table = tableWith(true)
      clock = new Date('2023-12-31T23:30:00')
      expect(await shown(table)).toEqual(['en/flu-vaccine', 'en/hand-washing', 'es/hand-washing'])
      clock = new Date('2024-01-01T23:30:00')
      expect(await shown(table)).toEqual(['en/flu-vaccine', 'en/hand-washing', 'es/hand-washing'])
      clock = new Date('2024-01-02T00:30:00')
      expect(await shown(table)).toEqual(['en/hand-washing', 'es/hand-washing'])
    })

    it('leave the content unavailable when every article is past its review', async () => {
      clock = new Date('2035-01-11T09:00:00')
      expect(await shown(tableWith(true))).toBe('content-unavailable')
      expect(await shown(tableWith(false))).toHaveLength(3)
    })
  })

  it('refuses a channel that is not in the contract', async () => {
    expect(await dispatch(table, 'fs:read', '/etc/passwd', context, trusted)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' }
    })
    expect(await dispatch(table, '__proto__', undefined, context, trusted)).toMatchObject({
      error: { code: 'unknown-channel' }
    })
  })

  it('refuses a sender that is not the kiosk page', async () => {
    for (const senderUrl of ['https://evil.example/', 'file:///C:/x.html', undefined]) {
      expect(await dispatch(table, 'content:playlist', undefined, { senderUrl }, trusted)).toMatchObject({
        ok: false,
        error: { code: 'untrusted-sender' }
      })
    }
  })

  it.each([[{}], [null], ['text'], [JSON.parse('{"__proto__": {"polluted": true}}')]])(
    'refuses a payload where none is expected: %j',
    async (payload) => {
      const result = await dispatch(table, 'kiosk:settings', payload, context, trusted)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    }
  )

  it('turns a handler that throws into an internal error, and logs it', async () => {
    const broken = createHandlers({
      config: () => {
        throw new Error('disk on fire')
      },
      content: () => content,
      feedback,
      staff,
      notices,
      now
    })
    const log = vi.fn()
    expect(await dispatch(broken, 'kiosk:settings', undefined, context, trusted, log)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'something went wrong on the kiosk' }
    })
    expect(log).toHaveBeenCalledWith('handler kiosk:settings failed', expect.any(Error))
  })
})
