import { digitWords, groupWords, recordConnectors, recordKeywords } from './scrub-words'

/** A stretch of the comment to remove, from `start` up to (not including) `end`. */
export interface Range {
  start: number
  end: number
}

// "at" and "dot" as people write them to get past filters, in the kiosk's languages (en, es, fr).
const spelledAt = String.raw`(?:\s*@\s*|\s*[([]\s*(?:at|arroba)\s*[)\]]\s*|\s+(?:at|arroba|arobase)\s+)`
const spelledDot = String.raw`(?:\s*\.\s*|\s*[([]\s*(?:dot|punto|point)\s*[)\]]\s*|\s+(?:dot|punto|point)\s+)`
const word = String.raw`[\p{L}\p{N}_%+-]+`
// E-mail addresses as written (name@host.tld).
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
// Spelled ones: a name (with spelled dots), an "at", and a domain with at least one "dot". "Contact me at maria dot
// lopez at…" starts at "maria": words like "me" are where the address is sent, not part of it.
const notLocalPart = String.raw`(?!(?:me|us|him|her|them|you|it|this|that|here|there|home|work|back|email|write|contact|mail)\s)`
const localPart = String.raw`${notLocalPart}${word}(?:(?:\.|\s+(?:dot|punto|point)\s+)${word})*`
const spelledEmail = new RegExp(
  String.raw`(?<![\p{L}\p{N}_%+.-])${localPart}${spelledAt}${word}(?:${spelledDot}${word})*${spelledDot}\p{L}{2,}\b`,
  'giu'
)

// Dates written with one separator used twice: 12/03/1980, 1980-03-12, 12.3.80; not ranges like 9.30-10.45 or 2.5-3.
const numericDate = /(?<![\d.,])\d{1,4}([./-])\d{1,2}\1\d{2,4}(?![\d.,]\d)/gu
const monthNames =
  'january|february|march|april|june|july|august|september|october|november|december|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?tiembre|octubre|noviembre|diciembre|' +
  'janvier|février|fevrier|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre'
// Abbreviations and "May"/"mars" are ordinary words too, so they count as a month only next to a year.
const ambiguousMonths = 'jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|mars|mai'
const dayWords =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|' +
  'fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|twenty[\\s-]\\w+|thirty[\\s-]\\w+|' +
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
  'eighteen|nineteen|twenty|thirty|primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|' +
  'catorce|quince|dieci\\p{L}+|veinti\\p{L}+|veinte|treinta(?:\\s+y\\s+uno)?'
const day = String.raw`(?:\d{1,2}(?:st|nd|rd|th|º|er)?|(?:the\s+)?(?:${dayWords}))`
// A year in digits, or in two or more number words ("nineteen sixty-two", "mil novecientos cincuenta").
const numberWord = `(?:${[...Object.keys(digitWords), ...Object.keys(groupWords)].join('|')})`
const year = String.raw`(?:\d{2,4}|${numberWord}(?:[\s-]+(?:and\s+|y\s+)?${numberWord}){1,5})`
const wordDate = new RegExp(
  [
    String.raw`\b${day}\s+(?:of\s+|de\s+)?(?:${monthNames})(?:\s*(?:de\s+|del\s+)?,?\s*${year})?\b`,
    String.raw`\b${day}\s+(?:of\s+|de\s+)?(?:${ambiguousMonths})\.?\s*(?:de\s+)?,?\s*${year}\b`,
    String.raw`\b(?:${monthNames})\s+${day},?(?:\s*${year})?\b`,
    String.raw`\b(?:${ambiguousMonths})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{2,4}\b`
  ].join('|'),
  'giu'
)

// Phone numbers: optional +country code, then digits in groups split by spaces, dots, dashes or brackets.
const phone = /(?:\+|00)?\(?\d[\d\s().\-‐‑‒–—]{5,}\d/gu
// Ranges people write about their care, not contact numbers: 2015-2020, 9.30-10.45.
const careRanges = /^(?:(?:19|20)\d\d\s*[-‐‑‒–—]\s*(?:19|20)\d\d|\d{1,2}[.:]\d\d\s*[-‐‑‒–—]\s*\d{1,2}[.:]\d\d)$/u

// Anything left with 6 or more digits in a run could be a record, insurance or card number.
const longDigits = /\d{6,}/gu

// A keyword, then what people put between it and the number, then the number itself, letters and groups included.
const recordKeyword = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${recordKeywords.join('|')})(?![\p{L}\p{N}])`, 'giu')
const connectors = new RegExp(recordConnectors, 'iuy')
const recordId = /(?:\p{L}{1,4}[ -]?)?\d+(?:[ ./-]?\d+)*(?:-?\p{L}{1,3}(?![\p{L}\p{N}]))?/uy

// Street addresses: a number, a few name words and a kind of street (42 Elm Street, 221B Baker St).
const streetKinds =
  'street|st|road|rd|avenue|ave|lane|ln|drive|close|court|ct|way|place|crescent|cres|terrace|boulevard|blvd|grove|' +
  'gardens|gdns|row|square|sq|mews|parade|highway|hwy|parkway|pkwy|circle|hill|walk|rise|green'
// Words that cannot be part of a street's name, so "2 km along the road" is not an address.
const notStreetName =
  'the|a|an|of|to|in|on|at|for|by|and|or|my|your|our|along|down|up|across|from|times?|minutes?|mins?|hours?|' +
  'days?|weeks?|months?|years?|mg|ml|km|miles?|metres?|meters?|steps?|tablets?|pills?|doses?|bus|buses|more|less'
const englishStreet = new RegExp(
  String.raw`\b\d{1,5}[a-z]?(?:\s*[-/]\s*\d{1,5}[a-z]?)?,?\s+(?:(?!(?:${notStreetName})\b)[\p{L}'.-]+\s+){1,3}(?:${streetKinds})\b\.?`,
  'giu'
)
// Spanish ones: the kind first, then the name, then the number (Calle Mayor 5, Avenida de la Constitución 12).
// "Paseo", "camino" and "ronda" are also verbs (paseo por el parque 20 minutos), so those need a capital.
// A particle is never also a name word, so that each word can be read one way only: with both readings open,
// "calle de la de la de la…" took the pattern minutes to give up on.
const particle = 'de|del|la|las|los|el|y'
const spanishParticles = String.raw`(?:(?:${particle})\s+)*`
const notSpanishStreetName =
  'a|al|en|por|para|con|sin|que|muy|es|está|esta|estaba|son|fue|hay|me|te|se|lo|le|mi|su|tu|un|una|unos|unas|' +
  'cada|todos|todas|más|menos|casi|unos|sobre|hasta|desde|durante|tras'
const spanishNameWord = String.raw`(?!(?:${particle}|${notSpanishStreetName})\s)[\p{L}'.-]+`
const spanishStreetName = String.raw`(?:${spanishNameWord}\s+${spanishParticles}){1,4}`
const spanishStreetNumber = String.raw`(?:n[úu]mero\s+|n[º°]\s*|no\.?\s*)?\d{1,4}[a-z]?\b(?!\s*(?:min|minutos?|horas?|h\b|km|kil[óo]metros?|metros?|m\b|pasos|veces|d[íi]as|años|mg|ml))`
const spanishStreet = new RegExp(
  String.raw`(?<!\p{L})(?:calle|c/|avenida|avda\.?|av\.|plaza|pza\.?|carretera|ctra\.?|travesía|travesia|glorieta|pasaje|urbanización|urbanizacion|urb\.)\s*${spanishParticles}${spanishStreetName}${spanishStreetNumber}`,
  'giu'
)
const spanishVerbStreet = new RegExp(
  String.raw`(?<!\p{L})(?:Paseo|Camino|Ronda|Rúa|Vía|Via|P[º°])\s+${spanishParticles}\p{Lu}[\p{L}'.-]*\s+` +
    String.raw`${spanishParticles}(?:${spanishNameWord}\s+${spanishParticles}){0,3}${spanishStreetNumber}`,
  'gu'
)
// A street without its number, where someone says they live: "I live on Oak Street", "vivo en la calle Mayor".
const livingStreet = new RegExp(
  String.raw`(?<=\b(?:live|lives|living|stay|staying|address\s+is|vivo|vive|vivimos|mi\s+direcci[óo]n\s+es)\s+(?:on|in|at|en|off)?\s*(?:the\s+|la\s+|el\s+)?)` +
    String.raw`(?:(?:\p{Lu}[\p{L}'.-]*\s+){1,3}(?:${streetKinds.replace(/\b\w/g, (letter) => `[${letter}${letter.toUpperCase()}]`)})\b|(?:calle|c/|avenida|avda\.?|plaza|paseo|camino|carretera|ronda|pasaje|urbanizaci[óo]n)\s+${spanishParticles}(?:\p{Lu}[\p{L}'.-]*(?:\s+${spanishParticles}\p{Lu}[\p{L}'.-]*){0,3}))`,
  'gu'
)
// Flat, apartment or floor: Apt 3, Flat 12, piso 4, 3º B, 2º izq.
const dwelling =
  /\b(?:apt|apartment|flat|unit|suite|piso|puerta|portal|escalera|esc|bloque)\.?\s*(?:no\.?\s*|n[º°]\s*|#\s*)?\d{1,4}[a-z]?\b|\b(?!(?:3[4-9]|4[0-2])\s?[º°]\s?[cf]\b)\d{1,2}\s?[º°ª]\s?(?:[a-h]\b|izq(?:uierda|da)?\.?|dcha\.?|der(?:echa)?\b|dr[ao]?\b|centro\b|ctro\.?)/giu
// UK postcodes; the last two letters never include C I K M O V, so "B12 2mg" is not one.
const ukPostcode = /\b(?:[a-pr-uwyz][a-hk-y]?\d[a-hjkpstuw\d]?)\s?\d[abd-hjlnp-uw-z]{2}\b/giu
// US ZIP codes after a state (IL 62704), and Spanish ones before a town (28013 Madrid).
const usStates =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|' +
  'OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY'
const usZip = new RegExp(String.raw`(?<=\b(?:${usStates}),?\s+)\d{5}(?:-\d{4})?\b`, 'gu')
const spanishPostcode = /\b(?:0[1-9]|[1-4]\d|5[0-2])\d{3}(?=,?\s+\p{Lu}\p{Ll})/gu
const spanishPostcodeAfterCp = /(?<=\bc\.?\s?p\.?\s?)(?:0[1-9]|[1-4]\d|5[0-2])\d{3}\b/giu

// A name typed straight after an abbreviated title, without a space: "Dr.Smith", "Sra.López".
const joinedTitle =
  /(?<=(?<!\p{L})(?:[Dd]ra?|[Mm]rs?|[Mm][sx]|[Pp]rof|[Ss]ra?|[Ss]rta|[Dd]ña|DRA?|MRS?|PROF|SRA?)\.)\p{Lu}[\p{L}'’-]*/gu

function allMatches(pattern: RegExp, text: string): Range[] {
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }))
}

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length
}

/** Phone numbers in digits, but not the ranges patients write about their care. */
function phoneNumbers(text: string): Range[] {
  return [...text.matchAll(phone)].flatMap((match) => {
    const trimmed = match[0].trim()
    if (digitCount(trimmed) < 7 || careRanges.test(trimmed)) return []
    const start = match.index + match[0].indexOf(trimmed)
    return [{ start, end: start + trimmed.length }]
  })
}

/** Where each record keyword ends and its number (in digits) begins; number words are the taggers' part. */
export function recordKeywordEnds(text: string): number[] {
  return [...text.matchAll(recordKeyword)].map((match) => {
    connectors.lastIndex = match.index + match[0].length
    const connected = connectors.exec(text)
    return connected ? connectors.lastIndex : match.index + match[0].length
  })
}

/** The record number right after each record keyword, whatever its length: `MRN 48213`, `DNI: 87654321-X`. */
function recordNumbers(text: string): Range[] {
  return recordKeywordEnds(text).flatMap((start) => {
    recordId.lastIndex = start
    const found = recordId.exec(text)
    return found ? [{ start, end: start + found[0].length }] : []
  })
}

/**
 * Everything the patterns alone find: e-mail addresses, phone numbers, dates, record numbers after their keyword,
 * street addresses, flats and floors, postcodes, a name joined to its title ("Dr.Smith"), and any run of 6 or more
 * digits.
 */
export function patternRanges(text: string): Range[] {
  return [
    ...allMatches(email, text),
    ...allMatches(spelledEmail, text),
    ...allMatches(wordDate, text),
    ...allMatches(numericDate, text),
    ...phoneNumbers(text),
    ...recordNumbers(text),
    ...allMatches(englishStreet, text),
    ...allMatches(spanishStreet, text),
    ...allMatches(spanishVerbStreet, text),
    ...allMatches(livingStreet, text),
    ...allMatches(dwelling, text),
    ...allMatches(ukPostcode, text),
    ...allMatches(usZip, text),
    ...allMatches(joinedTitle, text),
    ...allMatches(spanishPostcode, text),
    ...allMatches(spanishPostcodeAfterCp, text),
    ...allMatches(longDigits, text)
  ]
}
