import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'

/** A compiled check: null when the value fits, otherwise where and why it does not. */
export type SchemaCheck = (value: unknown) => string | null

// The validator electron-store itself uses, so a record the store accepts here is one electron-store would accept.
const ajv = new Ajv({ allErrors: false, strict: false })
addFormats.default(ajv)

/**
 * Compiles a JSON schema once into a check the feedback store runs on each new record, or on a whole file it reads,
 * against the very schema electron-store is given.
 */
export function compileSchema(schema: Record<string, unknown>): SchemaCheck {
  const validate = ajv.compile(schema)
  return (value) => {
    if (validate(value)) return null
    const words = ajv.errorsText(validate.errors, { dataVar: 'value' })
    // "must NOT have additional properties" alone does not say which; the name is cut short, as it comes from outside.
    const extra = validate.errors?.[0]?.params['additionalProperty'] as unknown
    return typeof extra === 'string' ? `${words} (${JSON.stringify(extra.slice(0, 40))})` : words
  }
}
