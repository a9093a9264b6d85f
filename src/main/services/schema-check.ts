/**
 * A small checker for the part of JSON Schema the store's files use (type, required, properties,
 * additionalProperties: false, items, uniqueItems, minLength, maxLength, minimum, maximum, pattern), compiled once
 * into plain functions. It lets the feedback store check one new record, or a whole file it reads, against the very
 * schema electron-store is given, without building a validator per file; a test holds it to electron-store's verdicts.
 */

/** A compiled check: null when the value fits, otherwise where and why it does not. */
export type SchemaCheck = (value: unknown, path?: string) => string | null

type Schema = Record<string, unknown>

const typeChecks: Record<string, (value: unknown) => boolean> = {
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  array: (value) => Array.isArray(value),
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null
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

function compileType(type: unknown): ((value: unknown) => boolean) | null {
  if (type === undefined) return null
  const names = Array.isArray(type) ? type : [type]
  const checks = names.map((name) => {
    const check = typeChecks[String(name)]
    if (!check) throw new Error(`schema-check does not know the type "${String(name)}"`)
    return check
  })
  return checks.length === 1 ? (checks[0] ?? null) : (value) => checks.some((check) => check(value))
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

/** Compiles a schema; a keyword it does not know is refused at once rather than silently ignored. */
export function compileSchema(schema: Schema): SchemaCheck {
  for (const keyword of Object.keys(schema)) {
    if (!known.has(keyword)) throw new Error(`schema-check does not support "${keyword}"`)
  }
  const checks: SchemaCheck[] = []
  const isType = compileType(schema.type)
  if (isType) {
    const expected = Array.isArray(schema.type) ? schema.type.join(',') : String(schema.type)
    checks.push((value, path = '') => (isType(value) ? null : `\`${path}\` must be ${expected}`))
  }
  const { minLength, maxLength, pattern } = schema
  if (typeof minLength === 'number')
    checks.push((value, path = '') =>
      typeof value === 'string' && value.length < 2 * minLength && codePoints(value) < minLength
        ? `\`${path}\` must NOT have fewer than ${minLength} characters`
        : null
    )
  if (typeof maxLength === 'number')
    checks.push((value, path = '') =>
      typeof value === 'string' && value.length > maxLength && codePoints(value) > maxLength
        ? `\`${path}\` must NOT have more than ${maxLength} characters`
        : null
    )
  if (typeof pattern === 'string') {
    // JSON Schema patterns are Unicode regular expressions, as electron-store's validator builds them.
    const expression = new RegExp(pattern, 'u')
    checks.push((value, path = '') =>
      typeof value === 'string' && !expression.test(value) ? `\`${path}\` must match pattern "${pattern}"` : null
    )
  }
  const { minimum, maximum } = schema
  if (typeof minimum === 'number')
    checks.push((value, path = '') =>
      typeof value === 'number' && value < minimum ? `\`${path}\` must be >= ${minimum}` : null
    )
  if (typeof maximum === 'number')
    checks.push((value, path = '') =>
      typeof value === 'number' && value > maximum ? `\`${path}\` must be <= ${maximum}` : null
    )
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
  if (required.length > 0)
    checks.push((value, path = '') => {
      if (!typeChecks.object?.(value)) return null
      const object = value as Record<string, unknown>
      const missing = required.find((key) => object[key] === undefined)
      return missing === undefined ? null : `\`${path}\` must have required property '${missing}'`
    })
  const properties = (schema.properties ?? {}) as Record<string, Schema>
  const propertyChecks = Object.entries(properties).map(([key, property]) => [key, compileSchema(property)] as const)
  if (propertyChecks.length > 0)
    checks.push((value, path = '') => {
      if (!typeChecks.object?.(value)) return null
      const object = value as Record<string, unknown>
      for (const [key, check] of propertyChecks) {
        if (object[key] === undefined) continue
        const problem = check(object[key], `${path}/${key}`)
        if (problem !== null) return problem
      }
      return null
    })
  if (schema.additionalProperties === false)
    checks.push((value, path = '') => {
      if (!typeChecks.object?.(value)) return null
      for (const key in value as object) {
        if (!Object.hasOwn(properties, key)) return `\`${path}\` must NOT have additional properties ('${key}')`
      }
      return null
    })
  else if (schema.additionalProperties !== undefined)
    throw new Error('schema-check supports additionalProperties: false only')
  if (schema.items !== undefined) {
    const item = compileSchema(schema.items as Schema)
    checks.push((value, path = '') => {
      if (!Array.isArray(value)) return null
      for (let index = 0; index < value.length; index += 1) {
        const problem = item(value[index], `${path}/${index}`)
        if (problem !== null) return problem
      }
      return null
    })
  }
  if (schema.uniqueItems === true)
    checks.push((value, path = '') => {
      if (!Array.isArray(value)) return null
      if (!value.every((item) => item === null || typeof item !== 'object'))
        throw new Error('schema-check supports uniqueItems on lists of plain values only')
      return new Set(value).size === value.length ? null : `\`${path}\` must NOT have duplicate items`
    })
  return (value, path = '') => {
    for (const check of checks) {
      const problem = check(value, path)
      if (problem !== null) return problem
    }
    return null
  }
}
