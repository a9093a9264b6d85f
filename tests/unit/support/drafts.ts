import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { parseArticle, type ParseOutcome } from '../../../src/main/content/article-parser'
import { resolveImage } from '../../../src/main/content/content-library'
import type { Article } from '../../../src/shared/domain'
import { blockText } from '../../../src/shared/reading-time'

/** The draft as an author leaves it after filling in the three marked fields and nothing else. */
export function fillIn(draft: string): string {
  return draft
    .replace(/^owner: "" # TO FILL IN.*$/m, 'owner: Patient education lead')
    .replace(/^reviewed: YYYY-MM-DD # TO FILL IN.*$/m, 'reviewed: 2026-11-24')
    .replace(/^nextReview: YYYY-MM-DD # TO FILL IN.*$/m, 'nextReview: 2027-05-24')
}

/** Parses a written draft with the kiosk's own parser, as the kiosk would read it from its folder. */
export async function parseDraft(file: string, edit: (text: string) => string = (text) => text): Promise<ParseOutcome> {
  const text = edit(await readFile(file, 'utf8'))
  const name = basename(file)
  return parseArticle(text, { file: name, resolveImage: (src) => resolveImage(dirname(file), name, src) })
}

/** Every piece of text a patient reads: section headings, sub-headings, paragraphs, list items, picture descriptions. */
export function articleTexts(article: Article): string[] {
  return article.sections.flatMap((section) => [
    section.title,
    ...section.blocks.flatMap((block) =>
      block.type === 'list' ? block.items.map((item) => item.map((inline) => inline.text).join('')) : [blockText(block)]
    )
  ])
}

/** Collapses runs of white space, as the kiosk's reader does when it shows a paragraph. */
export function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
