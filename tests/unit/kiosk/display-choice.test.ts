import { describe, expect, it } from 'vitest'
import { chooseDisplay, type DisplayInfo } from '../../../src/main/kiosk/display-choice'

// The PC's own screen (primary) on the left, the touch monitor in the waiting room on its right.
const office: DisplayInfo = { id: 11, label: 'Built-in Display', bounds: { x: 0, y: 0, width: 1920, height: 1080 } }
const touch: DisplayInfo = { id: 22, label: 'DELL P2418HT', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } }
// A third one added later, left of the office screen.
const added: DisplayInfo = { id: 33, label: 'HP E24', bounds: { x: -1920, y: 0, width: 1920, height: 1080 } }

describe('the display the kiosk goes on', () => {
  it('starts on the primary display when nothing is configured', () => {
    expect(chooseDisplay([office, touch], null, null, office.id)).toEqual({ display: office, why: 'primary' })
  })

  it('stays on the display it was on when displays change, rather than moving to the primary one', () => {
    expect(chooseDisplay([office, touch, added], null, touch.id, office.id)).toEqual({ display: touch, why: 'current' })
  })

  it('goes to the primary display when the one it was on is gone', () => {
    expect(chooseDisplay([office], null, touch.id, office.id)).toEqual({ display: office, why: 'primary' })
  })

  it('goes on the configured display, numbered from the left', () => {
    expect(chooseDisplay([office, touch], 2, null, office.id)).toEqual({ display: touch, why: 'configured' })
    // Adding a display on the left renumbers them: numbers count from the left as they stand now.
    expect(chooseDisplay([office, touch, added], 1, touch.id, office.id).display).toBe(added)
  })

  it('goes on the configured display by its name, whatever the case, wherever it is in the list', () => {
    expect(chooseDisplay([touch, office, added], 'dell p2418ht', null, office.id)).toEqual({
      display: touch,
      why: 'configured'
    })
  })

  it('falls back to the display it was on, then the primary one, when the configured one is not connected, and says so', () => {
    expect(chooseDisplay([office, touch], 'Samsung', touch.id, office.id)).toEqual({
      display: touch,
      why: 'current',
      missing: 'Samsung'
    })
    expect(chooseDisplay([office, touch], 3, null, office.id)).toEqual({ display: office, why: 'primary', missing: 3 })
  })

  it('orders displays one above the other from the top', () => {
    const upper: DisplayInfo = { id: 1, label: 'upper', bounds: { x: 0, y: -1080, width: 1920, height: 1080 } }
    expect(chooseDisplay([office, upper], 1, null, office.id).display).toBe(upper)
  })
})
