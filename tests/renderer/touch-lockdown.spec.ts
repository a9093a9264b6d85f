import { expect, test, touchStroke } from './kiosk-fixture'

test.describe('touch lockdown', () => {
  test('text cannot be selected, by a long press or by dragging across it', async ({ kiosk }) => {
    const paragraph = kiosk.locator('article p').first()
    expect(await paragraph.evaluate((element) => getComputedStyle(element).userSelect)).toBe('none')
    const box = await paragraph.boundingBox()
    if (!box) throw new Error('no paragraph on screen')
    await kiosk.mouse.move(box.x + 5, box.y + 5)
    await kiosk.mouse.down()
    await kiosk.mouse.move(box.x + box.width - 5, box.y + box.height - 5, { steps: 8 })
    await kiosk.mouse.up()
    await paragraph.dblclick()
    expect(await kiosk.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')
  })

  test('a long press opens no context menu', async ({ kiosk }) => {
    const prevented = await kiosk.getByTestId('section-viewport').evaluate((element) => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true })
      element.dispatchEvent(event)
      return event.defaultPrevented
    })
    expect(prevented).toBe(true)
  })

  // Headless Chromium ignores synthetic pinches even on pages that allow zoom, so this checks what blocks a real one:
  // the viewport meta, and a touch-action without pinch-zoom on every element a finger can land on.
  test('nothing on the screen lets a pinch zoom', async ({ kiosk }) => {
    await kiosk.getByTestId('open-section-list').tap()
    const viewportMeta = await kiosk.locator('meta[name="viewport"]').getAttribute('content')
    expect(viewportMeta).toContain('user-scalable=no')
    expect(viewportMeta).toContain('maximum-scale=1')
    const zoomable = await kiosk.evaluate(() =>
      [...document.querySelectorAll('body, body *')]
        .filter((element) => !/^(pan-y|none|pan-x pan-y|pan-x)$/.test(getComputedStyle(element).touchAction))
        .map(
          (element) => `${element.tagName.toLowerCase()}.${element.className}: ${getComputedStyle(element).touchAction}`
        )
    )
    expect(zoomable).toEqual([])
  })

  test('the page never bounces or scrolls sideways', async ({ kiosk }) => {
    const styles = await kiosk.evaluate(() => {
      const root = getComputedStyle(document.documentElement)
      const viewport = getComputedStyle(document.querySelector('[data-testid="section-viewport"]') as Element)
      return { root: root.overscrollBehaviorX, touch: root.touchAction, viewport: viewport.overscrollBehaviorY }
    })
    expect(styles).toEqual({ root: 'none', touch: 'pan-y', viewport: 'contain' })
    await touchStroke(kiosk, { x: 1800, y: 500 }, { x: 1900, y: 500 })
    expect(await kiosk.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0])
  })
})

test.describe('keys and pointer', () => {
  test('keys that would reload, print, find, zoom or open tools do nothing', async ({ kiosk }) => {
    const prevented = await kiosk.evaluate(() =>
      [
        { key: 'F5' },
        { key: 'r', ctrlKey: true },
        { key: 'p', ctrlKey: true },
        { key: 'f', ctrlKey: true },
        { key: '+', ctrlKey: true },
        { key: 'I', ctrlKey: true, shiftKey: true },
        { key: 'F4', altKey: true },
        { key: 'a' }
      ].map((init) => {
        const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true })
        document.body.dispatchEvent(event)
        return `${init.key}:${event.defaultPrevented}`
      })
    )
    expect(prevented).toEqual(['F5:true', 'r:true', 'p:true', 'f:true', '+:true', 'I:true', 'F4:true', 'a:false'])
  })

  test('the mouse pointer hides while the screen is used by touch, and returns with a mouse', async ({ kiosk }) => {
    await kiosk.getByTestId('section-viewport').tap()
    expect(await kiosk.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none')
    await kiosk.mouse.move(400, 400)
    await kiosk.mouse.move(420, 420)
    expect(await kiosk.evaluate(() => getComputedStyle(document.body).cursor)).not.toBe('none')
  })
})
