import type { Yaml } from 'mdast'
import { CST, LineCounter, Parser, type YAMLError, isMap, isScalar, parseDocument } from 'yaml'
import { type FrontMatter, frontMatterSchema } from '../../shared/article-schema'
import type { ContentProblem } from '../../shared/domain'
import { contentLimits } from './content-limits'

// Authors write front matter in Word or Notepad without knowing YAML. Three mistakes YAML either accepts silently or
// answers in jargon are found in the parser's own token tree (its CST) and explained with what to write instead.

/** Keys whose values are free text, where a " #" is part of the words rather than a note the author meant. */
const textKeys = new Set(['title', 'summary', 'owner', 'source'])

const openingCurly = /^[\u201C\u2018\u201E]/
const closingCurly = /[\u201D\u2019]$/

/** A value written the way YAML keeps it whole: in double quotes, or single ones when it holds a double quote. */
function quoted(text: string): string {
  return text.includes('"') || text.includes('\\') ? `'${text.replaceAll("'", "''")}'` : `"${text}"`
}

interface Pitfall {
  offset: number
  message: string
  /** The YAML error this pitfall causes further down, which would only repeat it in jargon. */
  explains?: YAMLError['code']
}

type MapItem = CST.BlockMap['items'][number]

function keyOf(item: MapItem): string | null {
  return item.key && CST.isScalar(item.key) ? item.key.source : null
}

/** The rest of the line from an offset, as the author typed it. */
function restOfLine(source: string, offset: number): string {
  const end = source.indexOf('\n', offset)
  return source.slice(offset, end === -1 ? undefined : end).trim()
}

function curlyPitfall(key: string, typed: string, offset: number): Pitfall {
  const meant = typed.replace(openingCurly, '').replace(closingCurly, '')
  return {
    offset,
    message:
      `"${key}" is in curly quotes (“ ” or ‘ ’), as Word types them; front matter needs straight quotes, ` +
      `or the quote marks show on screen. Write: ${key}: ${quoted(meant)}`
  }
}

/** The pitfalls of one `key: value` line, and of the lines YAML swallowed into it by mistake. */
function itemPitfalls(source: string, item: MapItem): Pitfall[] {
  const key = keyOf(item)
  const value = item.value
  if (key === null || !item.key || !value) return []
  const sameLine = !(item.sep ?? []).some((token) => token.type === 'newline')
  if (value.type === 'block-map' && sameLine) {
    // "summary: Knee pain: what to do" reads to YAML as a map inside a map; the keys after it were swallowed too.
    const typed = restOfLine(source, value.offset)
    const first = keyOf(value.items[0] as MapItem) ?? ''
    const pitfall = openingCurly.test(first)
      ? curlyPitfall(key, typed, item.key.offset)
      : {
          offset: item.key.offset,
          message:
            `"${key}" has a colon and a space (": ") in its text, which front matter reads as a new key. ` +
            `Put the whole value in double quotes: ${key}: ${quoted(typed)}`
        }
    return [pitfall, ...value.items.slice(1).flatMap((swallowed) => itemPitfalls(source, swallowed))]
  }
  if (value.type === 'double-quoted-scalar' || value.type === 'single-quoted-scalar') {
    const mark = value.type === 'double-quoted-scalar' ? '"' : "'"
    const firstLine = value.source.split('\n')[0] ?? ''
    if (firstLine.length > 1 && firstLine.endsWith(mark)) return []
    const meant = restOfLine(source, value.offset).slice(1).replace(closingCurly, '')
    const curly = closingCurly.test(firstLine) ? ` (a curly quote ${firstLine.at(-1)} cannot close a straight one ${mark})` : ''
    return [
      {
        offset: item.key.offset,
        explains: 'MISSING_CHAR',
        message:
          `the quote mark ${mark} that starts "${key}" is not closed on the same line${curly}. ` +
          `Write: ${key}: ${quoted(meant)}`
      }
    ]
  }
  if (value.type === 'flow-collection' && sameLine) {
    const typed = restOfLine(source, value.offset)
    return [
      {
        offset: item.key.offset,
        message:
          `"${key}" starts with "${typed[0]}", which front matter reads as a list. ` +
          `Put the whole value in double quotes: ${key}: ${quoted(typed)}`
      }
    ]
  }
  if (value.type !== 'scalar') return []
  if (openingCurly.test(value.source)) return [curlyPitfall(key, restOfLine(source, value.offset), item.key.offset)]
  const comment = value.end?.find((token) => token.type === 'comment')
  if (comment && textKeys.has(key)) {
    const typed = source.slice(value.offset, comment.offset + comment.source.length)
    return [
      {
        offset: item.key.offset,
        message:
          `in front matter " #" starts a hidden note, so "${key}" would read only "${value.source}". ` +
          `Put the whole value in double quotes: ${key}: ${quoted(typed)}`
      }
    ]
  }
  return []
}

/** Front matter mistakes YAML accepts without a word or reports in jargon, found in its token tree. */
function findPitfalls(source: string): Pitfall[] {
  const pitfalls: Pitfall[] = []
  for (const token of new Parser().parse(source)) {
    if (token.type !== 'document' || token.value?.type !== 'block-map') continue
    for (const item of token.value.items) pitfalls.push(...itemPitfalls(source, item))
  }
  return pitfalls
}

/** What a YAML error means for someone who has never heard of YAML. */
function plainYamlError(error: YAMLError, lineText: string): string {
  let plain: string
  switch (error.code) {
    case 'DUPLICATE_KEY':
      // The key is what comes before the first colon; a slice, since a pattern for it backtracked over spaces.
      plain = `"${lineText.includes(':') ? lineText.slice(0, lineText.indexOf(':')).trim() : ''}" is written twice; keep one of them`
      break
    case 'TAB_AS_INDENT':
      plain = 'this line starts with a tab; front matter lines start at the left edge'
      break
    default:
      plain =
        'this line does not read as "key: value"; each line starts at the left edge with a key, a colon and ' +
        'its value, and a value that starts with [ { * & ! | > % @ or ` must be in double quotes'
  }
  return `front matter cannot be read on this line: ${plain} (the YAML reader says: ${error.message})`
}

/** The front matter's facts with the line of the `id` key, or null after reporting every problem with its line. */
export function parseFrontMatter(
  node: Yaml | undefined,
  file: string,
  problems: ContentProblem[]
): (FrontMatter & { idLine: number }) | null {
  if (!node) {
    problems.push({ file, line: 1, message: 'the file must start with front matter between --- lines' })
    return null
  }
  const firstLine = node.position?.start.line ?? 1
  if (node.value.length > contentLimits.frontMatterCharacters) {
    problems.push({
      file,
      line: firstLine,
      message:
        `the front matter has ${node.value.length} characters; it may have at most ` +
        `${contentLimits.frontMatterCharacters}: keep to the keys an article needs, with short values`
    })
    return null
  }
  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false })
  const at = (offset: number | undefined) => firstLine + (offset === undefined ? 1 : lineCounter.linePos(offset).line)
  const pitfalls = findPitfalls(node.value)
  const pitfallLines = new Set(pitfalls.map((pitfall) => at(pitfall.offset)))
  const explained = new Set(pitfalls.map((pitfall) => pitfall.explains))
  for (const pitfall of pitfalls) problems.push({ file, line: at(pitfall.offset), message: pitfall.message })
  for (const error of document.errors) {
    const line = at(error.pos[0])
    // A pitfall already said, in words, what this error is about.
    if (pitfallLines.has(line) || explained.has(error.code)) continue
    const lineText = node.value.split('\n')[line - firstLine - 1] ?? ''
    problems.push({ file, line, message: plainYamlError(error, lineText) })
  }
  if (document.errors.length > 0 || pitfalls.length > 0) return null
  const keyLine = (key: PropertyKey | undefined): number => {
    if (!isMap(document.contents)) return firstLine
    const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === key)
    return pair && isScalar(pair.key) ? at(pair.key.range?.[0]) : firstLine
  }
  let values: unknown
  try {
    // yaml refuses to expand more than 100 aliases (a "billion laughs" bomb) by throwing.
    values = document.toJS()
  } catch {
    problems.push({
      file,
      line: firstLine,
      message:
        'front matter cannot be read: it repeats values with & and * marks more than front matter ever needs; ' +
        'write each value out in full'
    })
    return null
  }
  const checked = frontMatterSchema.safeParse(values)
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({ file, line: keyLine(key), message: `unknown front matter key "${key}"` })
        }
      } else {
        const key = issue.path[0]
        const present = isMap(document.contents) && document.contents.has(key)
        const message = present ? `"${String(key)}" ${issue.message}` : `front matter is missing "${String(key ?? '')}"`
        problems.push({ file, line: keyLine(key), message })
      }
    }
    return null
  }
  if (checked.data.nextReview <= checked.data.reviewed) {
    problems.push({ file, line: keyLine('nextReview'), message: '"nextReview" must be after "reviewed"' })
    return null
  }
  return { ...checked.data, idLine: keyLine('id') }
}
