import { z } from 'zod'
import { sectionIdPattern } from './article-schema'
import { commentMaxLength, type FeedbackInput, ratings } from './feedback'

// Kept apart from feedback.ts so the renderer, which needs the types and limits, never bundles zod.
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** What the renderer sends with `feedback:submit`; anything else, including extra keys, is refused. */
export const feedbackInputSchema = z.strictObject({
  articleId: z.string().max(100).regex(slug, 'articleId is not an article id'),
  sectionId: z.string().max(160).regex(sectionIdPattern, 'sectionId is not a section id').nullable(),
  rating: z.union(ratings.map((rating) => z.literal(rating))),
  comment: z.string().max(commentMaxLength, `comment is longer than ${commentMaxLength} characters`).nullable(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'language is not a language code')
})

// The schema and the interface must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesInterface: Same<z.infer<typeof feedbackInputSchema>, FeedbackInput> = true
void schemaMatchesInterface
