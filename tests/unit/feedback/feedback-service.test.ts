import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FeedbackInput } from '../../../src/shared/feedback'
import { FeedbackService, type FeedbackServiceOptions, roundDown } from '../../../src/main/feedback/feedback-service'
import { FeedbackStore } from '../../../src/main/feedback/feedback-store'
import { CommentScrubber, commentScrubber } from '../../../src/main/feedback/scrub'
import { openElectronStore } from '../support/open-json-file'

vi.mock('electron', () => ({ default: {} }))

const input = (overrides: Partial<FeedbackInput> = {}): FeedbackInput => ({
  articleId: 'knee-pain',
  sectionId: 'exercises',
  rating: 2,
  comment: null,
  language: 'en',
  ...overrides
})

// The language library takes a second or two to load (more on a busy machine): once, before the tests time anything.
beforeAll(() => commentScrubber.warmUp(), 60_000)

describe('feedback service', () => {
  let folder: string
  let clock: Date
  let store: FeedbackStore
  let service: FeedbackService
  let options: FeedbackServiceOptions
  const logError = vi.fn()

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-feedback-service-'))
    clock = new Date('2026-11-24T10:44:59.999Z')
    store = new FeedbackStore(folder, openElectronStore, () => clock)
    logError.mockClear()
    options = {
      store,
      now: () => clock,
      monotonic: () => clock.getTime(),
      randomId: () => `id-${clock.getTime()}`,
      station: () => 'Waiting room 2',
      appVersion: '0.1.0',
      contentVersion: () => 'c0ffee',
      roundingMinutes: () => 15,
      minimumGapSeconds: () => 5,
      isShown: (articleId, sectionId) => articleId === 'knee-pain' && (sectionId === null || sectionId === 'exercises'),
      logError
    }
    service = new FeedbackService(options)
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('stores exactly the anonymous fields, with the time rounded down to the quarter hour', async () => {
    const result = await service.submit(input({ comment: 'Helpful, thanks' }))
    expect(result).toEqual({ ok: true, value: { id: `id-${clock.getTime()}` } })
    expect(await store.allRecords()).toEqual([
      {
        id: `id-${clock.getTime()}`,
        articleId: 'knee-pain',
        sectionId: 'exercises',
        rating: 2,
        comment: 'Helpful, thanks',
        language: 'en',
        contentVersion: 'c0ffee',
        appVersion: '0.1.0',
        station: 'Waiting room 2',
        time: '2026-11-24T10:30:00.000Z'
      }
    ])
  })

  it('scrubs contact details before anything is stored', async () => {
    await service.submit(input({ comment: '  call me 07700 900123  ' }))
    expect((await store.allRecords())[0]?.comment).toBe('call me [removed]')
  })

  it('removes names and record numbers, in either language, before anything is stored', async () => {
    await service.submit(input({ comment: 'Dr. Smith was kind, MRN 48213' }))
    clock = new Date(clock.getTime() + 60_000)
    await service.submit(input({ comment: 'la enfermera Ruiz fue muy amable', language: 'es' }))
    expect((await store.allRecords()).map((record) => record.comment).sort()).toEqual([
      'Dr. [removed] was kind, MRN [removed]',
      'la enfermera [removed] fue muy amable'
    ])
  })

  it('stores a comment scrubbed more strictly, and logs why, when the language library is missing', async () => {
    const missing = new CommentScrubber(() => {
      throw new Error('Cannot find module compromise')
    })
    const strict = new FeedbackService({ ...options, scrubber: missing })
    expect((await strict.submit(input({ comment: 'Thanks Jane, call 07700 900123' }))).ok).toBe(true)
    expect((await store.allRecords())[0]?.comment).toBe('Thanks [removed], call [removed]')
    expect(logError).toHaveBeenCalledWith(
      'a comment was scrubbed without the language library, so more strictly',
      expect.objectContaining({ message: 'Cannot find module compromise' })
    )
  })

  it('stores nothing when scrubbing fails outright, says so, and lets the patient send again', async () => {
    const broken = {
      scrub: vi.fn((_text: string): Promise<string> => Promise.reject(new Error('a pattern broke')))
    }
    const failing = new FeedbackService({ ...options, scrubber: broken })
    expect(await failing.submit(input({ comment: 'Dr. Smith was kind' }))).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
    expect(await store.allRecords()).toEqual([])
    expect(logError).toHaveBeenCalledWith('a comment could not be scrubbed, so nothing was stored', expect.any(Error))
    broken.scrub.mockImplementation(async (text: string) => text)
    expect((await failing.submit(input({ comment: 'fine' }))).ok).toBe(true)
  })

  it('stores an empty or blank comment as no comment', async () => {
    await service.submit(input({ comment: ' \u0000 ' }))
    expect((await store.allRecords())[0]?.comment).toBeNull()
  })

  it('refuses feedback about an article or section the kiosk is not showing', async () => {
    expect(await service.submit(input({ articleId: 'other' }))).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'feedback:submit: articleId "other" is not an article the kiosk is showing'
      }
    })
    expect(await service.submit(input({ sectionId: 'nope' }))).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'feedback:submit: sectionId "nope" is not a part of knee-pain' }
    })
    expect(await store.allRecords()).toEqual([])
  })

  it('refuses a second submission within the minimum gap, and accepts one after it', async () => {
    expect((await service.submit(input())).ok).toBe(true)
    clock = new Date(clock.getTime() + 4_000)
    expect(await service.submit(input())).toMatchObject({ ok: false, error: { code: 'too-soon' } })
    clock = new Date(clock.getTime() + 1_000)
    expect((await service.submit(input())).ok).toBe(true)
    expect(await store.allRecords()).toHaveLength(2)
  })

  it('keeps a scrubbed comment within the limit even when "[removed]" is longer than what it replaced', async () => {
    await service.submit(input({ comment: `${'a'.repeat(490)} on 5/5/25` }))
    const stored = (await store.allRecords())[0]?.comment ?? ''
    expect(stored.length).toBeLessThanOrEqual(500)
    expect(stored.startsWith('a'.repeat(490))).toBe(true)
  })

  it('lets only one of two submissions arriving together through the minimum gap', async () => {
    const results = await Promise.all([service.submit(input()), service.submit(input())])
    expect(results.map((result) => result.ok).sort()).toEqual([false, true])
    expect(await store.allRecords()).toHaveLength(1)
  })

  it('says the feedback could not be saved when the disk refuses, and logs why', async () => {
    vi.spyOn(store, 'append').mockRejectedValueOnce(new Error('ENOSPC: no space left on device'))
    expect(await service.submit(input())).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
    expect(logError).toHaveBeenCalledWith('feedback could not be stored', expect.any(Error))
    expect((await service.submit(input())).ok).toBe(true)
  })
})

describe('rounding time down', () => {
  it.each([
    ['2026-11-24T10:14:59.999Z', 15, '2026-11-24T10:00:00.000Z'],
    ['2026-11-24T10:15:00.000Z', 15, '2026-11-24T10:15:00.000Z'],
    ['2026-11-24T10:59:00.000Z', 30, '2026-11-24T10:30:00.000Z'],
    ['2026-11-24T23:59:59.000Z', 60, '2026-11-24T23:00:00.000Z']
  ])('%s to %i minutes is %s', (time, minutes, expected) => {
    expect(roundDown(new Date(time), minutes).toISOString()).toBe(expected)
  })
})
