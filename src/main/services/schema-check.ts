/**
 * A small checker for the part of JSON Schema the store's files use (type, required, properties,
 * additionalProperties: false, items, uniqueItems, minLength, maxLength, minimum, maximum, pattern), compiled once
 * into a plain table. It lets the feedback store check one new record, or a whole file it reads, against the very
 * schema electron-store is given, without building a validator per file; a test holds it to electron-store's verdicts.
 */

/** A compiled check: null when the value fits, otherwise where and why it does not. */
export type SchemaCheck = (value: unknown) => string | null

type Schema = Record<string, unknown>

const typeBits = { object: 1, array: 2, string: 4, number: 8, integer: 16, boolean: 32, null: 64 } as const

/** A schema compiled to plain fields, read by one function (`passes`) rather than called through closures. */
interface Node {
  /** The allowed types as bits of typeBits; 0 when any type is allowed. */
  types: number
  typeNames: string
  minLength: number
  maxLength: number
  pattern: RegExp | null
  minimum: number
  maximum: number
  /** Required keys that are not among `keys` (those among them are flagged in `needed`). */
  required: string[]
  keys: string[]
  keySet: Set<string>
  needed: boolean[]
  children: Node[]
  closed: boolean
  items: Node | null
  unique: boolean
}

/** The type bit of a value, with an integer counting as a number too. */
function typeOf(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return typeBits.string
    case 'number':
      if (!Number.isFinite(value)) return 0
      return Number.isInteger(value) ? typeBits.number | typeBits.integer : typeBits.number
    case 'boolean':
      return typeBits.boolean
    case 'object':
      if (value === null) return typeBits.null
      return Array.isArray(value) ? typeBits.array : typeBits.object
    default:
      return 0
  }
}

/** Length in code points, as JSON Schema counts it (an emoji made of a surrogate pair is one character). */
function codePoints(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index)
    count += 1
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) index += 1
    }
  }
  return count
}

const known = new Set([
  'type',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'uniqueItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern'
])

function compileNode(schema: Schema): Node {
  for (const keyword of Object.keys(schema)) {
    if (!known.has(keyword)) throw new Error(`schema-check does not support "${keyword}"`)
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false)
    throw new Error('schema-check supports additionalProperties: false only')
  const names = schema.type === undefined ? [] : (Array.isArray(schema.type) ? schema.type : [schema.type]).map(String)
  let types = 0
  for (const name of names) {
    const bit = typeBits[name as keyof typeof typeBits]
    if (bit === undefined) throw new Error(`schema-check does not know the type "${name}"`)
    types |= bit
  }
  const properties = (schema.properties ?? {}) as Record<string, Schema>
  const required = Array.isArray(schema.required) ? schema.required.map(String) : []
  const number = (value: unknown, otherwise: number) => (typeof value === 'number' ? value : otherwise)
  return {
    types,
    typeNames: names.join(','),
    minLength: number(schema.minLength, 0),
    maxLength: number(schema.maxLength, Number.POSITIVE_INFINITY),
    // JSON Schema patterns are Unicode regular expressions, as electron-store's validator builds them.
    pattern: typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : null,
    minimum: number(schema.minimum, Number.NEGATIVE_INFINITY),
    maximum: number(schema.maximum, Number.POSITIVE_INFINITY),
    required: required.filter((key) => !Object.hasOwn(properties, key)),
    keys: Object.keys(properties),
    keySet: new Set(Object.keys(properties)),
    needed: Object.keys(properties).map((key) => required.includes(key)),
    children: Object.values(properties).map(compileNode),
    closed: schema.additionalProperties === false,
    items: schema.items === undefined ? null : compileNode(schema.items as Schema),
    unique: schema.uniqueItems === true
  }
}

/** Whether a value fits a node; the first failing keyword, in a fixed order, makes it false. */
function passes(node: Node, value: unknown): boolean {
  const type = typeOf(value)
  if (node.types !== 0 && (node.types & type) === 0) return false
  if (type === typeBits.string) {
    const text = value as string
    // Counting code points matters only near a limit, since each is one or two UTF-16 units.
    if (text.length < 2 * node.minLength && codePoints(text) < node.minLength) return false
    if (text.length > node.maxLength && codePoints(text) > node.maxLength) return false
    if (node.pattern !== null && !node.pattern.test(text)) return false
  } else if ((type & typeBits.number) !== 0) {
    const amount = value as number
    if (amount < node.minimum || amount > node.maximum) return false
  } else if (type === typeBits.object) {
    const object = value as Record<string, unknown>
    for (let index = 0; index < node.required.length; index += 1)
      if (object[node.required[index] as string] === undefined) return false
    for (let index = 0; index < node.keys.length; index += 1) {
      const property = object[node.keys[index] as string]
      if (property === undefined) {
        if (node.needed[index]) return false
      } else if (!passes(node.children[index] as Node, property)) return false
    }
    if (node.closed) for (const key in object) if (!node.keySet.has(key)) return false
  } else if (type === typeBits.array) {
    const list = value as unknown[]
    if (node.items !== null)
      for (let index = 0; index < list.length; index += 1) if (!passes(node.items, list[index])) return false
    if (node.unique) {
      if (!list.every((entry) => entry === null || typeof entry !== 'object'))
        throw new Error('schema-check supports uniqueItems on lists of plain values only')
      if (new Set(list).size !== list.length) return false
    }
  }
  return true
}

/** Why a value does not fit a node, in electron-store's words; only called once `passes` said it does not. */
function explain(node: Node, value: unknown, path: string): string {
  const type = typeOf(value)
  if (node.types !== 0 && (node.types & type) === 0) return `\`${path}\` must be ${node.typeNames}`
  if (type === typeBits.string) {
    const length = codePoints(value as string)
    if (length < node.minLength) return `\`${path}\` must NOT have fewer than ${node.minLength} characters`
    if (length > node.maxLength) return `\`${path}\` must NOT have more than ${node.maxLength} characters`
    return `\`${path}\` must match pattern "${node.pattern?.source}"`
  }
  if ((type & typeBits.number) !== 0) {
    const amount = value as number
    return amount < node.minimum ? `\`${path}\` must be >= ${node.minimum}` : `\`${path}\` must be <= ${node.maximum}`
  }
  if (type === typeBits.object) {
    const object = value as Record<string, unknown>
    const missing = [...node.required, ...node.keys.filter((_, at) => node.needed[at])].find(
      (key) => object[key] === undefined
    )
    if (missing !== undefined) return `\`${path}\` must have required property '${missing}'`
    const index = node.keys.findIndex(
      (key, at) => object[key] !== undefined && !passes(node.children[at] as Node, object[key])
    )
    if (index >= 0)
      return explain(node.children[index] as Node, object[node.keys[index] as string], `${path}/${node.keys[index]}`)
    return `\`${path}\` must NOT have additional properties ('${Object.keys(object).find((key) => !node.keySet.has(key))}')`
  }
  const list = value as unknown[]
  const index = node.items === null ? -1 : list.findIndex((entry) => !passes(node.items as Node, entry))
  if (index >= 0) return explain(node.items as Node, list[index], `${path}/${index}`)
  return `\`${path}\` must NOT have duplicate items`
}

/** Compiles a schema; a keyword it does not know is refused at once rather than silently ignored. */
export function compileSchema(schema: Schema): SchemaCheck {
  const node = compileNode(schema)
  return (value) => (passes(node, value) ? null : explain(node, value, ''))
}
