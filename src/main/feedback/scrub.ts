import { wordRanges } from './scrub-names'
import { patternRanges, type Range, recordKeywordEnds } from './scrub-patterns'
import { guessLanguage, isOrdinaryWord, loadTaggers, plainTokens, tagComment, type Taggers } from './scrub-taggers'

export type { Range } from './scrub-patterns'

/** What replaces anything that could identify or contact a person. */
export const removedMarker = '[removed]'

// Control characters and invisible format characters that could hide text, reverse it or break a CSV. Zero-width
// joiners (U+200C, U+200D) stay: emoji sequences and Persian words need them.
const controls = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\u2028\u2029]/gu

/** Writes every decimal digit (Arabic-Indic, Devanagari, full-width…) as 0-9, so the patterns see them. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0
    for (let zero = code; zero > code - 10; zero -= 1) {
      if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return String(code - zero)
    }
    return digit
  })
}

/** The text every finder reads: NFC, digits as 0-9, control characters as spaces. */
export function prepareComment(text: string): string {
  return asciiDigits(text.normalize('NFC')).replace(controls, ' ')
}

/** Replaces each stretch (overlapping ones merged) by the marker, then tidies the spaces. */
export function redact(text: string, ranges: Range[]): string {
  const sorted = [...ranges].filter((range) => range.end > range.start).sort((a, b) => a.start - b.start)
  let result = ''
  let position = 0
  for (const range of sorted) {
    if (range.end <= position) continue
    if (range.start >= position) {
      result += text.slice(position, range.start) + removedMarker
    }
    position = range.end
  }
  return (result + text.slice(position)).replace(/[ \t]{2,}/g, ' ').trim()
}

/** How a comment is to be scrubbed. */
export interface ScrubOptions {
  /** The interface language the patient used; settles the guess when a comment could be either language. */
  language?: string
  /** Told when the language library is missing or failed, and the stricter fallback was used instead. */
  onFallback?: (error: unknown) => void
}

/** What was found in a comment: the prepared text and the stretches of it that identify someone. */
export interface Findings {
  text: string
  ranges: Range[]
  /** False when the language library was not used (missing or failed) and the stricter fallback ran. */
  tagged: boolean
}

/**
 * Finds and removes what identifies a person in a patient's comment: hand-written patterns (e-mail addresses,
 * phone numbers, dates, record numbers, addresses, postcodes, long digit runs) together with a natural-language
 * library (compromise and es-compromise) for names and numbers written in words. The library takes about a second
 * to load, so it is loaded once, on the first comment or when `warmUp` is called (main does, after start). If it cannot load or
 * fails on a comment, the patterns still run and every capitalised word is removed as well: more is lost from
 * that comment, but nothing identifying is kept for want of the library.
 */
export class CommentScrubber {
  readonly #load: () => Taggers
  #taggers: Promise<Taggers> | null = null

  constructor(load: () => Taggers = loadTaggers) {
    this.#load = load
  }

  /** The language library, loaded on first use; rejects if it cannot be loaded. */
  #library(): Promise<Taggers> {
    // Loaded in a task of its own, so whoever asks is not held up by it.
    this.#taggers ??= new Promise<Taggers>((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(this.#load())
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      })
    })
    return this.#taggers
  }

  /**
   * Loads the language library now, English then Spanish, each in a task of its own, so the first comments after
   * start do not wait for it. Rejects if either cannot be loaded (comments are then scrubbed the stricter way).
   */
  async warmUp(): Promise<void> {
    const taggers = await this.#library()
    await new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        try {
          taggers.spanish()
          resolve()
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      })
    )
  }

  /** The stretches of a comment that identify someone, in the comment as prepared (NFC, ASCII digits). */
  async identify(comment: string, options: ScrubOptions = {}): Promise<Findings> {
    const text = prepareComment(comment)
    const keywordEnds = recordKeywordEnds(text)
    const patterns = patternRanges(text)
    if (text.trim() === '') return { text, ranges: patterns, tagged: true }
    try {
      const taggers = await this.#library()
      const tokens = tagComment(text, taggers, guessLanguage(text, options.language ?? 'en'))
      const words = wordRanges(text, tokens, keywordEnds, (word) => isOrdinaryWord(taggers, word))
      return { text, ranges: [...patterns, ...words], tagged: true }
    } catch (error) {
      options.onFallback?.(error)
      const strict = wordRanges(text, plainTokens(text), keywordEnds, null)
      return { text, ranges: [...patterns, ...strict], tagged: false }
    }
  }

  /**
   * Makes a comment safe to keep: NFC normalised, control characters gone, and names, contact details, addresses,
   * dates and record numbers replaced by "[removed]". A safety net, not a guarantee: see docs/PRIVACY.md.
   */
  async scrub(comment: string, options: ScrubOptions = {}): Promise<string> {
    const { text, ranges } = await this.identify(comment, options)
    return redact(text, ranges)
  }
}

/**
 * When main loads the language library (about a second of its time): ten seconds after start, when the first screen
 * is long up and before a patient has typed a comment, so neither the start nor the first comment waits for it.
 */
export const scrubberWarmUpMs = 10_000

/** The scrubber main uses: one per process, so the language library is loaded once. */
export const commentScrubber = new CommentScrubber()

/** Scrubs a comment with the process's scrubber (see CommentScrubber.scrub). */
export function scrubComment(comment: string, options: ScrubOptions = {}): Promise<string> {
  return commentScrubber.scrub(comment, options)
}
