import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { isUtf8 } from 'node:buffer'
import { TextDecoder } from 'node:util'
import { contentLimits, sizeInWords } from './content-limits'

/** An article file's text, with a digest of its bytes; or why it cannot be read, with the line to look at. */
export type ArticleText = { text: string; digest: string } | { problem: { line: number; message: string } }

const howToSave =
  'Open it in Notepad, choose File › Save as, set Encoding to UTF-8 and save (in Word: Save as › Plain Text › ' +
  'Unicode (UTF-8))'

/** The first line (1-based) that is not valid UTF-8: a line feed never sits inside a multi-byte character. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1
  let start = 0
  for (let index = 0; index <= bytes.length; index += 1) {
    if (index < bytes.length && bytes[index] !== 0x0a) continue
    if (!isUtf8(bytes.subarray(start, index))) return line
    line += 1
    start = index + 1
  }
  return 1
}

/** Text saved as UTF-16 ("Unicode" in Notepad), with or without a byte order mark: it is full of zero bytes. */
function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  return bytes.subarray(0, 4096).includes(0)
}

/**
 * Reads an article file as the kiosk accepts it: at most `contentLimits.articleBytes` (checked before reading, so a
 * 5 MB file costs nothing), and UTF-8, with or without a byte order mark. A file in another encoding is refused
 * rather than shown with "�" in place of its accented letters.
 */
export async function readArticleFile(path: string): Promise<ArticleText> {
  const { size } = await stat(path)
  if (size > contentLimits.articleBytes) {
    return {
      problem: {
        line: 0,
        message:
          `is ${sizeInWords(size)}; an article file may be at most ${sizeInWords(contentLimits.articleBytes)}: ` +
          'split it into several articles, or move what is not an article out of the content folder'
      }
    }
  }
  const bytes = await readFile(path)
  if (isUtf16(bytes)) {
    return {
      problem: { line: 1, message: `is saved as UTF-16 ("Unicode"), which the kiosk does not read; it needs UTF-8. ${howToSave}` }
    }
  }
  let text: string
  try {
    // The decoder drops a UTF-8 byte order mark, as Notepad writes one.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return {
      problem: {
        line: firstBadLine(bytes),
        message:
          'is not saved as UTF-8: this line has a letter in another encoding (Latin-1 or Windows-1252, as older ' +
          `editors save), which would show as "�". ${howToSave}`
      }
    }
  }
  return { text, digest: createHash('sha256').update(bytes).digest('hex') }
}
