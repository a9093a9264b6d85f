import { basename } from 'node:path'
import type { Heading, List, Paragraph, Root, RootContent } from 'mdast'
import { countWords } from '../../../shared/reading-time'
import { languageOfText } from './article-language'
import { firstSentences, type ImportedArticle } from './imported-article'
import { shapeForKiosk } from './kiosk-markdown'
import { isPageDateLine, isPageFurnitureLine } from './page-furniture'
import { decodeSourceText } from './source-text'

/** One line of a flattened page, as the heuristic reads it. */
type Line =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; text: string; ordered: boolean }

/** Headings are short: a line of more words than this is a paragraph whatever its punctuation. */
const headingMaxWords = 14

const closingPhrases: Record<string, { pattern: RegExp; heading: string }> = {
  en: { pattern: /^(?:in conclusion|to conclude|in summary|to sum up|to summari[sz]e)\b/iu, heading: 'Conclusion' },
  es: { pattern: /^(?:en conclusión|en resumen|para concluir|para terminar|en definitiva)\b/iu, heading: 'Conclusión' },
  fr: { pattern: /^(?:en conclusion|pour conclure|en résumé)\b/iu, heading: 'Conclusion' },
  de: { pattern: /^(?:zusammenfassend|abschließend|fazit)\b/iu, heading: 'Fazit' },
  it: { pattern: /^(?:in conclusione|per concludere|in sintesi)\b/iu, heading: 'Conclusione' },
  pt: { pattern: /^(?:em conclusão|para concluir|em resumo)\b/iu, heading: 'Conclusão' }
}

// Words too common to tie a heading to the article's subject.
const commonWords = new Set(
  (
    'with your what when where which that this these those from about have after before into than they them their ' +
    'there will would should could does more most some other also only over under like just many much very ' +
    'para como cuando sobre desde entre tiene puede usted este esta estos estas pero porque donde cómo qué'
  ).split(' ')
)

function subjectWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((word) => !commonWords.has(word))
}

/** Whether a heading names the article's subject, as the title does: then it is a section, not a sub-section. */
function sharesSubject(heading: string, title: string[]): boolean {
  return subjectWords(heading).some((word) =>
    title.some((other) => other === word || (word.length >= 5 && other.length >= 5 && word.slice(0, 5) === other.slice(0, 5)))
  )
}

/**
 * A heading is a short line that does not end like a sentence (a full stop, comma, colon, semicolon or "!"), starts
 * with a capital or a digit, and is one sentence at most: a question such as "Can it help?" is a heading too.
 */
export function isHeadingLine(line: string): boolean {
  const words = countWords(line)
  if (words === 0 || words > headingMaxWords || line.length > 120) return false
  if (!/^[\p{Lu}\p{N}¿¡"'“‘(]/u.test(line)) return false
  const end = line.replace(/["'”’)\]]+$/u, '')
  if (/[.!,;:…]$/u.test(end)) return false
  // A question heading is one sentence: no sentence ends before its question mark.
  if (end.endsWith('?') && /[.!?]\s/u.test(end.slice(0, -1))) return false
  return true
}

function readLine(line: string): Line {
  const bullet = /^[-*•·–—]\s+(.+)$/u.exec(line)
  if (bullet) return { kind: 'item', text: bullet[1] ?? '', ordered: false }
  const numbered = /^\d{1,2}[.)]\s+(.+)$/u.exec(line)
  if (numbered && !isHeadingLine(line)) return { kind: 'item', text: numbered[1] ?? '', ordered: true }
  return isHeadingLine(line) ? { kind: 'heading', text: line } : { kind: 'paragraph', text: line }
}

function quoted(lines: string[]): string {
  const shown = lines.slice(0, 12).map((line) => `'${line.length > 60 ? `${line.slice(0, 57)}...` : line}'`)
  return shown.join(', ') + (lines.length > 12 ? ` and ${lines.length - 12} more` : '')
}

/**
 * Imports a page captured as flat lines of text, one heading or paragraph per line (as the first article's source
 * was). The heuristic: short lines without a sentence's final punctuation are headings, the first of them the title;
 * headings after a paragraph that ends with a colon are sub-sections (###) until a heading names the article's
 * subject again; a closing paragraph that starts "In conclusion" gets a "Conclusion" section of its own; lines
 * starting with "-" or "•" are list items. Page furniture lines (share and comment prompts, menu words, counts,
 * cookie notices, page dates) are left out, and the draft names every line left out.
 */
export function importFlatText(bytes: Uint8Array, sourceFile: string): ImportedArticle {
  const { text } = decodeSourceText(bytes)
  const leftOut: string[] = []
  const pageDates: string[] = []
  const lines: Line[] = []
  for (const line of sourceLines(text)) {
    if (isPageDateLine(line)) pageDates.push(line)
    else if (isPageFurnitureLine(line)) leftOut.push(line)
    else lines.push(readLine(line))
  }
  const language = languageOfText(lines.map((line) => line.text).join('\n'))

  // The title is the heading just before the first section heading (or just before the text, if it has none).
  const firstText = lines.findIndex((line) => line.kind !== 'heading')
  if (firstText === -1) throw new Error(`${basename(sourceFile)} has no paragraph of text to import`)
  let runStart = firstText
  while (runStart > 0 && lines[runStart - 1]?.kind === 'heading') runStart--
  const run = firstText - runStart
  const titleAt = run >= 2 ? firstText - 2 : run === 1 ? firstText - 1 : -1
  const title = titleAt >= 0 ? (lines[titleAt]?.text ?? null) : null
  const before = lines.slice(0, Math.max(titleAt, runStart))
  leftOut.unshift(...before.map((line) => line.text))
  const body = lines.slice(titleAt >= 0 ? titleAt + 1 : runStart)

  const titleWords = subjectWords(title ?? '')
  const closing = closingPhrases[language ?? 'en']
  const notes: string[] = []
  const blocks: RootContent[] = []
  let inSubSections = false
  for (const line of body) {
    const previous = blocks.at(-1)
    if (line.kind === 'heading') {
      const afterColon = previous?.type === 'paragraph' && /:\s*$/u.test(textOf(previous))
      inSubSections = afterColon || (inSubSections && !sharesSubject(line.text, titleWords))
      blocks.push(heading(inSubSections ? 3 : 2, line.text))
    } else if (line.kind === 'item') {
      if (previous?.type === 'list' && previous.ordered === line.ordered) previous.children.push(listItem(line.text))
      else blocks.push({ type: 'list', ordered: line.ordered, spread: false, children: [listItem(line.text)] })
    } else {
      if (closing && previous && previous.type !== 'heading' && closing.pattern.test(line.text)) {
        blocks.push(heading(2, closing.heading))
        inSubSections = false
        notes.push(`The heading "${closing.heading}" was added to give the closing paragraph a screen of its own.`)
      }
      blocks.push(paragraph(line.text))
    }
  }

  const root: Root = { type: 'root', children: blocks }
  const shaped = shapeForKiosk(root, {
    title,
    language,
    image: () => ({ note: 'A picture was left out.' })
  })
  const firstParagraph = body.find((line) => line.kind === 'paragraph')
  return {
    title,
    language,
    summary: firstParagraph ? firstSentences(firstParagraph.text) : null,
    origin: `the text file ${basename(sourceFile)}`,
    body: shaped.root,
    images: [],
    notes: [
      ...(leftOut.length > 0 ? [`Left out these lines of the page: ${quoted(leftOut)}.`] : []),
      ...notes,
      ...shaped.notes
    ],
    pageDates: [...pageDates, ...shaped.pageDates]
  }
}

const listMarker = /^(?:[-*•·–—]|\d{1,2}[.)])\s/u

/**
 * The source's lines, one per heading, paragraph or list item. A text saved with its paragraphs wrapped (lines cut at
 * about 70 characters, paragraphs apart by blank lines, as a browser's "save as text" does) has each paragraph joined
 * back into one line; a text with one line per paragraph, blank lines or not, is taken line by line.
 */
function sourceLines(text: string): string[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
    )
    .filter((block) => block.length > 0)
  const wrapped =
    blocks.length > 1 &&
    blocks.some(
      (block) =>
        block.length > 1 && block.slice(0, -1).every((line) => line.length >= 50 && !listMarker.test(line))
    )
  if (!wrapped) return blocks.flat()
  return blocks.flatMap((block) => {
    const lines: string[] = []
    for (const line of block) {
      if (lines.length > 0 && !listMarker.test(line)) lines[lines.length - 1] += ` ${line}`
      else lines.push(line)
    }
    return lines
  })
}

function textOf(node: Paragraph): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
}

function heading(depth: 2 | 3, text: string): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: text }] }
}

function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] }
}

function listItem(text: string): List['children'][number] {
  return { type: 'listItem', spread: false, children: [paragraph(text)] }
}
