import { z } from 'zod'
import { sectionIdPattern } from './article-schema'
import { type EngagementIncrement, maxSectionsPerIncrement, maxViewsPerIncrement } from './engagement'
import { mustBe } from './input-messages'

// Kept apart from engagement.ts so the renderer, which needs the types and the buckets, never bundles zod.
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const articleIdWords = {
  error: mustBe('an article id (lower-case words and digits joined by hyphens, at most 100 characters)')
}
const sectionIdWords = { error: mustBe('a section id (lower-case words and digits joined by hyphens)') }
const once = { error: mustBe('0 or 1') }
const zeroOrOne = z.union([z.literal(0), z.literal(1)], once)
const viewsWords = { error: mustBe(`a whole number from 0 to ${maxViewsPerIncrement}`) }
const views = z.number(viewsWords).int(viewsWords).min(0, viewsWords).max(maxViewsPerIncrement, viewsWords)

const sectionIncrementSchema = z
  .strictObject({
    sectionId: z.string(sectionIdWords).max(160, sectionIdWords).regex(sectionIdPattern, sectionIdWords),
    reached: zeroOrOne,
    shown: views,
    time: z.tuple([views, views, views, views], { error: mustBe('a list of 4 view counts') })
  })
  .refine((section) => section.time.reduce((sum, count) => sum + count, 0) === section.shown, {
    message: 'must count each view once: the 4 time counts must add up to shown',
    path: ['time']
  })
  .refine((section) => section.reached <= section.shown, {
    message: 'must not be 1 unless the section was shown',
    path: ['reached']
  })

/**
 * What the renderer sends with `engagement:record`: one article visit's counts since its last increment, and no
 * time at all. Counts a screen could not have made (a view in two buckets, a section named twice, nothing counted)
 * are refused; main then checks that the article and its sections are on screen.
 */
export const engagementIncrementSchema = z
  .strictObject({
    articleId: z.string(articleIdWords).max(100, articleIdWords).regex(slug, articleIdWords),
    visits: zeroOrOne,
    finished: zeroOrOne,
    feedback: zeroOrOne,
    sections: z
      .array(sectionIncrementSchema, { error: mustBe('a list of sections') })
      .max(maxSectionsPerIncrement, `must name at most ${maxSectionsPerIncrement} sections`)
  })
  .refine(
    (increment) => new Set(increment.sections.map((section) => section.sectionId)).size === increment.sections.length,
    { message: 'must name each section once', path: ['sections'] }
  )
  .refine(
    (increment) =>
      increment.visits + increment.finished + increment.feedback > 0 ||
      increment.sections.some((section) => section.shown > 0),
    { message: 'counts nothing', path: [] }
  )

// The schema and the interface must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesInterface: Same<z.infer<typeof engagementIncrementSchema>, EngagementIncrement> = true
void schemaMatchesInterface
