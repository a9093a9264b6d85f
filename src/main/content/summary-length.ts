import { readFile } from 'node:fs/promises'
import type { Article } from '../../shared/domain'

/**
 * How much of a summary the title card shows: TitleCard.svelte clamps it to 3 lines of at most 30em. Measured in
 * Chromium with Atkinson Hyperlegible at the size attract mode uses, 3 lines hold about 200 characters of ordinary
 * text on a 1920 × 1080 landscape screen and 160 on a 1080 × 1920 portrait one; 150 leaves room for long words.
 */
export const summaryLimits = { lines: 3, characters: 150 } as const

/** The line of the `summary` key in an article file's text (1 when the text has none, which the parser refuses). */
function summaryLine(text: string): number {
  const lines = text.split('\n', 200)
  const index = lines.findIndex((line) => /^summary\s*:/.test(line))
  return index + 1 || 1
}

/**
 * A warning with file and line when an article's summary is longer than the title card shows, or null. The card
 * cuts the rest off with "…", so the author should hear of it; it never stops the article being shown.
 */
export async function summaryWarning(article: Article, path: string): Promise<string | null> {
  const length = article.summary.length
  if (length <= summaryLimits.characters) return null
  // The file was read and accepted moments ago, so it is within the article size limit.
  const line = summaryLine(await readFile(path, 'utf8').catch(() => ''))
  return (
    `${path}:${line}  the summary has ${length} characters; the title card shows ${summaryLimits.lines} lines, ` +
    `about ${summaryLimits.characters} characters, and cuts the rest off with "…": shorten it`
  )
}
