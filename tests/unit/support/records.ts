import type { FeedbackRecord } from '../../../src/shared/feedback'

/** A valid stored record about the seed article, with a fresh id; tests override what they are about. */
export function feedbackRecord(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    id: crypto.randomUUID(),
    articleId: 'baclofen-piriformis-syndrome',
    sectionId: null,
    rating: 3,
    comment: null,
    language: 'en',
    contentVersion: 'abc123',
    appVersion: '0.1.0',
    station: 'Waiting room',
    time: '2026-11-24T10:15:00.000Z',
    ...overrides
  }
}
