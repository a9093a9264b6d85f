import type { Range } from './scrub-patterns'
import type { Token } from './scrub-taggers'
import {
  calendarWords,
  conditionWords,
  digitWords,
  eponyms,
  groupWords,
  languageMarkers,
  namesThatAreWords,
  notNames,
  numberJoiners,
  placePrefixes,
  relatives,
  repeatWords,
  strongIntroductions,
  tensWords,
  titles,
  weakIntroductions
} from './scrub-words'

/** How sure the words before a candidate make us that a name follows. */
type Lead = 'title' | 'strong' | 'relative' | 'weak'

/**
 * Tells whether a word, read alone and in lower case, is an ordinary word (adjective, verb, expression…) rather
 * than a possible name; null when the language library is absent and words carry no tags.
 */
export type OrdinaryWordCheck = ((word: string) => boolean) | null

// Words that are never the first word of a name, whatever the tagger says (the tagger may be missing).
const functionWords = new Set([...languageMarkers.en, ...languageMarkers.es, ...notNames])
const titleSet = new Set(titles)
// Tags that make a word an ordinary one rather than a name.
const ordinaryTags = [
  'Verb',
  'Adverb',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Value',
  'Date',
  'QuestionWord'
]
// The subset that rules a word out even when written with a capital (all-capital comments, "Nurse Said").
const functionTags = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Copula',
  'Modal',
  'Auxiliary',
  'QuestionWord'
]
// Particles inside a name: Van der Merwe, López de la Fuente, di Marco.
const particles = new Set(['van', 'der', 'den', 'von', 'de', 'del', 'la', 'di', 'da', 'du', 'le', 'mac', 'bin', 'al'])

// A list of words or phrases as a pattern: spaces match any spacing, apostrophes either form.
const phrase = (words: string[]) =>
  words.map((words) => words.replace(/\./g, '\\.').replace(/['’]/g, "['’]").replace(/ /g, '\\s+')).join('|')
const titleLead = new RegExp(String.raw`(?<![\p{L}])(?:${phrase(titles)})\.?(?=\s)`, 'giu')
const strongLead = new RegExp(String.raw`(?<![\p{L}])(?:${phrase(strongIntroductions)})(?=\s)`, 'giu')
const weakLead = new RegExp(String.raw`(?<![\p{L}])(?:${phrase(weakIntroductions)})(?=\s)`, 'giu')
const relativeLead = new RegExp(
  String.raw`(?<![\p{L}])(?:my|mi|our|nuestro|nuestra)\s+(?:${phrase(relatives)}),?(?=\s)`,
  'giu'
)

const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text)
const hasAny = (token: Token, tags: string[]) => tags.some((tag) => token.tags.has(tag))
const bare = (token: Token) => token.lower.replace(/['’]s$/u, '')

/** Whether only spaces (or a hyphen) stand between two words, so they can be one name. */
function adjacent(text: string, left: Token, right: Token): boolean {
  return /^[ \t-]{1,3}$/u.test(text.slice(left.end, right.start))
}

/** Whether a word can start a name after a lead of this strength; `next` is the word after it, if adjacent. */
function canStartName(token: Token, lead: Lead, ordinary: OrdinaryWordCheck, next?: Token): boolean {
  if (functionWords.has(token.lower) || titleSet.has(token.lower.replace(/\.$/u, ''))) return false
  if (/^\d/u.test(token.text)) return false
  if (!ordinary) return lead === 'title' || lead === 'strong' || isCapitalised(token)
  if (isCapitalised(token)) {
    if (hasAny(token, functionTags)) return false
    if (lead !== 'weak' || token.person) return true
    // "I'm Olumide" but not "I'm Spanish", "I'm Ok": an unknown capitalised word is taken if it is no common word.
    return token.tags.has('ProperNoun') && !hasAny(token, ordinaryTags) && !ordinary(token.lower)
  }
  if (token.person && !hasAny(token, ['Verb', 'Adjective', 'Adverb'])) return true
  // A known first name after a title, even if the Spanish tagger guesses a verb from its ending ("maría").
  if ((lead === 'title' || lead === 'strong') && token.firstName) return true
  // "la doctora maría josé": a word between a title and a name the tagger knows is part of that name.
  if (lead === 'title' && next?.person && !hasAny(token, [...ordinaryTags, 'Adjective'])) return true
  return lead === 'strong' && !hasAny(token, [...ordinaryTags, 'Adjective'])
}

/** Whether a word goes on a name already started: Carmen *Ortiz*, Van *der Merwe*. */
function continuesName(tokens: Token[], index: number, text: string, tagged: boolean, opening = false): boolean {
  const token = tokens[index]
  const previous = tokens[index - 1]
  if (!token || (!opening && (!previous || !adjacent(text, previous, token)))) return false
  if (particles.has(token.lower)) {
    const next = tokens[index + 1]
    if (next && particles.has(next.lower)) return continuesName(tokens, index + 1, text, tagged, true)
    return next !== undefined && isCapitalised(next) && adjacent(text, token, next)
  }
  if (functionWords.has(token.lower) || /^\d/u.test(token.text)) return false
  if (isCapitalised(token)) return !tagged || !hasAny(token, functionTags)
  return tagged && token.person && !hasAny(token, ['Verb', 'Adjective', 'Adverb'])
}

/** The name that starts at `index`, up to four words, as a range; null when the word there is no name. */
function nameFrom(tokens: Token[], index: number, text: string, lead: Lead, ordinary: OrdinaryWordCheck): Range | null {
  const tagged = ordinary !== null
  const first = tokens[index]
  const second = tokens[index + 1]
  const next = first && second && adjacent(text, first, second) ? second : undefined
  if (!first) return null
  // A surname may open with its particle: "la Dra. de la Fuente", "Mr van Dijk".
  if (particles.has(first.lower) && lead === 'title' && continuesName(tokens, index, text, tagged, true)) {
    let last = index
    while (last - index < 3 && continuesName(tokens, last + 1, text, tagged)) last += 1
    return { start: first.start, end: (tokens[last] as Token).end }
  }
  if (!canStartName(first, lead, ordinary, next)) return null
  let last = index
  while (last - index < 3 && continuesName(tokens, last + 1, text, tagged)) last += 1
  // A particle is only taken with the word after it.
  while (last > index && particles.has((tokens[last] as Token).lower)) last -= 1
  return { start: first.start, end: (tokens[last] as Token).end }
}

/** The first word at or after `offset`, if only spaces (and one comma) stand between. */
function tokenAfter(tokens: Token[], text: string, offset: number): number {
  const index = tokens.findIndex((token) => token.start >= offset)
  if (index < 0) return -1
  return /^,?\s+$/u.test(text.slice(offset, (tokens[index] as Token).start)) ? index : -1
}

/** Names after a title, an introduction or a relative: `Dr. Smith`, `me llamo Carmen Ortiz`, `my son Oliver`. */
function ledNames(text: string, tokens: Token[], ordinary: OrdinaryWordCheck): Range[] {
  const leads: [RegExp, Lead][] = [
    [titleLead, 'title'],
    [strongLead, 'strong'],
    [weakLead, 'weak'],
    [relativeLead, 'relative']
  ]
  return leads.flatMap(([pattern, lead]) =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const index = tokenAfter(tokens, text, match.index + match[0].length)
      const name = index < 0 ? null : nameFrom(tokens, index, text, lead, ordinary)
      return name ? [name] : []
    })
  )
}

/** Whether a word the tagger took for a person is a condition (`Parkinson's`) or a place (`St Mary's`) instead. */
function isNotAPerson(tokens: Token[], index: number, text: string): boolean {
  const token = tokens[index] as Token
  const previous = tokens[index - 1]
  const next = tokens[index + 1]
  if (eponyms.includes(bare(token))) return true
  if (next && conditionWords.after.includes(next.lower)) return true
  const before = text.slice(Math.max(0, token.start - 16), token.start).toLowerCase()
  if (conditionWords.before.some((words) => before.trimEnd().endsWith(words))) return true
  if (previous && placePrefixes.includes(previous.lower.replace(/\.$/u, '')) && adjacent(text, previous, token))
    return true
  // Months and days that are also names: April, June, May.
  if (hasAny(token, ['Date', 'Month', 'WeekDay']) || calendarWords.includes(token.lower)) return true
  // Untitled and in lower case, a name only if the comment's own language reads it so and it is no everyday word.
  if (!isCapitalised(token) && (!token.personInLanguage || namesThatAreWords.includes(token.lower))) return true
  // A name followed by a common noun is a noun's modifier: "Grace period", "Rose garden", "Victoria line".
  if (next && adjacent(text, token, next) && !isCapitalised(next) && next.tags.has('Noun')) {
    if (!hasAny(next, ['Verb', 'Pronoun', 'Person'])) return true
  }
  // A lower-case word the tagger also reads as a verb or adjective is that ("will", "grace", "mark").
  return !isCapitalised(token) && hasAny(token, ['Verb', 'Adjective', 'Adverb'])
}

/** Words the taggers took for people's names, with the rest of each name. */
function taggedPeople(text: string, tokens: Token[]): Range[] {
  return tokens.flatMap((token, index) => {
    if (!token.person || functionWords.has(token.lower) || titleSet.has(token.lower)) return []
    if (isNotAPerson(tokens, index, text)) return []
    let last = index
    while (last - index < 3 && continuesName(tokens, last + 1, text, true)) last += 1
    return [{ start: token.start, end: (tokens[last] as Token).end }]
  })
}

const tens = new Set(tensWords)

/** Digits one word adds to a number read out, or null when it is no number word. */
function digitsIn(token: Token, previous: Token | undefined): number | null {
  if (/^\d+$/u.test(token.text)) return token.text.length
  const parts = token.lower.split('-')
  if (parts.length > 1) {
    const counts = parts.map((part) => digitWords[part] ?? groupWords[part])
    return counts.every((count) => count !== undefined) ? 2 : null
  }
  const word = token.lower
  if (word in digitWords) return previous && tens.has(previous.lower) ? 0 : 1
  if (word in groupWords) return groupWords[word] ?? 2
  if (word in repeatWords) return (repeatWords[word] ?? 2) - 1
  if (token.tags.has('TextValue') && token.tags.has('Cardinal') && !['a', 'an', 'un', 'una'].includes(word)) return 1
  return null
}

/**
 * Numbers read out in words (`oh seven seven double oh nine…`, `seis cero cero…`), mixed with digit groups or not:
 * removed when they make 7 digits or more, like a phone number in digits, or whatever their length right after a
 * record keyword (`MRN is four eight two one three`).
 */
function spokenNumbers(text: string, tokens: Token[], keywordEnds: number[]): Range[] {
  const ranges: Range[] = []
  let index = 0
  while (index < tokens.length) {
    const first = tokens[index] as Token
    let digits = digitsIn(first, undefined)
    if (digits === null) {
      index += 1
      continue
    }
    let last = index
    for (let next = index + 1; next < tokens.length; next += 1) {
      const token = tokens[next] as Token
      const joiner = numberJoiners.includes(token.lower) && tokens[next + 1] !== undefined
      const count = joiner ? 0 : digitsIn(token, tokens[next - 1])
      if (count === null || !/^[\s,.–—-]{1,3}$/u.test(text.slice((tokens[next - 1] as Token).end, token.start))) break
      if (joiner && digitsIn(tokens[next + 1] as Token, tokens[next - 1]) === null) break
      digits += count
      last = next
    }
    const afterKeyword = keywordEnds.some((end) => end === first.start)
    // Runs of digits alone are the patterns' part ("at 0800 and 2000" is two times, not a phone number).
    const inWords = tokens
      .slice(index, last + 1)
      .some((token) => !/^\d+$/u.test(token.text) && !numberJoiners.includes(token.lower))
    if ((digits >= 7 || afterKeyword) && inWords) ranges.push({ start: first.start, end: (tokens[last] as Token).end })
    index = last + 1
  }
  return ranges
}

/** Without the language library: every capitalised word that is not a common word opening a sentence. */
function capitalisedWords(tokens: Token[]): Range[] {
  return tokens
    .filter((token) => isCapitalised(token) && token.text !== 'I')
    .filter((token) => !(token.sentenceStart && (functionWords.has(token.lower) || titleSet.has(token.lower))))
    .map((token) => ({ start: token.start, end: token.end }))
}

/**
 * What needs words and their tags: names (after a title, an introduction or a relative, and wherever the taggers
 * see one) and numbers read out in words. With no `ordinary` check the tokens carry no tags, the library being
 * absent, and every capitalised word goes too: stricter, so that nothing identifying is kept for want of it.
 */
export function wordRanges(text: string, tokens: Token[], keywordEnds: number[], ordinary: OrdinaryWordCheck): Range[] {
  return [
    ...ledNames(text, tokens, ordinary),
    ...(ordinary ? taggedPeople(text, tokens) : capitalisedWords(tokens)),
    ...spokenNumbers(text, tokens, keywordEnds)
  ]
}
