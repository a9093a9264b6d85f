import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngagementIncrement } from '../../../src/shared/engagement'
import { engagementIncrementSchema } from '../../../src/shared/engagement-schema'
import { AttractLoop } from '../../../src/renderer/src/lib/state/attract-loop.svelte'
import { EngagementCounter } from '../../../src/renderer/src/lib/state/engagement-counter'
import { Reader } from '../../../src/renderer/src/lib/state/reader.svelte'
import { article, readerSettings, section } from './fixtures'

const settings = readerSettings

const washing = article('washing', [section('why'), section('how'), section('when')])
const flu = article('flu', [section('what'), section('who')])

describe('engagement counter', () => {
  let clock: number
  let sent: EngagementIncrement[]
  let counter: EngagementCounter
  beforeEach(() => {
    clock = 0
    sent = []
    counter = new EngagementCounter(
      (increment) => sent.push(increment),
      settings.idleSeconds,
      () => clock
    )
  })
  afterEach(() => {
    // Whatever the counter sends, main's own check must accept.
    for (const increment of sent) expect(engagementIncrementSchema.safeParse(increment).success).toBe(true)
  })
  const wait = (seconds: number) => (clock += seconds * 1000)

  it('counts nothing while attract mode shows title cards and sections by itself', () => {
    vi.useFakeTimers()
    try {
      const reader = new Reader([washing, flu])
      const loop = new AttractLoop(reader, settings)
      // What the app does on every change of the screen: tell the counter what is shown, and whether a patient is there.
      const shown = () => counter.show(reader.article, reader.section.id, loop.mode !== 'attract' && !loop.titleCard)
      loop.start()
      for (let step = 0; step < 20; step += 1) {
        shown()
        vi.advanceTimersByTime(8_000)
        wait(8)
      }
      shown()
      counter.endVisit(true)
      expect(sent).toEqual([])
      // The first touch hands the screen to a patient: from here on it counts.
      loop.touch()
      shown()
      wait(20)
      counter.endVisit()
      expect(sent).toHaveLength(1)
      expect(sent[0]?.visits).toBe(1)
      loop.stop()
    } finally {
      vi.useRealTimers()
    }
  })

  it("sends one visit's counts when it ends: each view in its time bucket, each section reached once", () => {
    counter.show(washing, 'why', true)
    wait(5)
    counter.show(washing, 'how', true)
    wait(45)
    counter.show(washing, 'why', true)
    wait(12)
    // The same section shown again (the app re-checks after a touch) is not another view.
    counter.show(washing, 'why', true)
    wait(100)
    counter.show(washing, 'when', true)
    wait(61)
    expect(sent).toEqual([])
    // The idle reset comes a full idle time after the last touch: that wait is not reading.
    counter.endVisit(true)
    expect(sent).toEqual([
      {
        articleId: 'washing',
        visits: 1,
        finished: 1,
        feedback: 0,
        sections: [
          { sectionId: 'why', reached: 1, shown: 2, time: [1, 0, 0, 1] },
          { sectionId: 'how', reached: 1, shown: 1, time: [0, 0, 1, 0] },
          { sectionId: 'when', reached: 1, shown: 1, time: [1, 0, 0, 0] }
        ]
      }
    ])
  })

  it('ends a visit when the patient opens another article, and starts a new one for it', () => {
    counter.show(washing, 'why', true)
    wait(15)
    counter.show(flu, 'what', true)
    expect(sent).toEqual([
      {
        articleId: 'washing',
        visits: 1,
        finished: 0,
        feedback: 0,
        sections: [{ sectionId: 'why', reached: 1, shown: 1, time: [0, 1, 0, 0] }]
      }
    ])
    wait(3)
    counter.endVisit()
    expect(sent[1]).toMatchObject({ articleId: 'flu', visits: 1, sections: [{ sectionId: 'what', shown: 1 }] })
  })

  it('sends feedback once per visit at once, and the rest of the visit later without counting it again', () => {
    counter.show(washing, 'why', true)
    wait(40)
    counter.pause()
    wait(30)
    counter.feedbackSent('washing')
    counter.feedbackSent('washing')
    // The section under the feedback screen is still being viewed: it goes with its one view when that ends.
    expect(sent).toEqual([{ articleId: 'washing', visits: 1, finished: 0, feedback: 1, sections: [] }])
    // Back from the thank-you screen to the same section: the same view goes on.
    counter.show(washing, 'why', true)
    wait(2)
    counter.show(washing, 'how', true)
    wait(2)
    counter.endVisit()
    expect(sent[1]).toEqual({
      articleId: 'washing',
      visits: 0,
      finished: 0,
      feedback: 0,
      sections: [
        { sectionId: 'why', reached: 1, shown: 1, time: [0, 0, 1, 0] },
        { sectionId: 'how', reached: 1, shown: 1, time: [1, 0, 0, 0] }
      ]
    })
  })

  it('counts a section seen again after the feedback screen was cancelled as the one view it was', () => {
    counter.show(washing, 'why', true)
    wait(8)
    // The feedback screen covers the reader; the patient cancels it and reads on where they were.
    counter.pause()
    wait(60)
    counter.show(washing, 'why', true)
    wait(8)
    counter.show(washing, 'how', true)
    wait(5)
    counter.endVisit()
    expect(sent).toEqual([
      {
        articleId: 'washing',
        visits: 1,
        finished: 0,
        feedback: 0,
        sections: [
          // 16 seconds of reading in one view; the minute under the feedback screen is not reading.
          { sectionId: 'why', reached: 1, shown: 1, time: [0, 1, 0, 0] },
          { sectionId: 'how', reached: 1, shown: 1, time: [1, 0, 0, 0] }
        ]
      }
    ])
  })

  it('keeps the reading time a covered view had when the idle reset ends the visit under the feedback screen', () => {
    counter.show(washing, 'why', true)
    wait(40)
    counter.pause()
    wait(600)
    counter.endVisit(true)
    expect(sent).toEqual([
      {
        articleId: 'washing',
        visits: 1,
        finished: 0,
        feedback: 0,
        sections: [{ sectionId: 'why', reached: 1, shown: 1, time: [0, 0, 1, 0] }]
      }
    ])
  })

  it('sends nothing for an end without a visit, and nothing twice', () => {
    counter.endVisit()
    counter.show(washing, 'why', true)
    counter.endVisit()
    counter.endVisit(true)
    expect(sent).toHaveLength(1)
  })
})
