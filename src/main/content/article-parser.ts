import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { toString } from 'mdast-util-to-string'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Article, Block, ContentProblem, Inline, Section } from '../../shared/domain'
import { blockText, countWords } from '../../shared/reading-time'
import { contentLimits } from './content-limits'
import { parseFrontMatter } from './front-matter'
import { rawSyntax, spacedPicture } from './raw-syntax'
import { tableBlock } from './table-block'

/** What the parser asks of the outside world: whether an image an article links to exists. */
export interface ParseContext {
  /** The file's path relative to the content folder, with forward slashes. */
  file: string
  /** Resolves an image link (on `line`) against the article, or says why it cannot be used. */
  resolveImage: (src: string, line: number) => { path: string } | { problem: string }
}

/** An article, or the reasons it cannot be shown. */
export interface ParseOutcome {
  article: Article | null
  problems: ContentProblem[]
  /** The line of the front matter's `id`, for problems about the id found across files. */
  idLine?: number
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1
}

/** Turns a heading into an id that stays the same while the heading does. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return slug || 'section'
}

/**
 * Hands out ids in heading order, each different from all before it: "Intro", "Intro", "Intro 2" become `intro`,
 * `intro-2` and `intro-2-2`, because the screen keys its section lists by id and a repeat breaks them.
 */
class UniqueIds {
  readonly #taken = new Set<string>()
  /** The next number to try after each base id, so a thousand repeats cost a thousand steps, not a million. */
  readonly #nextNumber = new Map<string, number>()

  /** The base id if it is free, or the base with the lowest free `-2`, `-3`, … after those already tried. */
  next(base: string): string {
    let id = base
    let number = this.#nextNumber.get(base) ?? 2
    while (this.#taken.has(id)) {
      id = `${base}-${number}`
      number += 1
    }
    this.#nextNumber.set(base, number)
    this.#taken.add(id)
    return id
  }
}

function toInlines(nodes: PhrasingContent[], context: ParseContext, problems: ContentProblem[]): Inline[] {
  const inlines: Inline[] = []
  const walk = (list: PhrasingContent[], marks: { strong?: boolean; emphasis?: boolean }) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          inlines.push({ text: node.value, ...marks })
          break
        case 'break':
          inlines.push({ text: ' ', ...marks })
          break
        case 'strong':
          walk(node.children, { ...marks, strong: true })
          break
        case 'emphasis':
          walk(node.children, { ...marks, emphasis: true })
          break
        case 'link':
          // The kiosk never navigates, so a link shows as its words.
          walk(node.children, marks)
          break
        case 'html':
          problems.push({ file: context.file, line: lineOf(node), message: 'raw HTML is not allowed in articles' })
          break
        case 'delete':
          problems.push({
            file: context.file,
            line: lineOf(node),
            message:
              `~~${toString(node)}~~ is struck out, which the kiosk does not show: a line through words is hard to ` +
              'see and cannot be read aloud. Delete the words, or say in words what changed'
          })
          break
        default:
          problems.push({
            file: context.file,
            line: lineOf(node),
            message: `${node.type === 'image' ? 'an image must stand in a paragraph of its own' : `"${node.type}" is not supported in articles`}`
          })
      }
    }
  }
  walk(nodes, {})
  return inlines
}

/**
 * The inlines of a paragraph, heading, list item or table cell, after reporting any Markdown in it that did not parse
 * and would show on screen as written.
 */
function inlinesOf(
  node: { children: PhrasingContent[]; position?: { start: { line: number } } },
  context: ParseContext,
  problems: ContentProblem[]
): Inline[] {
  for (const raw of rawSyntax(toString(node))) {
    problems.push({ file: context.file, line: lineOf(node) + raw.line, message: raw.message })
  }
  return toInlines(node.children, context, problems)
}

function pictureBlock(
  picture: { url: string; alt: string | null | undefined },
  line: number,
  context: ParseContext,
  problems: ContentProblem[]
): Block | null {
  const resolved = context.resolveImage(picture.url, line)
  if ('problem' in resolved) {
    problems.push({ file: context.file, line, message: resolved.problem })
    return null
  }
  if (!picture.alt?.trim()) {
    problems.push({ file: context.file, line, message: 'an image needs a description: ![what it shows](file)' })
    return null
  }
  return { type: 'image', src: resolved.path, alt: picture.alt.trim() }
}

function paragraphBlock(node: Paragraph, context: ParseContext, problems: ContentProblem[]): Block | null {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const only = meaningful[0]
  if (meaningful.length === 1 && only?.type === 'image')
    return pictureBlock({ url: only.url, alt: only.alt }, lineOf(only), context, problems)
  // Authors write a picture with spaces in its file name as they see it; CommonMark alone would show it as text.
  const spaced = node.children.every((child) => child.type === 'text') ? spacedPicture(toString(node)) : null
  if (spaced) return pictureBlock({ url: spaced.src, alt: spaced.alt }, lineOf(node), context, problems)
  return { type: 'paragraph', inlines: inlinesOf(node, context, problems) }
}

function listBlock(node: List, context: ParseContext, problems: ContentProblem[]): Block {
  const items = node.children.map((item) => {
    const inlines: Inline[] = []
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        if (inlines.length > 0) inlines.push({ text: ' ' })
        inlines.push(...inlinesOf(child, context, problems))
      } else {
        problems.push({ file: context.file, line: lineOf(child), message: 'a list item may hold only text' })
      }
    }
    return inlines
  })
  return { type: 'list', ordered: node.ordered === true, items }
}

function sectionWords(section: Omit<Section, 'wordCount'>): number {
  return countWords([section.title, ...section.blocks.map(blockText)].join('\n'))
}

function parseBody(nodes: RootContent[], context: ParseContext, problems: ContentProblem[]): Section[] {
  const sections: Array<Omit<Section, 'wordCount'> & { line: number; refused: boolean }> = []
  const problem = (node: RootContent, message: string) =>
    problems.push({ file: context.file, line: lineOf(node), message })
  for (const node of nodes) {
    const current = sections.at(-1)
    if (node.type === 'heading' && node.depth === 2) {
      inlinesOf(node, context, problems)
      const title = toString(node).trim()
      if (!title) problem(node, 'a section heading (##) needs words')
      sections.push({ id: slugify(title), title, blocks: [], line: lineOf(node), refused: false })
      continue
    }
    if (!current) {
      problem(node, 'everything after the front matter must sit under a section heading (## Heading)')
      continue
    }
    const block = blockFor(node as Exclude<RootContent, Heading> | Heading, context, problems, problem)
    if (block) current.blocks.push(block)
    else current.refused = true
  }
  if (sections.length === 0) {
    problems.push({ file: context.file, line: 1, message: 'the article has no sections (## Heading)' })
  }
  const uniqueIds = new UniqueIds()
  return sections.flatMap(({ line, refused, ...section }) => {
    if (section.blocks.length === 0) {
      // A section whose only block was refused is not empty to its author; that block's problem says it all.
      if (!refused) problems.push({ file: context.file, line, message: `section "${section.title}" is empty` })
      return []
    }
    const id = uniqueIds.next(section.id)
    const wordCount = sectionWords(section)
    // A section is one screen: thousands of words would hold the screen (and a patient's finger) for seconds.
    if (wordCount > contentLimits.sectionWords)
      problems.push({
        file: context.file,
        line,
        message:
          `section "${section.title}" has ${wordCount} words; a section may have at most ` +
          `${contentLimits.sectionWords}: split it with ## headings`
      })
    return [{ ...section, id, wordCount }]
  })
}

function blockFor(
  node: RootContent,
  context: ParseContext,
  problems: ContentProblem[],
  problem: (node: RootContent, message: string) => void
): Block | null {
  switch (node.type) {
    case 'heading':
      if (node.depth === 3) {
        inlinesOf(node, context, problems)
        return { type: 'subheading', text: toString(node).trim() }
      }
      problem(
        node,
        node.depth === 1
          ? 'the title belongs in the front matter; sections start with ##'
          : 'use ## for sections and ### for sub-sections only'
      )
      return null
    case 'paragraph':
      return paragraphBlock(node, context, problems)
    case 'list':
      return listBlock(node, context, problems)
    case 'table':
      return tableBlock(node, context.file, problems, (cell) => inlinesOf(cell, context, problems))
    case 'html':
      problem(node, 'raw HTML is not allowed in articles')
      return null
    case 'yaml':
      problem(node, 'front matter may appear only once, at the top')
      return null
    default:
      problem(node, `"${node.type}" is not supported in articles`)
      return null
  }
}

/** The problems without repeats: `<b>` and `</b>` on one line are one mistake to the author. */
function onceEach(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = `${problem.line}\n${problem.message}`
    return !seen.has(key) && Boolean(seen.add(key))
  })
}

/** Parses one markdown article with YAML front matter, reporting every problem with its line; it never throws. */
export function parseArticle(text: string, context: ParseContext): ParseOutcome {
  try {
    return parseText(text, context)
  } catch (error) {
    // Nesting deep enough to exhaust the stack (thousands of `>` or `[`) must refuse one file, not stop the reading.
    const reason = error instanceof RangeError ? 'it nests too deeply' : String(error)
    return { article: null, problems: [{ file: context.file, line: 1, message: `could not be read: ${reason}` }] }
  }
}

function parseText(text: string, context: ParseContext): ParseOutcome {
  const problems: ContentProblem[] = []
  let tree: Root
  try {
    tree = fromMarkdown(text, {
      // One tilde stays a tilde ("~5 minutes"); only ~~two~~ marks struck-out words.
      extensions: [frontmatter(['yaml']), gfmTable(), gfmStrikethrough({ singleTilde: false })],
      mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()]
    })
  } catch (error) {
    return {
      article: null,
      problems: [{ file: context.file, line: 1, message: `cannot be read as markdown: ${String(error)}` }]
    }
  }
  const [first, ...rest] = tree.children
  const meta = parseFrontMatter(first?.type === 'yaml' ? first : undefined, context.file, problems)
  const sections = parseBody(first?.type === 'yaml' ? rest : tree.children, context, problems)
  if (!meta || problems.length > 0) return { article: null, problems: onceEach(problems) }
  const { idLine, ...fields } = meta
  return { article: { ...fields, sections, file: context.file }, problems, idLine }
}
