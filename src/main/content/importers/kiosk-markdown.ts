import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast'
import { gfmTableToMarkdown } from 'mdast-util-gfm-table'
import { toMarkdown } from 'mdast-util-to-markdown'
import { toString } from 'mdast-util-to-string'
import { importTable } from './import-table'
import { isPageDateLine } from './page-furniture'

/** A picture to copy beside the draft, under `images/`. */
export interface ImportedImage {
  name: string
  bytes: Uint8Array
}

/** What to do with a picture of the source: copy it under a file name, or leave it out with a note for the author. */
export type ImageDecision = ImportedImage | { note: string }

/** What the shaping needs to know about the source. */
export interface ShapeOptions {
  /** The article's title; a heading that repeats it at the top is dropped, since the kiosk shows the title itself. */
  title: string | null
  language: string | null
  /** Called for every picture, in order. */
  image: (url: string, alt: string) => ImageDecision
}

/** An article body in the kiosk's shape, and what the author should know about how it was made. */
export interface ShapedBody {
  root: Root
  images: ImportedImage[]
  /** What was added or left out, in plain sentences. */
  notes: string[]
  /** Dates the page gave for itself ("Page last reviewed: …"), left out of the text but useful for review dates. */
  pageDates: string[]
}

type Block = Heading | Paragraph | List | Table

const introductionHeading: Record<string, string> = {
  en: 'Introduction',
  es: 'Introducción',
  fr: 'Introduction',
  de: 'Einleitung',
  it: 'Introduzione',
  pt: 'Introdução'
}

/** The word for "Introduction" in the article's language, or null when this importer does not know it. */
export function introductionTitle(language: string | null): string | null {
  return introductionHeading[language ?? 'en'] ?? null
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Inline content the kiosk shows (text, bold, italic, code, line breaks); links become their words. */
function cleanPhrasing(nodes: PhrasingContent[], pictures: Array<{ url: string; alt: string }>): PhrasingContent[] {
  const kept: PhrasingContent[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'break':
        kept.push(node)
        break
      case 'strong':
      case 'emphasis': {
        const children = cleanPhrasing(node.children, pictures)
        if (children.length > 0) kept.push({ ...node, children })
        break
      }
      case 'link':
      case 'linkReference':
      case 'delete':
        kept.push(...cleanPhrasing(node.children, pictures))
        break
      case 'image':
        pictures.push({ url: node.url, alt: node.alt ?? '' })
        break
      case 'imageReference':
        if (node.alt) kept.push({ type: 'text', value: node.alt })
        break
      default:
        // footnote references and raw HTML carry no words of the article.
        break
    }
  }
  return kept
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const trimmed = [...nodes]
  while (trimmed[0]?.type === 'break') trimmed.shift()
  while (trimmed.at(-1)?.type === 'break') trimmed.pop()
  return trimmed
}

function hasWords(nodes: PhrasingContent[]): boolean {
  return toString({ type: 'paragraph', children: nodes }).trim() !== ''
}

/** Turns any mdast into a flat run of headings, paragraphs (a picture stands alone) and one-level lists of text. */
class Flattener {
  readonly blocks: Block[] = []
  readonly pictures: Array<{ at: number; url: string; alt: string }> = []
  readonly notes: string[] = []

  private paragraph(children: PhrasingContent[]): void {
    const pictures: Array<{ url: string; alt: string }> = []
    const kept = trimPhrasing(cleanPhrasing(children, pictures))
    if (hasWords(kept)) this.blocks.push({ type: 'paragraph', children: kept })
    for (const picture of pictures) this.picture(picture.url, picture.alt)
  }

  private picture(url: string, alt: string): void {
    this.pictures.push({ at: this.blocks.length, url, alt })
    this.blocks.push({ type: 'paragraph', children: [{ type: 'image', url, alt }] })
  }

  private listItems(item: ListItem, items: ListItem[], pictures: Array<{ url: string; alt: string }>): void {
    const text: PhrasingContent[] = []
    const nested: ListItem[] = []
    const walk = (nodes: RootContent[]) => {
      for (const child of nodes) {
        if (child.type === 'list') {
          for (const inner of child.children) this.listItems(inner, nested, pictures)
        } else if (child.type === 'paragraph' || child.type === 'heading') {
          const words = trimPhrasing(cleanPhrasing(child.children, pictures))
          if (!hasWords(words)) continue
          if (text.length > 0) text.push({ type: 'text', value: ' ' })
          text.push(...words)
        } else if (child.type === 'code' || child.type === 'html') {
          if (child.type === 'code' && child.value.trim()) text.push({ type: 'text', value: child.value.trim() })
        } else if ('children' in child) {
          walk(child.children as RootContent[])
        }
      }
    }
    walk(item.children)
    if (hasWords(text)) items.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: text }] })
    items.push(...nested)
  }

  private list(node: List): void {
    const pictures: Array<{ url: string; alt: string }> = []
    const items: ListItem[] = []
    for (const item of node.children) this.listItems(item, items, pictures)
    if (items.length > 0) this.blocks.push({ type: 'list', ordered: node.ordered === true, spread: false, children: items })
    if (node.children.some((item) => item.children.some((child) => child.type === 'list')))
      this.notes.push('A list inside a list was made into one list.')
    for (const picture of pictures) this.picture(picture.url, picture.alt)
  }

  private table(node: Table): void {
    const pictures: Array<{ url: string; alt: string }> = []
    const imported = importTable(node, cleanPhrasing, pictures)
    if (imported) {
      this.blocks.push(imported.block)
      this.notes.push(imported.note)
    }
    for (const picture of pictures) this.picture(picture.url, picture.alt)
  }

  add(nodes: RootContent[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const pictures: Array<{ url: string; alt: string }> = []
          const children = trimPhrasing(cleanPhrasing(node.children, pictures))
          if (hasWords(children)) this.blocks.push({ type: 'heading', depth: node.depth, children })
          for (const picture of pictures) this.picture(picture.url, picture.alt)
          break
        }
        case 'paragraph':
          this.paragraph(node.children)
          break
        case 'list':
          this.list(node)
          break
        case 'table':
          this.table(node)
          break
        case 'image':
          this.picture(node.url, node.alt ?? '')
          break
        case 'code':
          if (node.value.trim()) this.paragraph([{ type: 'text', value: node.value.trim() }])
          break
        case 'blockquote':
        case 'footnoteDefinition':
          this.add(node.children)
          break
        default:
          // thematic breaks, raw HTML, definitions: no words of the article.
          if ('children' in node && Array.isArray(node.children)) this.add(node.children as RootContent[])
      }
    }
  }
}

/** A paragraph's lines of text, split where it had line breaks. */
function paragraphLines(paragraph: Paragraph): string[] {
  const lines = ['']
  for (const child of paragraph.children) {
    if (child.type === 'break') lines.push('')
    else lines[lines.length - 1] += toString(child)
  }
  return lines.map(normalizeSpace).filter(Boolean)
}

function headingText(heading: Heading): string {
  return normalizeSpace(toString(heading))
}

/**
 * Shapes an article's mdast the way the kiosk reads it (see docs/CONTENT.md): `##` sections and `###` sub-sections
 * only, paragraphs, one-level lists, a picture in a paragraph of its own with its description, links as plain words.
 * Every word of the text is kept; what had to change is said in `notes`.
 */
export function shapeForKiosk(tree: Root, options: ShapeOptions): ShapedBody {
  const flattener = new Flattener()
  flattener.add(tree.children)
  const notes = [...new Set(flattener.notes)]
  const pageDates: string[] = []
  let blocks: Block[] = []
  for (const block of flattener.blocks) {
    const lines = block.type === 'paragraph' ? paragraphLines(block) : []
    if (lines.length > 0 && isPageDateLine(lines[0] ?? '')) pageDates.push(lines.join('; '))
    else blocks.push(block)
  }

  const images: ImportedImage[] = []
  const shaped: Block[] = []
  for (const block of blocks) {
    const image = block.type === 'paragraph' && block.children.length === 1 ? block.children[0] : undefined
    if (image?.type !== 'image') {
      shaped.push(block)
      continue
    }
    const decision = options.image(image.url, image.alt ?? '')
    if ('note' in decision) {
      notes.push(decision.note)
      continue
    }
    images.push(decision)
    shaped.push({ type: 'paragraph', children: [{ ...image, url: `images/${decision.name}`, alt: image.alt ?? '' }] })
    if (!image.alt?.trim()) notes.push(`The picture images/${decision.name} has no description: write one between [ ].`)
  }
  blocks = shaped

  // A heading that repeats the title before any text is the page's own title: the kiosk shows the title already.
  const title = options.title ? normalizeSpace(options.title).toLowerCase() : null
  const firstText = blocks.findIndex((block) => block.type !== 'heading')
  blocks = blocks.filter(
    (block, index) =>
      !(block.type === 'heading' && index < firstText && title !== null && headingText(block).toLowerCase() === title)
  )

  // The highest heading level left becomes `##` (one screen each), the next `###`; deeper levels are `###` too.
  const depths = blocks.filter((block) => block.type === 'heading').map((block) => block.depth)
  const top = depths.length > 0 ? Math.min(...depths) : 2
  if (depths.some((depth) => depth > top + 1)) notes.push('Headings deeper than a sub-section were made sub-sections (###).')
  for (const block of blocks) if (block.type === 'heading') block.depth = block.depth === top ? 2 : 3

  // Text before the first section needs a section heading of its own.
  const firstSection = blocks.findIndex((block) => block.type === 'heading' && block.depth === 2)
  if (blocks.length > 0 && firstSection !== 0) {
    const heading = introductionTitle(options.language) ?? options.title ?? 'Introduction'
    blocks.unshift({ type: 'heading', depth: 2, children: [{ type: 'text', value: heading }] })
    notes.push(`The heading "${heading}" was added over the opening text, which had none.`)
  }

  blocks = mergeEmptySections(blocks, notes)

  return { root: { type: 'root', children: dropEmptySections(blocks, notes) }, images, notes, pageDates }
}

/** A `##` with nothing under it before the next `##` takes the next one as its first sub-section. */
function mergeEmptySections(blocks: Block[], notes: string[]): Block[] {
  return blocks.map((block, index) => {
    const before = blocks[index - 1]
    if (block.type === 'heading' && block.depth === 2 && before?.type === 'heading' && before.depth === 2) {
      notes.push(`"${headingText(block)}" was made a sub-section of "${headingText(before)}", which had no text.`)
      return { ...block, depth: 3 }
    }
    return block
  })
}

/** Headings left with no text at all at the end (a page's "Post navigation", say) carry no article; they go. */
function dropEmptySections(blocks: Block[], notes: string[]): Block[] {
  const kept = [...blocks]
  while (kept.at(-1)?.type === 'heading') {
    const heading = kept.pop() as Heading
    notes.push(`The heading "${headingText(heading)}" had no text after it and was left out.`)
  }
  return kept
}

/** The body as Markdown: `-` bullets, `_italic_`, `**bold**`, GFM tables, one blank line between blocks. */
export function bodyMarkdown(root: Root): string {
  return toMarkdown(root, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    listItemIndent: 'one',
    rule: '-',
    extensions: [gfmTableToMarkdown()]
  })
}
