/** What the screen tells main about an error it survived: where it happened and what it was, never patient text. */
export interface RendererErrorReport {
  /** Which part of the screen failed, as a short kebab-case name ("reader-section", "window"). */
  where: string
  /** The error's kind and message, with quoted text and long numbers taken out (see `rendererErrorReport`). */
  message: string
}

/** The bounds the IPC schema holds a report to; the screen trims to them before sending. */
export const rendererErrorLimits = { where: 40, message: 300 } as const

/** The longest stretch of an error message that is read at all; the rest cannot reach the log. */
const readLimit = 2000
/** A quoted stretch of a message; one pass, no nesting, so its cost is linear in the message. */
const quoted = /"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g
/** A name from code (a property, a key), the only quoted text worth keeping: it cannot be what a patient typed. */
const codeName = /^[A-Za-z_$][\w$]{0,39}$/
// A control character would let one report write lines of its own in the log.
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u001f\u007f]/g

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : typeof value
}

/**
 * A report for main from anything thrown: the first line of its message, quoted text other than code names and runs
 * of three or more digits replaced by "…", control characters removed, within the limits. A comment a patient typed,
 * a phone number or a PIN that found its way into an error message does not reach the log.
 */
export function rendererErrorReport(where: string, error: unknown): RendererErrorReport {
  const name = error instanceof Error ? error.name.slice(0, 40) : null
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : `a thrown value that is not an Error (${kindOf(error)})`
  // An Error's message may be set to anything, even an object no String() can convert: only text is read.
  const text = typeof raw === 'string' ? raw : 'a message that is not text'
  const firstLine = text.slice(0, readLimit).split(/[\r\n]/, 1)[0] ?? ''
  const plain = firstLine
    .replace(quoted, (found) => (codeName.test(found.slice(1, -1)) ? found : `${found[0]}…${found[0]}`))
    .replace(/\d{3,}/g, '…')
    .trim()
  const message = (name ? `${name}: ${plain || 'no message'}` : plain || 'no message').replace(control, ' ')
  return {
    where: where.slice(0, rendererErrorLimits.where),
    message:
      message.length > rendererErrorLimits.message ? `${message.slice(0, rendererErrorLimits.message - 1)}…` : message
  }
}
