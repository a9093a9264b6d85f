// Markdown that an author wrote but the parser did not take as Markdown would reach the screen as written, brackets
// and bars included. These scans find what survived as text, so it is reported instead of shown. They are written by
// hand, one pass each, because the patterns they replace backtracked: a paragraph of `![](` and a few thousand
// spaces took seconds, and a line of `[` grew with its square, all on the thread that answers the screen.

/** For each position, where the next `stop` character or line end is (or the text's length): one pass from the end. */
function nextOf(text: string, stop: string): Int32Array {
  const next = new Int32Array(text.length + 1)
  next[text.length] = text.length
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const character = text[index]
    next[index] = character === stop || character === '\n' ? index : (next[index + 1] ?? text.length)
  }
  return next
}

/** Turns an offset into a line counted from 0, by a binary search over where lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return low
  }
}

/** One `[words](address)` written on one line: where it starts and ends, and its two parts. */
interface Bracketed {
  start: number
  end: number
  words: string
  address: string
}

/**
 * Every `[words](address)` on one line, left to right and not overlapping, as `/\[([^\]\n]*)\]\(([^)\n]*)\)/g` finds
 * them but in one pass: `opensAt` says where one may start, `allowEmpty` whether the words may be empty.
 */
function bracketed(text: string, opensAt: (index: number) => boolean, allowEmpty: boolean): Bracketed[] {
  const closeBracket = nextOf(text, ']')
  const closeParen = nextOf(text, ')')
  const found: Bracketed[] = []
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] !== '[' || !opensAt(index)) continue
    const close = closeBracket[index + 1] ?? text.length
    if (text[close] !== ']' || text[close + 1] !== '(' || (!allowEmpty && close === index + 1)) continue
    const end = closeParen[close + 2] ?? text.length
    if (text[end] !== ')') continue
    found.push({ start: index, end, words: text.slice(index + 1, close), address: text.slice(close + 2, end) })
    index = end
  }
  return found
}

function isSpace(character: string | undefined): boolean {
  return character !== undefined && character.trim() === ''
}

/** A picture on its own written `![what it shows](images/my knee.png)`: CommonMark wants `<…>` around a path with spaces. */
export function spacedPicture(text: string): { alt: string; src: string } | null {
  const whole = text.trim()
  if (!whole.startsWith('![') || !whole.endsWith(')')) return null
  const close = whole.indexOf(']')
  if (close === -1 || whole.slice(2, close).includes('\n') || whole[close + 1] !== '(') return null
  const src = whole.slice(close + 2, -1).trim()
  for (const character of src) if ('()<>\n'.includes(character)) return null
  if (![...src].some(isSpace)) return null
  return { alt: whole.slice(2, close), src }
}

/** Where the first line that looks like a table row or a table's rule line is, or -1. */
function tableAt(text: string): number {
  let lineStart = 0
  while (lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart)
    const line = text.slice(lineStart, lineEnd).trim()
    if (line.length >= 2 && line.startsWith('|') && line.endsWith('|')) return lineStart
    // A rule line: a bar, maybe spaces and a colon, then three hyphens or more (`| --- |`, `|:---`).
    for (let bar = line.indexOf('|'); bar !== -1; bar = line.indexOf('|', bar + 1)) {
      let after = bar + 1
      while (isSpace(line[after])) after += 1
      if (line[after] === ':') after += 1
      if (line.startsWith('---', after)) return lineStart
    }
    lineStart = lineEnd + 1
  }
  return -1
}

/** Each piece of Markdown that would show as written in a text, with its line counted from the text's first line. */
export function rawSyntax(text: string): Array<{ line: number; message: string }> {
  const found: Array<{ line: number; message: string }> = []
  const lineAt = lineFinder(text)
  for (const { start, end, words: alt, address: src } of bracketed(text, (index) => text[index - 1] === '!', true)) {
    found.push({
      line: lineAt(start - 1),
      message:
        `${text.slice(start - 1, end + 1)} would show as written: a picture must stand in a paragraph of its own, ` +
        `written ![${alt}](<${src.trim()}>)`
    })
  }
  for (const { start, end, words, address } of bracketed(text, (index) => text[index - 1] !== '!', false)) {
    const reason = [...address.trim()].some(isSpace) ? ', since the address has a space' : ''
    found.push({
      line: lineAt(start),
      message: `${text.slice(start, end + 1)} would show as written${reason}. The kiosk shows a link as its words only: write just "${words}"`
    })
  }
  const table = tableAt(text)
  if (table !== -1) {
    found.push({
      line: lineAt(table),
      message:
        'this looks like a table, but the | marks would show as text: a table needs a line such as | --- | --- | ' +
        'under its heading row'
    })
  }
  return found.sort((a, b) => a.line - b.line)
}
