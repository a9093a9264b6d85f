import { z } from 'zod'
import type { Channel } from './contract'
import { feedbackInputSchema } from './feedback-schema'

const pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')
/** A PIN as typed to be checked: digits only; a wrong length is simply a wrong PIN (and counts as one). */
const typedPin = z.string().regex(/^\d{1,8}$/, 'a PIN is digits only')

/** What each channel accepts; anything else is refused before a handler runs. */
export const inputSchemas: { [C in Channel]: z.ZodType } = {
  'content:playlist': z.undefined(),
  'kiosk:settings': z.undefined(),
  'feedback:submit': feedbackInputSchema,
  'staff:status': z.undefined(),
  'staff:create-pin': z.strictObject({
    setupCode: z.string().regex(/^\d{1,12}$/, 'the setup code is digits only'),
    pin: pin,
    confirmation: pin
  }),
  'staff:unlock': z.strictObject({ pin: typedPin }),
  'staff:touch': z.undefined(),
  'staff:end': z.undefined(),
  'staff:summary': z.undefined(),
  'staff:destinations': z.undefined(),
  'staff:pick-folder': z.undefined(),
  'staff:export': z.strictObject({
    destinationId: z.string().regex(/^[a-z0-9-]{1,40}$/),
    format: z.enum(['csv', 'json']),
    range: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('all') }),
      z.strictObject({ kind: z.literal('unexported') }),
      z.strictObject({ kind: z.literal('dates'), from: z.iso.date(), to: z.iso.date() })
    ])
  }),
  'staff:clear-exported': z.strictObject({ exportId: z.uuid() }),
  'staff:reload-content': z.undefined(),
  'staff:restart': z.undefined(),
  'staff:quit': z.undefined(),
  'staff:change-pin': z.strictObject({ current: typedPin, pin: pin, confirmation: pin })
}
