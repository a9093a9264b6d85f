import { z } from 'zod'
import type { Channel } from './contract'
import { feedbackInputSchema } from './feedback-schema'

/** What each channel accepts; anything else is refused before a handler runs. */
export const inputSchemas: { [C in Channel]: z.ZodType } = {
  'content:playlist': z.undefined(),
  'kiosk:settings': z.undefined(),
  'feedback:submit': feedbackInputSchema
}
