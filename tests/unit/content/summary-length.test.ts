import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkContent, formatContentCheck } from '../../../src/main/content/content-check'
import { summaryLimits } from '../../../src/main/content/summary-length'

/** An article whose summary (on line 6, after a comment line) is `summary`. */
function article(id: string, summary: string): string {
  return [
    '---',
    `id: ${id}`,
    'title: "Drinking Enough Water"',
    'language: en',
    '# The summary is on the title card.',
    `summary: "${summary}"`,
    'owner: "Test fixtures"',
    'reviewed: 2026-01-10',
    'nextReview: 2027-01-10',
    'source: "Written for the tests."',
    '---',
    '',
    '## How much to drink',
    '',
    'Most adults need about eight cups a day.',
    ''
  ].join('\n')
}

/** Ordinary words up to exactly `length` characters. */
function summaryOf(length: number): string {
  const text = 'Most adults need about eight cups of water a day, more when it is hot or when they are unwell. '.repeat(5)
  return text.slice(0, length).trimEnd().padEnd(length, '.')
}

describe('a summary longer than the title card shows', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-summary-'))
    await mkdir(join(folder, 'en'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('is a warning naming the file and the line of the summary, and the article is still shown', async () => {
    const length = summaryLimits.characters + 1
    await writeFile(join(folder, 'en', 'long.md'), article('long', summaryOf(length)))
    const check = await checkContent([folder], '2026-11-24')
    expect(check.exitCode).toBe(0)
    expect(check.folders[0]?.articles).toHaveLength(1)
    expect(check.folders[0]?.warnings).toEqual([
      `${join(folder, 'en', 'long.md')}:6  the summary has ${length} characters; the title card shows ` +
        `${summaryLimits.lines} lines, about ${summaryLimits.characters} characters, and cuts the rest off with "…": ` +
        'shorten it'
    ])
    expect(formatContentCheck(check)).toContain(`${join(folder, 'en', 'long.md')}:6  the summary has ${length}`)
  })

  it('passes without a word when the summary fits', async () => {
    await writeFile(join(folder, 'en', 'short.md'), article('short', summaryOf(summaryLimits.characters)))
    const check = await checkContent([folder], '2026-11-24')
    expect(check.folders[0]?.warnings).toEqual([])
  })
})
