import { fleschKincaid } from 'flesch-kincaid'
import spanish from 'hyphen/es/index.js'
import { syllable } from 'syllable'
import type { Block, Section } from '../../shared/domain'

/** Sections above this reading grade are flagged: patient material should read at grade 8 or below. */
export const readingGradeTarget = 8

/** How hard a text is to read, with the counts the grade came from. */
export interface ReadingLevel {
  words: number
  sentences: number
  /** Null for a language without a syllable counter here. */
  syllables: number | null
  /** A US school grade (may be below 0 for very easy text); null when there is no formula or no words. */
  grade: number | null
  /** Why `grade` is null; null when there is a grade. */
  reason: string | null
}

/** The counts a reading-grade formula works from. */
export interface TextCounts {
  words: number
  sentences: number
  syllables: number
}

interface LanguageRules {
  syllables: (word: string) => number
  grade: (counts: TextCounts) => number
}

/**
 * Syllables and grade per language. English: `syllable` (English rules and exceptions) and Flesch–Kincaid. Spanish:
 * the TeX hyphenation patterns of `hyphen` and Crawford (1984), made for Spanish. Every word has at least one
 * syllable, so a number such as "20" counts as one. TeX patterns never split off a single letter at a word's edge
 * nor split a hiatus ("una", "día" count as one syllable), so Spanish counts, and grades, run a little low.
 */
const rulesByLanguage = new Map<string, LanguageRules>([
  [
    'en',
    {
      syllables: (word) => Math.max(1, syllable(word)),
      grade: ({ words, sentences, syllables }) =>
        fleschKincaid({ word: words, sentence: sentences, syllable: syllables })
    }
  ],
  [
    'es',
    {
      syllables: (word) => spanish.hyphenateSync(word, { hyphenChar: '|', minWordLength: 1 }).split('|').length,
      grade: ({ words, sentences, syllables }) =>
        -0.205 * ((sentences / words) * 100) + 0.049 * ((syllables / words) * 100) - 3.407
    }
  ]
])

function rulesFor(language: string): LanguageRules | undefined {
  return rulesByLanguage.get(language.split('-')[0]?.toLowerCase() ?? '')
}

/** The syllables of one word, or null for a language without a syllable counter here. */
export function syllablesIn(word: string, language: string): number | null {
  return rulesFor(language)?.syllables(word) ?? null
}

/** The longest piece of text handed to `Intl.Segmenter` at once. */
const pieceLength = 2000

/**
 * The text in pieces of at most `pieceLength` characters: line by line (each line is a sentence of its own anyway),
 * and a longer line cut after its last sentence end before the limit, else its last space. V8's segmenter copies the
 * whole input for every segment it yields, so one 5 MB text took minutes and gigabytes; pieces keep it linear.
 */
export function* textPieces(text: string): Generator<string> {
  let start = 0
  while (start < text.length) {
    const lineEnd = text.indexOf('\n', start)
    const end = lineEnd === -1 ? text.length : lineEnd
    let cut = end
    if (end - start > pieceLength) {
      const window = text.slice(start, start + pieceLength)
      const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '))
      const space = window.lastIndexOf(' ')
      cut = start + (sentenceEnd > 0 ? sentenceEnd + 2 : space > 0 ? space + 1 : pieceLength)
    }
    yield text.slice(start, cut)
    start = cut === end ? end + 1 : cut
  }
}

/**
 * Counts the words, sentences and syllables of a text with the built-in `Intl.Segmenter` and gives its reading
 * grade: Flesch–Kincaid for English, Crawford for Spanish, none for other languages. Each line counts as a sentence
 * of its own, so list items and headings without a full stop are not run together; so does each piece of a line
 * longer than 2,000 characters without a sentence end. The work grows in step with the text.
 */
export function readingLevel(text: string, language: string): ReadingLevel {
  const rules = rulesFor(language)
  const sentenceSegmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
  const wordSegmenter = new Intl.Segmenter(language, { granularity: 'word' })
  const counts: TextCounts = { words: 0, sentences: 0, syllables: 0 }
  for (const piece of textPieces(text)) {
    for (const { segment: sentence } of sentenceSegmenter.segment(piece)) {
      let words = 0
      for (const part of wordSegmenter.segment(sentence)) {
        if (!part.isWordLike) continue
        words += 1
        counts.syllables += rules?.syllables(part.segment) ?? 0
      }
      if (words === 0) continue
      counts.sentences += 1
      counts.words += words
    }
  }
  if (!rules) {
    const reason = `no reading-grade formula for "${language}" (only English and Spanish)`
    return { ...counts, syllables: null, grade: null, reason }
  }
  if (counts.words === 0) return { ...counts, grade: null, reason: 'no words' }
  return { ...counts, grade: rules.grade(counts), reason: null }
}

function blockLines(block: Block): string[] {
  const line = (text: string) => text.replace(/\s+/g, ' ').trim()
  const inlineText = (inlines: Array<{ text: string }>) => line(inlines.map((inline) => inline.text).join(''))
  switch (block.type) {
    case 'paragraph':
      return [inlineText(block.inlines)]
    case 'subheading':
      return [line(block.text)]
    case 'list':
      return block.items.map(inlineText)
    case 'image':
      return []
    case 'table':
      // A row reads as one sentence: "Monday, Baclofen, Ibuprofen".
      return [block.header, ...block.rows].map((row) => row.map(inlineText).filter(Boolean).join(', '))
  }
}

/**
 * The text a patient reads in a section, for its reading level: paragraphs, list items and sub-headings, one per
 * line (line breaks inside a paragraph are only how the author wrapped it). The section title and image
 * descriptions are left out.
 */
export function sectionText(section: Section): string {
  return section.blocks.flatMap(blockLines).join('\n')
}

/** Levels measured in the reading worker, by article: a reading kept with the article it was measured for. */
const measured = new WeakMap<object, ReadingLevel[]>()

/** Keeps the levels the reading worker measured for an article's sections, in section order. */
export function rememberReadingLevels(article: object, levels: ReadingLevel[]): void {
  measured.set(article, levels)
}

/** The levels the reading worker measured for an article, if it was read through the worker. */
export function measuredReadingLevels(article: object): ReadingLevel[] | undefined {
  return measured.get(article)
}

/** A section's level: the one the worker measured when there is one, else measured now. */
export function sectionReadingLevel(article: { language: string; sections: Section[] }, index: number): ReadingLevel {
  const known = measured.get(article)?.[index]
  const section = article.sections[index]
  if (known) return known
  return readingLevel(section ? sectionText(section) : '', article.language)
}
