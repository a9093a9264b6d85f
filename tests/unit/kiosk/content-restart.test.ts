import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Playlist } from '../../../src/shared/domain'
import type { Result } from '../../../src/shared/result'
import type { KioskCore } from '../../../src/main/kiosk/kiosk-core'
import { startTestCore } from '../support/test-core'

// electron-store runs as conf without Electron; the test-core helper needs this stand-in (there is no binary here).
vi.mock('electron', () => ({ default: {} }))

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')

describe('the kiosk across a restart', () => {
  let scratch: string
  let core: KioskCore | null = null
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-restart-'))
    await mkdir(join(scratch, 'data'))
  })
  afterEach(async () => {
    core?.stop()
    core = null
    await rm(scratch, { recursive: true, force: true })
  })

  const screenArticles = async (kiosk: KioskCore) => {
    const answer = (await kiosk.handlers['content:playlist'](undefined, {
      senderUrl: 'app://kiosk/'
    })) as Result<Playlist>
    if (!answer.ok) throw new Error(answer.error.message)
    return answer.value.articles.map((article) => article.id)
  }

  it('keeps the last good copy on screen when the content folder is missing at the next start', async () => {
    const share = join(scratch, 'share')
    await cp(join(fixtures, 'playlist'), share, { recursive: true })
    core = await startTestCore(join(scratch, 'data'), { contentFolder: share })
    expect(await screenArticles(core)).toEqual(['drinking-water', 'hand-washing'])
    core.stop()

    await rm(share, { recursive: true })
    core = await startTestCore(join(scratch, 'data'), { contentFolder: share })
    expect(await screenArticles(core)).toEqual(['drinking-water', 'hand-washing'])
    expect((await core.staff.health(0)).contentSource).toMatchObject({ kind: 'last-good-copy', reason: 'folder-away' })
    // Its pictures are served from the copy, not from the folder that is gone.
    expect(core.content().root.startsWith(join(scratch, 'data'))).toBe(true)
  })
})
