import { TextDecoder } from 'node:util'
import iconv from 'iconv-lite'

/** A source file's text and the encoding it was read in. */
export interface DecodedText {
  text: string
  /** The WHATWG name of the encoding, such as "utf-8", "utf-16le" or "windows-1252". */
  encoding: string
}

function decoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false })
  } catch {
    return null
  }
}

function decodeAs(bytes: Uint8Array, label: string): DecodedText | null {
  const found = decoder(label)
  if (!found) return null
  try {
    return { text: found.decode(bytes), encoding: found.encoding }
  } catch {
    return null
  }
}

/** UTF-16 without a byte order mark: ASCII text has a zero byte in every other place, on one side only. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 4096)
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue
    if (index % 2 === 0) evenZeros++
    else oddZeros++
  }
  const pairs = sample.length / 2
  if (pairs < 2) return null
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

/**
 * Decodes a source file the way a browser would, without ever producing U+FFFD for a byte it could read: a byte
 * order mark decides (UTF-8, UTF-16LE, UTF-16BE); then text that is valid UTF-8 is UTF-8 (legacy text with accented
 * letters practically never is); then the legacy encoding the file declares (an HTML page's charset); and last
 * Windows-1252, the superset of Latin-1 that browsers use for it and that reads every byte.
 */
export function decodeSourceText(bytes: Uint8Array, declared: string | null = null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeAs(bytes, 'utf-8')
    if (text) return text
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeAs(bytes, 'utf-16le')
    if (text) return text
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeAs(bytes, 'utf-16be')
    if (text) return text
  }
  const sixteen = utf16WithoutMark(bytes)
  const fromSixteen = sixteen ? decodeAs(bytes, sixteen) : null
  if (fromSixteen) return fromSixteen
  const utf8 = decodeAs(bytes, 'utf-8')
  if (utf8) return utf8
  // Legacy encodings go through iconv-lite: Node's own TextDecoder reads windows-1252 as Latin-1, turning curly
  // quotes, dashes and the euro sign into invisible control characters.
  const named = declared?.toLowerCase()
  // As in browsers, a page that says Latin-1 or ASCII is read as windows-1252, its superset.
  const label = named && /^(?:iso-?8859-1|latin-?1|l1|(?:us-)?ascii|iso_8859-1)$/.test(named) ? 'windows-1252' : named
  if (label && !label.startsWith('utf') && iconv.encodingExists(label)) {
    return { text: iconv.decode(Buffer.from(bytes), label), encoding: label }
  }
  // windows-1252 maps every byte to a character, so this cannot fail.
  return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' }
}

/** The charset an HTML page declares in its first 1024 bytes (`<meta charset>` or `http-equiv`), or null. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024))
  const found = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  return found?.[1]?.toLowerCase() ?? null
}
