import { z } from 'zod'
import { sectionIdPattern } from './article-schema'
import { commentMaxLength, type FeedbackInput, ratings } from './feedback'
import { either, mustBe } from './input-messages'
import { interfaceLanguages } from './languages'

// Kept apart from feedback.ts so the renderer, which needs the types and limits, never bundles zod.
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const articleIdWords = {
  error: mustBe('an article id (lower-case words and digits joined by hyphens, at most 100 characters)')
}
const sectionIdWords = { error: mustBe('a section id (lower-case words and digits joined by hyphens) or null') }
/** The length of a comment that is too long, never its words. */
const commentTooLong: z.core.$ZodErrorMap = (issue) =>
  `must be at most ${commentMaxLength} characters (got ${String(issue.input).length})`

/** What the renderer sends with `feedback:submit`; anything else, including extra keys, is refused. */
export const feedbackInputSchema = z.strictObject({
  articleId: z.string(articleIdWords).max(100, articleIdWords).regex(slug, articleIdWords),
  sectionId: z.string(sectionIdWords).max(160, sectionIdWords).regex(sectionIdPattern, sectionIdWords).nullable(),
  rating: z.union(
    ratings.map((rating) => z.literal(rating)),
    { error: mustBe(either(ratings.map(String)), 'text') }
  ),
  comment: z
    .string({ error: mustBe('text or null') })
    .max(commentMaxLength, { error: commentTooLong })
    .nullable(),
  language: z.enum(interfaceLanguages, { error: mustBe(either(interfaceLanguages), 'text') })
})

// The schema and the interface must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesInterface: Same<z.infer<typeof feedbackInputSchema>, FeedbackInput> = true
void schemaMatchesInterface
