import { z } from 'zod'
import type { Channel } from './contract'
import { feedbackInputSchema } from './feedback-schema'
import { noticeMaxLength } from './notice'

const pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')

/** What each channel accepts; anything else is refused before a handler runs. */
export const inputSchemas: { [C in Channel]: z.ZodType } = {
  'content:playlist': z.undefined(),
  'kiosk:settings': z.undefined(),
  'feedback:submit': feedbackInputSchema,
  'staff:status': z.undefined(),
  'staff:create-pin': z.strictObject({ pin: pin, confirmation: pin }),
  'staff:unlock': z.strictObject({ pin: z.string().regex(/^\d{1,8}$/, 'a PIN is digits only') }),
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
  'kiosk:notice': z.undefined(),
  'staff:set-notice': z.strictObject({
    text: z
      .string({ error: 'text must be the notice, written as text' })
      .trim()
      .min(1, 'text is empty: write the notice first')
      .max(noticeMaxLength, `text is longer than ${noticeMaxLength} characters`),
    endsAt: z.iso
      .datetime({ offset: true, error: 'endsAt must be a date and time such as 2026-11-24T18:30:00Z, or null' })
      .nullable()
  }),
  'staff:clear-notice': z.undefined()
}
