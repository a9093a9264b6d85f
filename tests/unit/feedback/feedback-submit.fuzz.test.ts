import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultConfig } from '../../../src/shared/config'
import type { FeedbackRecord } from '../../../src/shared/feedback'
import { feedbackInputSchema } from '../../../src/shared/feedback-schema'
import type { ContentState } from '../../../src/main/content/content-library'
import { FeedbackService } from '../../../src/main/feedback/feedback-service'
import { FeedbackStore } from '../../../src/main/feedback/feedback-store'
import { createHandlers, dispatch } from '../../../src/main/kiosk/handlers'
import type { NoticeBoard } from '../../../src/main/staff/notice-board'
import type { StaffService } from '../../../src/main/staff/staff-service'
import { openElectronStore } from '../support/open-json-file'

vi.mock('electron', () => ({ default: {} }))

const sender = { senderUrl: 'app://kiosk/index.html' }
const trusted = () => true

// Payloads near the valid shape (so the fuzzer reaches deep into validation) mixed with anything at all.
const nearValid = fc.record(
  {
    articleId: fc.oneof(fc.constant('knee-pain'), fc.string(), fc.integer()),
    sectionId: fc.oneof(fc.constant('exercises'), fc.constant(null), fc.string(), fc.boolean()),
    rating: fc.oneof(fc.constantFrom(1, 2, 3), fc.integer(), fc.double(), fc.string()),
    comment: fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 600 }),
      fc.string({ unit: 'grapheme', maxLength: 600 })
    ),
    language: fc.oneof(fc.constant('en'), fc.string()),
    __proto__: fc.object(),
    constructor: fc.anything(),
    extra: fc.anything()
  },
  { requiredKeys: [] }
)
const valid = fc.record({
  articleId: fc.constant('knee-pain'),
  sectionId: fc.constantFrom('exercises', null),
  rating: fc.constantFrom(1, 2, 3),
  comment: fc.oneof(fc.constant(null), fc.string({ unit: 'grapheme', maxLength: 120 })),
  language: fc.constantFrom('en', 'es')
})
const payloads = fc.oneof(valid, nearValid, fc.anything(), fc.jsonValue())

describe('feedback:submit under fuzzing', () => {
  let folder: string
  let store: FeedbackStore
  let table: ReturnType<typeof createHandlers>

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-fuzz-'))
    store = new FeedbackStore(folder, openElectronStore)
    const feedback = new FeedbackService({
      store,
      now: () => new Date(),
      monotonic: () => performance.now(),
      randomId: () => crypto.randomUUID(),
      station: () => 'Fuzz',
      appVersion: '0.1.0',
      contentVersion: () => 'fuzz',
      roundingMinutes: () => 15,
      minimumGapSeconds: () => 0,
      isShown: (articleId, sectionId) => articleId === 'knee-pain' && (sectionId === null || sectionId === 'exercises'),
      logError: () => {}
    })
    table = createHandlers({
      config: defaultConfig,
      content: () => ({}) as ContentState,
      feedback,
      staff: {} as StaffService,
      notices: {} as NoticeBoard,
      now: () => new Date()
    })
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('never throws, answers every payload with a result, and stores only valid feedback', async () => {
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const result = await dispatch(table, 'feedback:submit', payload, sender, trusted)
        expect(typeof result.ok).toBe('boolean')
        const valid = feedbackInputSchema.safeParse(payload).success
        if (result.ok) {
          expect(valid).toBe(true)
          accepted += 1
        }
      }),
      { numRuns: 10_000 }
    )
    expect(accepted).toBeGreaterThan(1000)
    const stored: FeedbackRecord[] = await store.allRecords()
    expect(stored).toHaveLength(accepted)
    for (const record of stored) {
      expect(record.articleId).toBe('knee-pain')
      expect([1, 2, 3]).toContain(record.rating)
      expect(record.comment === null || record.comment.length <= 500).toBe(true)
      expect(Object.keys(record).sort()).toEqual(
        [
          'appVersion',
          'articleId',
          'comment',
          'contentVersion',
          'id',
          'language',
          'rating',
          'sectionId',
          'station',
          'time'
        ].sort()
      )
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  }, 120_000)
})
