/** What replaces anything that could identify or contact a person. */
export const removedMarker = '[removed]'

// "at" and "dot" as people write them to get past filters, in the kiosk's languages (en, es, fr).
const spelledAt = String.raw`(?:\s*@\s*|\s*[([]\s*(?:at|arroba)\s*[)\]]\s*|\s+(?:at|arroba|arobase)\s+)`
const spelledDot = String.raw`(?:\s*\.\s*|\s*[([]\s*(?:dot|punto|point)\s*[)\]]\s*|\s+(?:dot|punto|point)\s+)`
const word = String.raw`[\p{L}\p{N}_%+-]+`
// E-mail addresses as written (name@host.tld), removed first so their name part is not mistaken for prose.
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
// Then spelled ones: a name (with spelled dots), an "at", and a domain with at least one "dot".
const localPart = String.raw`${word}(?:(?:\.|\s+(?:dot|punto|point)\s+)${word})*`
const spelledEmail = new RegExp(
  String.raw`${localPart}${spelledAt}${word}(?:${spelledDot}${word})*${spelledDot}\p{L}{2,}\b`,
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
const day = String.raw`\d{1,2}(?:st|nd|rd|th|º|er)?`
const year = String.raw`\d{2,4}`
const wordDate = new RegExp(
  [
    String.raw`\b${day}\s+(?:de\s+)?(?:${monthNames})(?:\s*(?:de\s+)?,?\s*${year})?\b`,
    String.raw`\b${day}\s+(?:de\s+)?(?:${ambiguousMonths})\.?\s*(?:de\s+)?,?\s*${year}\b`,
    String.raw`\b(?:${monthNames})\s+${day},?(?:\s*${year})?\b`,
    String.raw`\b(?:${ambiguousMonths})\.?\s+${day},?\s*${year}\b`
  ].join('|'),
  'giu'
)

// Phone numbers: optional +country code, then digits in groups split by spaces, dots, dashes or brackets.
const phone = /(?:\+|00)?\(?\d[\d\s().\-‐‑‒–—]{5,}\d/gu
// Ranges people write about their care, not contact numbers: 2015-2020, 9.30-10.45.
const ranges = /^(?:(?:19|20)\d\d\s*[-‐‑‒–—]\s*(?:19|20)\d\d|\d{1,2}[.:]\d\d\s*[-‐‑‒–—]\s*\d{1,2}[.:]\d\d)$/u

// Anything left with 6 or more digits in a run could be a record, insurance or card number.
const longDigits = /\d{6,}/gu

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

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length
}

/**
 * Makes a comment safe to keep: NFC normalised, control characters gone, and e-mail addresses, phone numbers,
 * dates and long digit runs replaced by "[removed]", so a patient who types contact details is not stored with them.
 * A safety net, not a guarantee: names and addresses written in words cannot be told from other words.
 */
export function scrubComment(text: string): string {
  return asciiDigits(text.normalize('NFC'))
    .replace(controls, ' ')
    .replace(email, removedMarker)
    .replace(spelledEmail, removedMarker)
    .replace(wordDate, removedMarker)
    .replace(numericDate, removedMarker)
    .replace(phone, (match) => {
      const trimmed = match.trim()
      return digitCount(trimmed) >= 7 && !ranges.test(trimmed) ? match.replace(trimmed, removedMarker) : match
    })
    .replace(longDigits, removedMarker)
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
}
