import type { z } from 'zod'

// Why an IPC input was refused, in words a developer or IT reads at a glance: each problem as the field it concerns
// ("range.from", "input" for the whole) and what that field must be. Only main uses this; the renderer shows its own
// friendly sentence for the error code. Text a patient or staff typed (a comment, a PIN) is never repeated.

/** The longest refusal message: one log line, and enough for every problem of any real mistake. */
const messageLimit = 300

/**
 * How a refusal names the value it got: `plain` shows numbers, null and the like as they are and leaves text out (a
 * field of the right type whose text is wrong; it may be what a patient typed), `secret` says only what kind of value
 * it is (a PIN is never repeated, whatever its type), `text` shows text too (a short code such as a language).
 */
export type Shown = 'plain' | 'secret' | 'text'

/** " (got …)" after what a field must be, or nothing; `kind` is for a value of the wrong type, named as text. */
function got(value: unknown, show: Shown | 'kind'): string {
  let words: string | null
  if (typeof value === 'string')
    words = show === 'text' ? JSON.stringify(value.slice(0, 24)) : show === 'kind' ? 'text' : null
  else if (typeof value === 'number' || typeof value === 'bigint')
    words = show === 'secret' ? 'a number' : String(value).slice(0, 24)
  else if (value === null) words = 'null'
  else if (typeof value === 'boolean') words = 'true or false'
  else if (Array.isArray(value)) words = 'a list'
  else words = typeof value === 'object' ? 'an object' : 'nothing'
  return words === null ? '' : ` (got ${words})`
}

/** "a, b or c". */
export const either = (choices: readonly string[]): string =>
  choices.length < 2 ? (choices[0] ?? '') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`

/** A schema's message: "must be <what>" and the value it got, as `show` says. A missing field is left to plainWords. */
export function mustBe(what: string, show: Shown = 'plain'): z.core.$ZodErrorMap {
  return (issue) => (issue.input === undefined ? undefined : `must be ${what}${got(issue.input, show)}`)
}

const typeNames: Record<string, string> = {
  object: 'an object',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  undefined: 'empty'
}

/**
 * Plain words for what no schema words itself: a missing field, a value of the wrong type, fields an input does not
 * take, an unknown discriminator, lengths. Returns undefined (zod's own words) for anything else.
 */
export const plainWords: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined) return 'is missing'
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${typeNames[issue.expected] ?? issue.expected}${got(issue.input, 'kind')}`
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 3).map((key) => JSON.stringify(key.slice(0, 24)))
      const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : ''
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not take: ${keys.join(', ')}${more}`
    }
    case 'invalid_union': {
      // A discriminated union names its options; the value it got is the discriminator's.
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] }
      if (discriminator === undefined || options === undefined) return undefined
      const value = (issue.input as Record<string, unknown>)[discriminator]
      return value === undefined ? 'is missing' : `must be ${either(options.map(String))}${got(value, 'text')}`
    }
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters` : undefined
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${issue.minimum} characters` : undefined
    default:
      return undefined
  }
}

/**
 * The refusal message for a channel: every problem as "<field> <why>", in the order found, joined by "; ", within
 * messageLimit characters; the problems that do not fit are counted ("and 3 more").
 */
export function refusalOf(channel: string, issues: readonly z.core.$ZodIssue[]): string {
  const field = (issue: z.core.$ZodIssue) => (issue.path.length === 0 ? 'input' : issue.path.map(String).join('.'))
  const parts = [...new Set(issues.map((issue) => `${field(issue)} ${issue.message}`))]
  let message = `${channel}: ${parts[0] ?? 'input is not what it must be'}`
  for (let index = 1; index < parts.length; index += 1) {
    const left = parts.length - index - 1
    const next = `${message}; ${parts[index]}`
    if (next.length + (left > 0 ? `; and ${left} more`.length : 0) > messageLimit)
      return `${message}; and ${parts.length - index} more`.slice(0, messageLimit)
    message = next
  }
  return message.slice(0, messageLimit)
}
