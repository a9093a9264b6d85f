import { describe, expect, it } from 'vitest'
import { classifySwipe, swipeThresholds } from '../../../src/renderer/src/lib/swipe'

describe('swipe', () => {
  it('turns to the next section on a long drag to the left, and back on a drag to the right', () => {
    expect(classifySwipe({ dx: -200, dy: 10, milliseconds: 600 })).toBe('next')
    expect(classifySwipe({ dx: 200, dy: -10, milliseconds: 600 })).toBe('previous')
  })

  it('accepts a short quick flick', () => {
    expect(classifySwipe({ dx: -60, dy: 0, milliseconds: 80 })).toBe('next')
  })

  it('ignores a tap, even a slightly shaky one', () => {
    expect(classifySwipe({ dx: 0, dy: 0, milliseconds: 90 })).toBeNull()
    expect(classifySwipe({ dx: 12, dy: 6, milliseconds: 30 })).toBeNull()
  })

  it('ignores a short slow drag', () => {
    expect(classifySwipe({ dx: -60, dy: 0, milliseconds: 900 })).toBeNull()
  })

  it('ignores a vertical scroll, even a long one that drifts sideways', () => {
    expect(classifySwipe({ dx: -120, dy: 400, milliseconds: 300 })).toBeNull()
    expect(classifySwipe({ dx: -swipeThresholds.distance, dy: swipeThresholds.distance, milliseconds: 300 })).toBeNull()
  })
})
