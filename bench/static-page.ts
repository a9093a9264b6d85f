import type { Element, Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'

/** Whether an element runs or fetches the app's code: a script, or a module preload. */
function isCode(element: Element): boolean {
  if (element.tagName === 'script') return true
  const rel = element.properties['rel']
  return element.tagName === 'link' && Array.isArray(rel) && rel.includes('modulepreload')
}

/** Where in the text each element that runs or fetches code starts and ends. */
function codeRanges(node: Nodes, ranges: Array<[number, number]> = []): Array<[number, number]> {
  if (node.type === 'element' && isCode(node)) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) throw new Error(`no position for a <${node.tagName}> in the page`)
    ranges.push([start, end])
    return ranges
  }
  if ('children' in node) for (const child of node.children) codeRanges(child, ranges)
  return ranges
}

/**
 * A page with its scripts and module preloads taken out and every other byte left as it was: the same HTML, CSS and
 * fonts, painted by Chromium with no script at all. It is the floor of the first-paint and smoothness benchmarks: what
 * the machine cannot beat to show the same screen. The page is parsed as a browser would (parse5), not searched with a
 * pattern, so a script written any way is found.
 */
export function withoutScripts(page: string): string {
  const ranges = codeRanges(fromHtml(page)).sort((a, b) => a[0] - b[0])
  let kept = ''
  let from = 0
  for (const [start, end] of ranges) {
    kept += page.slice(from, start)
    from = end
  }
  return kept + page.slice(from)
}

/**
 * A page saved from a live document (`document.documentElement.outerHTML`, which leaves out the doctype) as a static
 * page: with the doctype back, so Chromium lays it out in standards mode as it did the app, and without scripts.
 */
export const staticSnapshot = (outerHtml: string): string => withoutScripts(`<!doctype html>\n${outerHtml}`)
