import { createRequire } from 'node:module'
import { languageMarkers } from './scrub-words'

/** One word of a comment, where it is, and what the language library made of it. */
export interface Token {
  text: string
  lower: string
  start: number
  end: number
  /** Part-of-speech and entity tags from the tagger of the comment's language (empty without the library). */
  tags: ReadonlySet<string>
  /** Whether it may be a person's name: tagged `#Person` (not a title), or in compromise's list of names. */
  person: boolean
  /** Whether the tagger itself tagged it `#Person` (es-compromise reads "esperanza" as hope, not Esperanza). */
  personInLanguage: boolean
  /** Whether it is in a list of first names, whatever its context. */
  firstName: boolean
  /** First word of a sentence, so a capital letter there says nothing. */
  sentenceStart: boolean
}

interface LibraryTerm {
  text: string
  tags: Set<string>
  offset?: { start: number; length: number }
}

interface LibraryDocument {
  compute(method: string | string[]): LibraryDocument
  docs: LibraryTerm[][]
}

/** A language library's entry point: text in, tagged words out; or split into words, to run chosen steps on. */
export type Tagger = ((text: string) => LibraryDocument) & {
  tokenize(text: string): LibraryDocument
  hooks(): string[]
}

/** What a name list says of a word: a first name, a surname, or some other part of a name; null if it is none. */
export type NameList = (word: string) => 'first' | 'last' | 'name' | null

/** The two taggers the scrubber uses, and compromise's list of names; the Spanish tagger is loaded when needed. */
export interface Taggers {
  english: Tagger
  spanish: () => Tagger
  names: NameList
}

/** Loads a tagger's prebuilt file through `require`: one file, rather than the hundreds of modules `import` takes. */
function requireTagger(name: string): Tagger {
  const tagger: unknown = createRequire(import.meta.url)(name)
  if (typeof tagger !== 'function') throw new Error(`${name} did not load as a function`)
  return tagger as Tagger
}

const firstNameTags = new Set(['FirstName', 'MaleName', 'FemaleName'])

/** compromise's dictionary (words without accents, in lower case, to tags) as a list of names. */
function nameList(english: Tagger): NameList {
  const world = (english as Tagger & { world?: () => { model?: { one?: { lexicon?: unknown } } } }).world?.()
  const lexicon = world?.model?.one?.lexicon
  if (typeof lexicon !== 'object' || lexicon === null) throw new Error("compromise's dictionary was not found")
  const entries = lexicon as Record<string, string | string[] | undefined>
  return (word) => {
    const key = word
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]s$/u, '')
    const entry = entries[key]
    const tags = Array.isArray(entry) ? entry : entry === undefined ? [] : [entry]
    if (tags.some((tag) => firstNameTags.has(tag))) return 'first'
    if (tags.includes('LastName')) return 'last'
    if (tags.includes('Person')) return 'name'
    return null
  }
}

/**
 * Loads compromise (English; about 0.4 s and 15 MB here) now and es-compromise (Spanish; about 1 s, as it builds its
 * verb forms) on first use, so that neither is loaded while the kiosk starts and an English comment never waits for
 * the Spanish one.
 */
export function loadTaggers(): Taggers {
  const english = requireTagger('compromise')
  let spanish: Tagger | null = null
  return { english, spanish: () => (spanish ??= requireTagger('es-compromise')), names: nameList(english) }
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu

/** Guesses whether a comment is English or Spanish from its commonest words; a tie goes to the interface language. */
export function guessLanguage(text: string, interfaceLanguage: string): 'en' | 'es' {
  let english = 0
  let spanish = 0
  for (const [word] of text.toLowerCase().matchAll(wordPattern)) {
    if (languageMarkers.en.includes(word)) english += 1
    if (languageMarkers.es.includes(word)) spanish += 1
  }
  if (english === spanish) return interfaceLanguage.startsWith('es') ? 'es' : 'en'
  return spanish > english ? 'es' : 'en'
}

function startsSentence(text: string, start: number): boolean {
  const before = text.slice(0, start).trimEnd()
  return before === '' || /[.!?¡¿:;\n]$/u.test(before)
}

/** Words without tags, for when the language library is not there: the scrubber then removes more, not less. */
export function plainTokens(text: string): Token[] {
  return [...text.matchAll(wordPattern)].map((match) => ({
    text: match[0],
    lower: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
    tags: new Set<string>(),
    person: false,
    personInLanguage: false,
    firstName: false,
    sentenceStart: startsSentence(text, match.index)
  }))
}

/*
 * compromise's last two steps are most of its time (about two thirds here): contextual rules over the whole sentence
 * and grouping words into phrases. The scrubber uses neither: its own rules read the context (a title, "my name
 * is"), and those contextual rules made guesses it does not want ("Lyrica y Ibuprofeno" as two people). The words'
 * own tags (dictionary, suffixes, capitals) come from the steps before.
 */
const englishSkips = new Set(['postTagger', 'chunks'])

/** The words of one tagger's reading of the text, each checked to sit where the library says it does. */
function taggedTerms(
  tagger: Tagger,
  text: string,
  skips: ReadonlySet<string> = new Set()
): { term: LibraryTerm; start: number; sentenceStart: boolean }[] {
  const steps = tagger.hooks().filter((step) => !skips.has(step))
  const document = tagger.tokenize(text).compute([...steps, 'offset'])
  return document.docs.flatMap((sentence) =>
    sentence
      .filter((term) => term.text !== '' && term.offset !== undefined)
      .map((term, index) => {
        const start = term.offset?.start ?? -1
        if (text.slice(start, start + term.text.length) !== term.text) {
          throw new Error(`the tagger placed "${term.text}" at ${start}, where the comment has something else`)
        }
        return { term, start, sentenceStart: index === 0 }
      })
  )
}

// Tags that make a word ordinary in a sentence, so a name list's say-so does not count ("con", "ella", "mark").
const sentenceWordTags = ['Verb', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Value', 'Adjective']

/**
 * Tags a comment with the tagger of its language. English: compromise, whose own name list marks people. Spanish:
 * es-compromise for the parts of speech, and compromise's name list (which knows Lucía, Rocío and García, as
 * es-compromise does not) for names, unless es-compromise reads the word as a verb, article, adjective or the like.
 */
export function tagComment(text: string, taggers: Taggers, language: 'en' | 'es'): Token[] {
  const terms =
    language === 'es' ? taggedTerms(taggers.spanish(), text) : taggedTerms(taggers.english, text, englishSkips)
  return terms.map(({ term, start, sentenceStart }) => {
    const listed = taggers.names(term.text)
    const tagged = term.tags.has('Person') && !term.tags.has('Honorific')
    const ordinary = sentenceWordTags.some((tag) => term.tags.has(tag))
    return {
      text: term.text,
      lower: term.text.toLowerCase(),
      start,
      end: start + term.text.length,
      tags: term.tags,
      person: tagged || (listed !== null && !ordinary),
      personInLanguage: tagged,
      firstName: listed === 'first' || term.tags.has('FirstName'),
      sentenceStart: sentenceStart || startsSentence(text, start)
    }
  })
}

// Tags that make a word, read alone, an ordinary one: "ok", "spanish", "diabetic", "retired".
const ordinaryWordTags = [
  'Adjective',
  'Expression',
  'Verb',
  'Adverb',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Value'
]

/** Whether compromise reads a word alone, in lower case, as an ordinary word rather than a possible name. */
export function isOrdinaryWord(taggers: Taggers, word: string): boolean {
  const term = taggers.english(word.toLowerCase()).docs[0]?.[0]
  return term !== undefined && ordinaryWordTags.some((tag) => term.tags.has(tag))
}
