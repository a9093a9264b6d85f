import { z } from 'zod'
import type { Channel } from './contract'
import { engagementIncrementSchema } from './engagement-schema'
import { feedbackInputSchema } from './feedback-schema'
import { either, mustBe, plainWords, refusalOf } from './input-messages'
import { noticeMaxLength } from './notice'
import { rendererErrorLimits } from './renderer-error'

const pinWords = { error: mustBe('4 to 8 digits', 'secret') }
const pin = z.string(pinWords).regex(/^\d{4,8}$/, pinWords)
const unlockWords = { error: mustBe('digits only, at most 8', 'secret') }
const setupCodeWords = { error: mustBe('digits only, at most 12', 'secret') }
/** A PIN as typed to be checked: digits only; a wrong length is simply a wrong PIN (and counts as one). */
const typedPin = z.string(unlockWords).regex(/^\d{1,8}$/, unlockWords)
const destinationWords = { error: mustBe('the id of a destination staff:destinations offered') }
const dateWords = { error: mustBe('a date written YYYY-MM-DD') }
const formats = ['csv', 'json'] as const
const noticeTextWords = { error: mustBe('the notice, written as text') }
const endsAtWords = { error: mustBe('a date and time such as 2026-11-24T18:30:00Z, or null') }
const driveWords = { error: mustBe('the id of a USB drive staff:content-status offered', 'text') }
const scanWords = { error: mustBe('the scanId staff:scan-content answered with (a UUID)') }
const articleIdWords = { error: mustBe('an article id (lower-case words and digits joined by hyphens)') }
const languageWords = { error: mustBe('a language code such as "en" or "es"', 'text') }
const whereWords = {
  error: mustBe(
    `the name of a part of the screen (lower-case words joined by hyphens, at most ${rendererErrorLimits.where})`
  )
}
const errorMessageWords = {
  error: mustBe(`an error message on one line, at most ${rendererErrorLimits.message} characters`)
}

/** What each channel accepts; anything else is refused before a handler runs. */
export const inputSchemas: { [C in Channel]: z.ZodType } = {
  'content:playlist': z.undefined(),
  'kiosk:settings': z.undefined(),
  'feedback:submit': feedbackInputSchema,
  'staff:status': z.undefined(),
  'staff:create-pin': z.strictObject({
    setupCode: z.string(setupCodeWords).regex(/^\d{1,12}$/, setupCodeWords),
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
    destinationId: z.string(destinationWords).regex(/^[a-z0-9-]{1,40}$/, destinationWords),
    format: z.enum(formats, { error: mustBe(either(formats), 'text') }),
    range: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('all') }),
      z.strictObject({ kind: z.literal('unexported') }),
      z.strictObject({ kind: z.literal('dates'), from: z.iso.date(dateWords), to: z.iso.date(dateWords) })
    ]),
    report: z.boolean({ error: mustBe('true or false') }).optional()
  }),
  'staff:clear-exported': z.strictObject({
    exportId: z.uuid({ error: mustBe('the exportId staff:export answered with (a UUID)') })
  }),
  'staff:reload-content': z.undefined(),
  'staff:restart': z.undefined(),
  'staff:quit': z.undefined(),
  'staff:change-pin': z.strictObject({ current: typedPin, pin: pin, confirmation: pin }),
  'kiosk:notice': z.undefined(),
  'staff:set-notice': z.strictObject({
    text: z
      .string(noticeTextWords)
      .trim()
      .min(1, 'is empty: write the notice first')
      .max(noticeMaxLength, `is longer than ${noticeMaxLength} characters`),
    endsAt: z.iso.datetime({ offset: true, ...endsAtWords }).nullable()
  }),
  'staff:clear-notice': z.undefined(),
  'engagement:record': engagementIncrementSchema,
  'content:version': z.undefined(),
  'staff:content-status': z.undefined(),
  'staff:scan-content': z.strictObject({
    driveId: z.string(driveWords).regex(/^drive-\d{1,3}$/, driveWords)
  }),
  'staff:preview-article': z.strictObject({
    scanId: z.uuid(scanWords),
    language: z.string(languageWords).regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, languageWords),
    articleId: z
      .string(articleIdWords)
      .max(100, articleIdWords)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, articleIdWords)
  }),
  'staff:install-content': z.strictObject({ scanId: z.uuid(scanWords) }),
  'staff:undo-content': z.undefined(),
  // Bounded and on one line, so a report cannot fill the log or forge lines of its own.
  'kiosk:log-error': z.strictObject({
    where: z
      .string(whereWords)
      .max(rendererErrorLimits.where, whereWords)
      .regex(/^[a-z]+(?:-[a-z]+)*$/, whereWords),
    message: z
      .string(errorMessageWords)
      .min(1, errorMessageWords)
      .max(rendererErrorLimits.message, errorMessageWords)
      .regex(/^[^\p{Cc}]*$/u, errorMessageWords)
  })
}

/**
 * Checks a channel's input: the input as parsed, or why it was refused, naming every field that is wrong and why
 * ("feedback:submit: rating must be 1, 2 or 3 (got 7)").
 */
export function checkInput(
  channel: Channel,
  payload: unknown
): { ok: true; input: unknown } | { ok: false; message: string } {
  const checked = inputSchemas[channel].safeParse(payload, { error: plainWords })
  return checked.success
    ? { ok: true, input: checked.data }
    : { ok: false, message: refusalOf(channel, checked.error.issues) }
}
