import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname, extname } from 'node:path'
import { getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser'
import { type ConfigOutcome, type ConfigProblem, defaultConfig, parseConfig } from '../../shared/config'

// config.json is written by hand in Notepad by clinic IT: it is read as VS Code reads its settings (comments and
// trailing commas allowed), and every mistake is told with its line and column, in words, without losing the
// settings around it.

/** Line and column (both from 1) of a place in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: offset - lineStart + 1 }
}

function where(text: string, offset: number): string {
  const { line, column } = position(text, offset)
  return `line ${line}, column ${column}`
}

const curlyQuotes = /[\u2018\u2019\u201C\u201D]/

/** What a path written with lone backslashes was meant to be, written the two ways JSON accepts. */
function backslashAdvice(literal: string): string {
  const inside = literal.slice(1, literal.endsWith('"') && literal.length > 1 ? -1 : undefined)
  // Lone backslashes are taken as meant; where some are already doubled, those pairs stand for one each.
  const meant = inside.includes('\\\\')
    ? inside.replace(/^\\\\/, '\u0000').replace(/\\\\?/g, '\\').replace('\u0000', '\\\\')
    : inside
  const forward = meant.replaceAll('\\', '/')
  const doubled = meant.replaceAll('\\', '\\\\')
  return (
    `${literal} has a single backslash (\\), which config.json cannot hold. ` +
    `Write the path as "${forward}" or "${doubled}".`
  )
}

/** A parse error in words a technician with Notepad can act on. */
function describeError(text: string, error: ParseError): string {
  const symbol = text.slice(error.offset, error.offset + error.length)
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      if (curlyQuotes.test(symbol))
        return `${symbol} has curly quotes (“ ” or ‘ ’), as Word and some editors type them; config.json needs straight quotes (").`
      if (symbol.startsWith("'")) return `${symbol} is in single quotes; config.json needs double quotes (").`
      if (/^\s*:/.test(text.slice(error.offset + error.length)))
        return `${symbol} needs double quotes around it: "${symbol}".`
      return `${symbol} is not a value config.json can hold: text goes in double quotes (""), numbers, true, false and null without.`
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'a number is written wrongly (write 90, not 090 or 90s).'
    case 'PropertyNameExpected':
      return 'a setting name in double quotes is expected here.'
    case 'ValueExpected':
      return 'a value is missing here.'
    case 'ColonExpected':
      return 'a colon (:) is missing after the setting name.'
    case 'CommaExpected':
      return 'a comma (,) is missing before this.'
    case 'CloseBraceExpected':
      return 'the closing } of the file is missing.'
    case 'CloseBracketExpected':
      return 'a list is missing its closing ].'
    case 'EndOfFileExpected':
      return 'there is more after the closing } of the file; the settings end at that }.'
    case 'UnexpectedEndOfComment':
      return 'a comment opened with /* is not closed with */.'
    case 'UnexpectedEndOfString':
      return 'a text in quotes has no closing " on the same line.'
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter':
      return backslashAdvice(symbol)
    case 'InvalidCharacter':
      return 'a text in quotes holds a tab or a line break; keep it on one line.'
    default:
      return 'config.json cannot be read here.'
  }
}

interface Setting {
  key: string
  property: Node
  value: Node
}

/** The top-level settings the parser found, each with its nodes. */
function settingsOf(tree: Node): Setting[] {
  return (tree.children ?? []).flatMap((property) => {
    const [keyNode, value] = property.children ?? []
    return keyNode?.type === 'string' && typeof keyNode.value === 'string' && value
      ? [{ key: keyNode.value, property, value }]
      : []
  })
}

const overlaps = (error: ParseError, node: Node) =>
  error.offset <= node.offset + node.length && error.offset + error.length >= node.offset

/** A missing comma is reported at the key after it, which the parser still reads right. */
const spares = (error: ParseError, setting: Setting) =>
  printParseErrorCode(error.error) === 'CommaExpected' && error.offset === setting.property.offset

/** A string that came out with a tab or line break: a lone backslash before n, t, r, b or f in the file. */
function escapedControl(node: Node): Node | null {
  if (node.type === 'string' && /[\b\f\n\r\t]/.test(String(node.value))) return node
  for (const child of node.children ?? []) {
    const found = escapedControl(child)
    if (found) return found
  }
  return null
}

function defaultOf(key: string): string {
  return JSON.stringify((defaultConfig() as Record<string, unknown>)[key]) ?? 'none'
}

const readOnAfter = new Set(['CommaExpected'])
const settingDropped = new Set(['InvalidSymbol', 'PropertyNameExpected', 'ValueExpected', 'ColonExpected'])

/**
 * One problem per line with a parse error (one mistake often trips the parser several times on its line, and the
 * first error says what is wrong), naming the settings it cost; those are added to `lost`.
 */
function explainErrors(source: string, errors: ParseError[], settings: Setting[], lost: Set<Setting>): ConfigProblem[] {
  const byLine = new Map<number, ParseError[]>()
  for (const error of errors) {
    const { line } = position(source, error.offset)
    byLine.set(line, [...(byLine.get(line) ?? []), error])
  }
  return [...byLine.values()].map((onLine) => {
    const hit = settings.filter((setting) =>
      onLine.some((error) => overlaps(error, setting.property) && !spares(error, setting))
    )
    for (const setting of hit) lost.add(setting)
    const first = onLine[0] as ParseError
    const code = printParseErrorCode(first.error)
    const advice =
      hit.length > 0
        ? hit.map(({ key }) => ` Until then ${key} keeps its default (${defaultOf(key)}).`).join('')
        : readOnAfter.has(code)
          ? ' The settings around it were still read.'
          : settingDropped.has(code)
            ? ' That setting is ignored until then.'
            : ''
    return {
      key: hit.length === 1 ? (hit[0] as Setting).key : '(file)',
      message: `${where(source, first.offset)}: ${describeError(source, first)}${advice}`
    }
  })
}

/** Reads config text, keeping every setting that can be read and explaining each one that cannot. */
export function parseConfigText(text: string): ConfigOutcome {
  const source = text.replace(/^\uFEFF/, '')
  if (source.trim() === '') {
    return {
      config: defaultConfig(),
      problems: [{ key: '(file)', message: 'the file is empty; every setting is at its default' }]
    }
  }
  const errors: ParseError[] = []
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false })
  if (tree?.type !== 'object') {
    const message = `${where(source, tree?.offset ?? 0)}: the config must be one { … } holding the settings`
    return { config: defaultConfig(), problems: [{ key: '(file)', message }] }
  }
  const settings = settingsOf(tree)
  const lost = new Set<Setting>()
  const problems = explainErrors(source, errors, settings, lost)
  for (const setting of settings) {
    if (lost.has(setting)) continue
    const control = escapedControl(setting.value)
    if (!control) continue
    lost.add(setting)
    const literal = source.slice(control.offset, control.offset + control.length)
    problems.push({
      key: setting.key,
      message: `${where(source, control.offset)}: ${backslashAdvice(literal)} Until then ${setting.key} keeps its default (${defaultOf(setting.key)}).`
    })
  }
  const raw: Record<string, unknown> = {}
  const lines = new Map<string, number[]>()
  const at = new Map<string, string>()
  for (const setting of settings) {
    if (lost.has(setting)) continue
    raw[setting.key] = getNodeValue(setting.value)
    lines.set(setting.key, [...(lines.get(setting.key) ?? []), position(source, setting.property.offset).line])
    at.set(setting.key, where(source, setting.property.offset))
  }
  for (const [key, found] of lines) {
    if (found.length < 2) continue
    const times = found.length === 2 ? 'twice' : `${found.length} times`
    const list = `${found.slice(0, -1).join(', ')} and ${found.at(-1)}`
    problems.push({ key, message: `written ${times} (lines ${list}); the last one counts` })
  }
  const outcome = parseConfig(raw)
  return {
    config: outcome.config,
    problems: [
      ...problems,
      ...outcome.problems.map((problem) => {
        const place = at.get(problem.key)
        return place ? { key: problem.key, message: `${problem.message} (${place})` } : problem
      })
    ]
  }
}

/** Files beside the config that were probably meant to be it: Notepad's `.txt`, or other capitals. */
async function lookAlikes(path: string, configFound: boolean): Promise<string[]> {
  const name = basename(path)
  const lower = name.toLowerCase()
  const stem = basename(lower, extname(lower))
  try {
    const entries = await readdir(dirname(path), { withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile() && entry.name !== name)
      .map((entry) => entry.name)
      .filter((other) => {
        const otherLower = other.toLowerCase()
        // With the config found, another capitalisation may be that very file on a Windows disk.
        if (otherLower === lower) return !configFound
        return otherLower === `${lower}.txt` || otherLower === `${stem}.txt`
      })
      .sort()
  } catch {
    return []
  }
}

/** Reads the config file; a missing file means defaults, and a broken one never stops the kiosk. */
export async function readConfigFile(path: string): Promise<ConfigOutcome> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return {
        config: defaultConfig(),
        problems: [{ key: '(file)', message: `cannot read ${path}: ${String(error)}` }]
      }
    }
    const others = await lookAlikes(path, false)
    if (others.length === 0) return { config: defaultConfig(), problems: [] }
    const names = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`
    const message =
      `there is no ${basename(path)} in ${dirname(path)}, but there is ${names}, which the kiosk does not read. ` +
      `Rename ${others.length === 1 ? 'it' : 'the right one'} to ${basename(path)} (in File Explorer, turn on ` +
      'View › Show › File name extensions to see the ".txt"). Until then every setting is at its default.'
    return { config: defaultConfig(), problems: [{ key: '(file)', message }] }
  }
  const outcome = parseConfigText(text)
  const ignored = (await lookAlikes(path, true)).map((other) => ({
    key: '(file)',
    message: `${other} is also in ${dirname(path)} and is ignored: only ${basename(path)} is read`
  }))
  return { config: outcome.config, problems: [...outcome.problems, ...ignored] }
}
