import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FeedbackInput } from '../../../src/shared/feedback'
import { fail, ok, type Result } from '../../../src/shared/result'
import { FeedbackDraft } from '../../../src/renderer/src/lib/state/feedback-draft.svelte'
import { article, section } from './fixtures'

const knee = article('knee-pain', [section('causes'), section('exercises')])
const short = article('one-screen', [section('only')])

function setUp(answer: () => Promise<Result<{ id: string }>> = async () => ok({ id: 'new' })) {
  const submitFeedback = vi.fn<(input: FeedbackInput) => Promise<Result<{ id: string }>>>(answer)
  const draft = new FeedbackDraft({ submitFeedback }, () => 'es', 6)
  return { draft, submitFeedback }
}

describe('feedback draft', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('goes from rating to comment to the part that helped, then sends it all', async () => {
    const { draft, submitFeedback } = setUp()
    draft.open(knee)
    expect(draft.step).toBe('rating')
    draft.choose(3)
    draft.type('Muy claro')
    await draft.finishComment()
    expect(draft.step).toBe('part')
    await draft.send('exercises')
    expect(submitFeedback).toHaveBeenCalledWith({
      articleId: 'knee-pain',
      sectionId: 'exercises',
      rating: 3,
      comment: 'Muy claro',
      language: 'es'
    })
    expect(draft.step).toBe('thanks')
  })

  it('starts at the comment when a face was tapped at the end of the article', () => {
    const { draft } = setUp()
    draft.open(knee, 2)
    expect(draft.step).toBe('comment')
    expect(draft.rating).toBe(2)
  })

  it('does not ask which part helped after "not helpful", or for a one-screen article', async () => {
    const first = setUp()
    first.draft.open(knee, 1)
    await first.draft.finishComment()
    expect(first.submitFeedback).toHaveBeenCalledWith(expect.objectContaining({ sectionId: null, rating: 1 }))
    const second = setUp()
    second.draft.open(short, 3)
    await second.draft.finishComment()
    expect(second.submitFeedback).toHaveBeenCalledTimes(1)
  })

  it('sends a blank comment as no comment and never more than 500 characters', async () => {
    const { draft, submitFeedback } = setUp()
    draft.open(short, 3)
    draft.type('x'.repeat(600))
    expect(draft.comment).toHaveLength(500)
    draft.type('   ')
    await draft.finishComment()
    expect(submitFeedback.mock.calls[0]?.[0].comment).toBeNull()
  })

  it('ignores typing and Done while the feedback is on its way, and still shows the thanks', async () => {
    let answer: (result: Result<{ id: string }>) => void = () => {}
    const { draft, submitFeedback } = setUp(() => new Promise((resolve) => (answer = resolve)))
    draft.open(knee, 1)
    draft.type('sent as is')
    const sending = draft.finishComment()
    draft.type('changed')
    await draft.finishComment()
    answer(ok({ id: 'new' }))
    await sending
    expect(draft.step).toBe('thanks')
    expect(submitFeedback).toHaveBeenCalledTimes(1)
    expect(submitFeedback.mock.calls[0]?.[0].comment).toBe('sent as is')
  })

  it('sends once however many times send is tapped', async () => {
    const { draft, submitFeedback } = setUp()
    draft.open(short, 3)
    await Promise.all([draft.send(null), draft.send(null), draft.finishComment()])
    expect(submitFeedback).toHaveBeenCalledTimes(1)
  })

  it('kindly refuses a second feedback in the same visit, and allows it after the idle reset', async () => {
    const { draft, submitFeedback } = setUp()
    draft.open(short, 3)
    await draft.send(null)
    draft.open(knee)
    expect(draft.step).toBe('already')
    draft.reset()
    draft.open(knee)
    expect(draft.step).toBe('rating')
    expect(submitFeedback).toHaveBeenCalledTimes(1)
  })

  it('goes back to reading a few seconds after the thanks', async () => {
    const { draft } = setUp()
    draft.open(short, 3)
    await draft.send(null)
    vi.advanceTimersByTime(5_999)
    expect(draft.step).toBe('thanks')
    vi.advanceTimersByTime(1)
    expect(draft.step).toBe('closed')
  })

  it('keeps the comment and shows the error when the kiosk refuses, so nothing typed is lost', async () => {
    const { draft } = setUp(async () => fail('storage-failed', 'disk full'))
    draft.open(knee, 3)
    draft.type('Keep this')
    await draft.finishComment()
    await draft.send(null)
    expect(draft.step).toBe('comment')
    expect(draft.error).toBe('storage-failed')
    expect(draft.comment).toBe('Keep this')
  })

  it('wipes a half-typed comment on the idle reset', () => {
    const { draft } = setUp()
    draft.open(knee, 2)
    draft.type('half a thou')
    draft.reset()
    expect(draft.step).toBe('closed')
    expect(draft.comment).toBe('')
    expect(draft.rating).toBeNull()
  })
})
