/** How far and how fast a finger must travel sideways before a swipe turns the page. */
export const swipeThresholds = {
  /** A slow drag must cover this many CSS pixels. */
  distance: 90,
  /** A quick flick may be this short... */
  flickDistance: 40,
  /** ...if it moves at least this fast, in pixels per millisecond. */
  flickSpeed: 0.5,
  /** Vertical travel may be at most this share of the horizontal, so scrolling never turns a page. */
  slope: 0.6
} as const

/** Where a finger went between touching and lifting. */
export interface Stroke {
  dx: number
  dy: number
  milliseconds: number
}

/** Reads a finished stroke: a swipe left shows the next section, a swipe right the previous, anything else nothing. */
export function classifySwipe(stroke: Stroke, thresholds = swipeThresholds): 'next' | 'previous' | null {
  const across = Math.abs(stroke.dx)
  if (Math.abs(stroke.dy) > across * thresholds.slope) return null
  const speed = across / Math.max(stroke.milliseconds, 1)
  const isSwipe =
    across >= thresholds.distance || (across >= thresholds.flickDistance && speed >= thresholds.flickSpeed)
  if (!isSwipe) return null
  return stroke.dx < 0 ? 'next' : 'previous'
}

/** An attachment that reports swipes on an element; vertical scrolling (touch-action: pan-y) cancels the stroke. */
export function swipeable(onswipe: (direction: 'next' | 'previous') => void) {
  return (element: HTMLElement) => {
    let start: { x: number; y: number; time: number; id: number } | null = null
    const down = (event: PointerEvent) => {
      if (event.isPrimary) start = { x: event.clientX, y: event.clientY, time: event.timeStamp, id: event.pointerId }
    }
    const up = (event: PointerEvent) => {
      if (!start || event.pointerId !== start.id) return
      const stroke = {
        dx: event.clientX - start.x,
        dy: event.clientY - start.y,
        milliseconds: event.timeStamp - start.time
      }
      start = null
      const direction = classifySwipe(stroke)
      if (direction) onswipe(direction)
    }
    const cancel = () => {
      start = null
    }
    element.addEventListener('pointerdown', down)
    element.addEventListener('pointerup', up)
    element.addEventListener('pointercancel', cancel)
    return () => {
      element.removeEventListener('pointerdown', down)
      element.removeEventListener('pointerup', up)
      element.removeEventListener('pointercancel', cancel)
    }
  }
}
