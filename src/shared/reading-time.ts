import type { Block, Inline } from './domain'

/** Counts words the way a reader perceives them: runs of letters or digits, apostrophes and hyphens kept inside. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

function inlineText(inlines: Inline[]): string {
  return inlines.map((inline) => inline.text).join('')
}

/** The plain text of a block, for word counts and reading aloud. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.inlines)
    case 'subheading':
      return block.text
    case 'list':
      return block.items.map(inlineText).join('\n')
    case 'image':
      return block.alt
    case 'table':
      return [block.header, ...block.rows].map((row) => row.map(inlineText).join('\n')).join('\n')
  }
}

/** Limits for how long attract mode shows one section. */
export interface DwellLimits {
  wordsPerMinute: number
  minSeconds: number
  maxSeconds: number
}

/** How long attract mode keeps a section up: its words at a slow reading speed, kept within the limits. */
export function dwellMilliseconds(wordCount: number, limits: DwellLimits): number {
  const seconds = (wordCount / limits.wordsPerMinute) * 60
  return Math.round(Math.min(limits.maxSeconds, Math.max(limits.minSeconds, seconds)) * 1000)
}
