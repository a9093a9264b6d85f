import type { Page } from '@playwright/test'

/**
 * Every pair of visible controls and labels (buttons, headings, paragraphs, list items, the footer, anything with a
 * test id) whose boxes overlap on screen, as "a × b". A box is cut to what its scrolling parents and the window show,
 * so text scrolled out of sight does not count; an element and what it contains are not a pair; whatever sits under
 * an inert layer is covered and does not count either.
 */
export async function overlappingParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { left: number; top: number; right: number; bottom: number }
    const cut = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom)
    })
    const seen = (box: Box) => box.right - box.left > 1 && box.bottom - box.top > 1
    const shown = (element: Element): Box => {
      let box: Box = cut(element.getBoundingClientRect(), {
        left: 0,
        top: 0,
        right: window.innerWidth,
        bottom: window.innerHeight
      })
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflow !== 'visible') box = cut(box, parent.getBoundingClientRect())
      }
      return box
    }
    const parts = [
      ...document.querySelectorAll('button, h1, h2, h3, h4, p, li, footer, label, [role="status"], [data-testid]')
    ]
      .filter(
        (element) =>
          element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
          !element.closest('[inert], .visually-hidden')
      )
      .map((element) => ({ element, box: shown(element) }))
      .filter(({ box }) => seen(box))
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.getAttribute('data-testid') ? `[${element.getAttribute('data-testid')}]` : ''} "${element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 30)}"`
    const found: string[] = []
    parts.forEach((a, index) => {
      for (const b of parts.slice(index + 1)) {
        if (a.element.contains(b.element) || b.element.contains(a.element)) continue
        if (seen(cut(a.box, b.box))) found.push(`${name(a.element)} × ${name(b.element)}`)
      }
    })
    return found
  })
}
