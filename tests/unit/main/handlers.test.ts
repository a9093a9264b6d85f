import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { defaultConfig, readerSettings } from '../../../src/shared/config'
import { channels } from '../../../src/shared/contract'
import { loadContent, type ContentState } from '../../../src/main/services/content-library'
import { createHandlers, dispatch } from '../../../src/main/services/handlers'

const trusted = (url: string | undefined) => url === 'app://kiosk/index.html'
const context = { senderUrl: 'app://kiosk/index.html' }

describe('IPC handlers', async () => {
  const content = await loadContent({
    bundledFolder: resolve(import.meta.dirname, '../../fixtures/content/playlist'),
    externalFolder: null,
    language: 'en',
    playlist: []
  })
  const table = createHandlers({ config: defaultConfig, content: () => content })

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

  it('says the content is unavailable when there is nothing to show', async () => {
    const empty: ContentState = { ...content, playlist: { articles: [], contentVersion: 'x' } }
    const bare = createHandlers({ config: defaultConfig, content: () => empty })
    expect(await dispatch(bare, 'content:playlist', undefined, context, trusted)).toMatchObject({
      ok: false,
      error: { code: 'content-unavailable' }
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
      content: () => content
    })
    const log = vi.fn()
    expect(await dispatch(broken, 'kiosk:settings', undefined, context, trusted, log)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'something went wrong on the kiosk' }
    })
    expect(log).toHaveBeenCalledWith('handler kiosk:settings failed', expect.any(Error))
  })
})
