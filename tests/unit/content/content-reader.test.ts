import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkContent, formatContentCheck } from '../../../src/main/content/content-check'
import { loadContentFolder } from '../../../src/main/content/content-library'
import { ContentReader } from '../../../src/main/content/content-reader'
import { measuredReadingLevels, readingLevel, sectionText } from '../../../src/main/content/reading-level'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')

const front = (id: string) => `---
id: ${id}
title: Slow
language: en
summary: A summary.
owner: Tests
reviewed: 2026-01-10
nextReview: 2027-01-10
source: Tests.
---

## Part

`

/** An article micromark takes minutes over (its emphasis matching grows faster than the text): 60 KB of `*a`. */
const slowArticle = `${front('slow')}${'*a'.repeat(30_000)}\n`

/** The longest gap between ticks of a 10 ms timer while `work` runs: how long the main thread was unable to answer. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 10)
  try {
    await work()
  } finally {
    clearInterval(ticker)
  }
  return longest
}

describe('content reader', () => {
  let scratch: string
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-reader-'))
    await cp(join(fixtures, 'playlist'), scratch, { recursive: true })
  })
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('refuses a file that takes too long to read, naming it, and still loads the others', async () => {
    await writeFile(join(scratch, 'en', 'b-slow.md'), slowArticle)
    const reader = new ContentReader()
    try {
      const folder = await loadContentFolder(scratch, { reader, budget: 1000 })
      expect(folder.articles.map((article) => article.id)).toEqual(['drinking-water', 'hand-washing'])
      expect(folder.problems).toEqual([
        { file: 'en/b-slow.md', line: 0, message: expect.stringContaining('took too long to read (more than 1 s)') as unknown }
      ])
    } finally {
      await reader.close()
    }
  })

  it('keeps the main thread answering while a slow file is read', async () => {
    await writeFile(join(scratch, 'en', 'b-slow.md'), slowArticle)
    await writeFile(join(scratch, 'en', 'c-slow.md'), slowArticle)
    const reader = new ContentReader()
    try {
      // Read once so the worker's start-up (loading the parser) is not counted.
      await loadContentFolder(join(fixtures, 'playlist'), { reader })
      const stall = await longestStall(() => loadContentFolder(scratch, { reader, budget: 1500 }))
      // In the main thread each slow file would have stalled it for minutes.
      expect(stall).toBeLessThan(750)
    } finally {
      await reader.close()
    }
  })

  it('names the slow file in the content check, as --check-content and npm run content:check print it', async () => {
    await writeFile(join(scratch, 'en', 'b-slow.md'), slowArticle)
    const check = await checkContent([scratch], '2026-12-01', { budget: 1000 })
    expect(check.exitCode).toBe(1)
    expect(formatContentCheck(check)).toContain(`${join(scratch, 'en', 'b-slow.md')}  took too long to read`)
    expect(check.folders[0]?.articles.map((article) => article.id)).toEqual(['drinking-water', 'hand-washing'])
  })

  // A section of 60,000 "[" takes a fifth of a second to grade: the worker grades it, so the check need not on the
  // main thread.
  it("measures each section's reading level in the worker, as the main thread would have", async () => {
    const reader = new ContentReader()
    try {
      const folder = await loadContentFolder(scratch, { reader })
      for (const article of folder.articles) {
        const expected = article.sections.map((section) => readingLevel(sectionText(section), article.language))
        expect(measuredReadingLevels(article)).toEqual(expected)
      }
    } finally {
      await reader.close()
    }
  })

  it('reads the same files the same way where no worker can start', async () => {
    const reader = new ContentReader(() => null)
    const folder = await loadContentFolder(scratch, { reader })
    expect(folder.problems).toEqual([])
    expect(folder.articles.map((article) => article.id)).toEqual(['drinking-water', 'hand-washing'])
  })
})
