import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { toString } from 'mdast-util-to-string'
import { frontmatter } from 'micromark-extension-frontmatter'
import type { Article, Block, ContentProblem, Inline, Section } from '../../shared/domain'
import { blockText, countWords } from '../../shared/reading-time'
import { parseFrontMatter } from './front-matter'

/** What the parser asks of the outside world: whether an image an article links to exists. */
export interface ParseContext {
  /** The file's path relative to the content folder, with forward slashes. */
  file: string
  /** Resolves an image link against the article, or says why it cannot be used. */
  resolveImage: (src: string) => { path: string } | { problem: string }
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

function paragraphBlock(node: Paragraph, context: ParseContext, problems: ContentProblem[]): Block | null {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const only = meaningful[0]
  if (meaningful.length === 1 && only?.type === 'image') {
    const resolved = context.resolveImage(only.url)
    if ('problem' in resolved) {
      problems.push({ file: context.file, line: lineOf(only), message: resolved.problem })
      return null
    }
    if (!only.alt?.trim()) {
      problems.push({
        file: context.file,
        line: lineOf(only),
        message: 'an image needs a description: ![what it shows](file)'
      })
      return null
    }
    return { type: 'image', src: resolved.path, alt: only.alt.trim() }
  }
  return { type: 'paragraph', inlines: toInlines(node.children, context, problems) }
}

function listBlock(node: List, context: ParseContext, problems: ContentProblem[]): Block {
  const items = node.children.map((item) => {
    const inlines: Inline[] = []
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        if (inlines.length > 0) inlines.push({ text: ' ' })
        inlines.push(...toInlines(child.children, context, problems))
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
  const sections: Array<Omit<Section, 'wordCount'> & { line: number }> = []
  const problem = (node: RootContent, message: string) =>
    problems.push({ file: context.file, line: lineOf(node), message })
  for (const node of nodes) {
    const current = sections.at(-1)
    if (node.type === 'heading' && node.depth === 2) {
      const title = toString(node).trim()
      if (!title) problem(node, 'a section heading (##) needs words')
      sections.push({ id: slugify(title), title, blocks: [], line: lineOf(node) })
      continue
    }
    if (!current) {
      problem(node, 'everything after the front matter must sit under a section heading (## Heading)')
      continue
    }
    const block = blockFor(node as Exclude<RootContent, Heading> | Heading, context, problems, problem)
    if (block) current.blocks.push(block)
  }
  const used = new Map<string, number>()
  return sections.flatMap(({ line, ...section }) => {
    if (section.blocks.length === 0) {
      problems.push({ file: context.file, line, message: `section "${section.title}" is empty` })
      return []
    }
    const seen = used.get(section.id) ?? 0
    used.set(section.id, seen + 1)
    const id = seen === 0 ? section.id : `${section.id}-${seen + 1}`
    return [{ ...section, id, wordCount: sectionWords(section) }]
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
      if (node.depth === 3) return { type: 'subheading', text: toString(node).trim() }
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

/** Parses one markdown article with YAML front matter, reporting every problem with its line. */
export function parseArticle(text: string, context: ParseContext): ParseOutcome {
  const problems: ContentProblem[] = []
  let tree: Root
  try {
    tree = fromMarkdown(text, {
      extensions: [frontmatter(['yaml'])],
      mdastExtensions: [frontmatterFromMarkdown(['yaml'])]
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
  if (sections.length === 0 && !problems.some((p) => p.message.includes('empty'))) {
    problems.push({ file: context.file, line: 1, message: 'the article has no sections (## Heading)' })
  }
  if (!meta || problems.length > 0) return { article: null, problems }
  const { idLine, ...fields } = meta
  return { article: { ...fields, sections, file: context.file }, problems, idLine }
}
