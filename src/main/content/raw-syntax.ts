// Markdown that an author wrote but the parser did not take as Markdown would reach the screen as written, brackets
// and bars included. These patterns find what survived as text, so it is reported instead of shown.

const leftoverPicture = /!\[([^\]\n]*)\]\(([^)\n]*)\)/g
const leftoverLink = /(?<!!)\[([^\]\n]+)\]\(([^)\n]*)\)/g
const tableLine = /^\s*\|.*\|\s*$|\|\s*:?-{3,}/m

/** A picture on its own written `![what it shows](images/my knee.png)`: CommonMark wants `<…>` around a path with spaces. */
export function spacedPicture(text: string): { alt: string; src: string } | null {
  const match = /^!\[([^\]\n]*)\]\(\s*([^()<>\n]*?\s[^()<>\n]*?)\s*\)$/.exec(text.trim())
  return match ? { alt: match[1] ?? '', src: match[2] ?? '' } : null
}

/** Each piece of Markdown that would show as written in a text, with its line counted from the text's first line. */
export function rawSyntax(text: string): Array<{ line: number; message: string }> {
  const found: Array<{ line: number; message: string }> = []
  const lineAt = (index: number) => text.slice(0, index).split('\n').length - 1
  for (const match of text.matchAll(leftoverPicture)) {
    const [written, alt, src] = match
    found.push({
      line: lineAt(match.index),
      message:
        `${written} would show as written: a picture must stand in a paragraph of its own, ` +
        `written ![${alt}](<${src?.trim()}>)`
    })
  }
  for (const match of text.matchAll(leftoverLink)) {
    const [written, words, address] = match
    const reason = /\s/.test(address?.trim() ?? '') ? ', since the address has a space' : ''
    found.push({
      line: lineAt(match.index),
      message: `${written} would show as written${reason}. The kiosk shows a link as its words only: write just "${words}"`
    })
  }
  const table = tableLine.exec(text)
  if (table) {
    found.push({
      line: lineAt(table.index),
      message:
        'this looks like a table, but the | marks would show as text: a table needs a line such as | --- | --- | ' +
        'under its heading row'
    })
  }
  return found.sort((a, b) => a.line - b.line)
}
