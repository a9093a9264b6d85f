import { z } from 'zod'
import { linkSchema } from './take-home'

/** Image formats an article may show; anything else could be a script in disguise. */
export const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg'])

/** The shape of a section id, as slugify makes it and feedback:submit accepts it: lower-case words and hyphens. */
export const sectionIdPattern = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{N}]+)*$/u

const text = z.string().trim().min(1, 'must not be empty')
const isoDate = z.iso.date('must be a date written YYYY-MM-DD')

/** The front matter an article must have; unknown keys are refused so a typo never passes silently. */
export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, such as "knee-pain"'),
  title: text,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as "en" or "es"'),
  summary: text,
  owner: text,
  reviewed: isoDate,
  nextReview: isoDate,
  source: text,
  /** Optional: a page on the clinic's own website, shown as a QR code to read the article at home. */
  link: linkSchema.optional()
})

/** Front matter after validation. */
export type FrontMatter = z.infer<typeof frontMatterSchema>
