/** What replaces anything that could identify or contact a person. */
export const removedMarker = '[removed]'

// E-mail addresses, and the "name at host dot com" spelling people use to get past filters.
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
const spelledEmail =
  /[\p{L}\p{N}._%+-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\(dot\)|\[dot\]|\sdot\s)\s*[\p{L}\p{N}-]+)+/giu

// Dates a birthday could be written as: 12/03/1980, 1980-03-12, 12.3.80, and "12 March 1980" / "3 de marzo de 1980".
const numericDate = /\b\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}\b/gu
const months =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?tiembre|octubre|noviembre|diciembre|' +
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre'
const wordDate = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th|º|er)?\\s*(?:de\\s+)?(?:${months})\\.?(?:\\s*(?:de\\s+)?,?\\s*\\d{2,4})?\\b|\\b(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s*\\d{2,4})?\\b`,
  'giu'
)

// Phone numbers: optional +country code, then at least 7 digits in groups split by spaces, dots, dashes or brackets.
const phone = /(?:\+|00)?\(?\d[\d\s().-]{5,}\d/gu

// Anything left with 6 or more digits in a run could be a record, insurance or card number.
const longDigits = /\d{6,}/gu

// Control characters (C0, DEL, C1) and invisible format characters that could hide text or break a CSV.
const controls = /[\p{Cc}\p{Cf}\u2028\u2029]/gu

/** Counts the digits in a match, so "2 or 3 times" is not taken for a phone number. */
function digits(text: string): number {
  return text.replace(/\D/g, '').length
}

/**
 * Makes a comment safe to keep: NFC normalised, control characters gone, and e-mail addresses, phone numbers,
 * dates and long digit runs replaced by "[removed]", so a patient who types contact details is not stored with them.
 */
export function scrubComment(text: string): string {
  return text
    .normalize('NFC')
    .replace(controls, ' ')
    .replace(email, removedMarker)
    .replace(spelledEmail, removedMarker)
    .replace(wordDate, removedMarker)
    .replace(numericDate, removedMarker)
    .replace(phone, (match) => (digits(match) >= 7 ? removedMarker : match))
    .replace(longDigits, removedMarker)
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
}
