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

/** What `outsideOrUnder` measures: parts by test id, the part whose text must show its end, and what covers them. */
export interface SightCheck {
  parts: string[]
  /** A part whose last character must be in sight inside it, such as the box showing what was typed. */
  textEndOf?: string
  /** A part (an on-screen keyboard) that must not overlap any of the others. */
  cover: string
}

/**
 * Each listed part, and the cover, whose box is not wholly inside the window or is cut by a scrolling parent; each part
 * that intersects the cover's box; and the text end, when it is out of its part's sight. An empty list means a person
 * sees all of them whole.
 */
export async function outsideOrUnder(page: Page, check: SightCheck): Promise<string[]> {
  return page.evaluate(({ parts, textEndOf, cover }) => {
    type Box = { left: number; top: number; right: number; bottom: number }
    const found: string[] = []
    const show = (box: Box) =>
      `${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`
    const within = (inner: Box, outer: Box) =>
      inner.left >= outer.left - 0.5 &&
      inner.top >= outer.top - 0.5 &&
      inner.right <= outer.right + 0.5 &&
      inner.bottom <= outer.bottom + 0.5
    const meet = (a: Box, b: Box) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5
    const byId = (id: string) => document.querySelector(`[data-testid="${id}"]`)
    const coverElement = byId(cover)
    if (!coverElement) return [`${cover} is not on screen`]
    const coverBox = coverElement.getBoundingClientRect()
    const screenBox = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
    const wholeInSight = (id: string, element: Element) => {
      const box = element.getBoundingClientRect()
      if (!within(box, screenBox)) found.push(`${id} (${show(box)}) is not wholly in the window`)
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflow === 'visible') continue
        if (!within(box, parent.getBoundingClientRect())) found.push(`${id} is cut by a scrolling parent`)
      }
    }
    wholeInSight(cover, coverElement)
    for (const id of parts) {
      const element = byId(id)
      if (!element || !element.checkVisibility()) {
        found.push(`${id} is not shown`)
        continue
      }
      wholeInSight(id, element)
      const box = element.getBoundingClientRect()
      if (meet(box, coverBox)) found.push(`${id} (${show(box)}) meets ${cover} (${show(coverBox)})`)
    }
    const holder = textEndOf ? byId(textEndOf) : null
    if (holder) {
      const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT)
      let last: Text | null = null
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if ((node.textContent ?? '').trim() !== '') last = node as Text
      if (last) {
        const range = document.createRange()
        const end = (last.textContent ?? '').trimEnd().length
        range.setStart(last, end - 1)
        range.setEnd(last, end)
        const letter = range.getBoundingClientRect()
        if (!within(letter, holder.getBoundingClientRect()) || meet(letter, coverBox))
          found.push(`the last typed letter (${show(letter)}) is out of sight`)
      }
    }
    return found
  }, check)
}
