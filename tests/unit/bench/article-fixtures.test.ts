import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ordinaryArticle, writeOrdinaryArticles } from '../../../bench/article-fixtures'
import { parseArticle } from '../../../src/main/content/article-parser'

const bundledFile = resolve(import.meta.dirname, '../../../content/en/baclofen-piriformis-syndrome.md')
const parse = (text: string, file: string) => parseArticle(text, { file, resolveImage: () => ({ problem: 'none' }) })

describe("the first-paint benchmark's articles of ordinary size", () => {
  it('are valid articles with an id and title of their own and the bundled sections, due for review later', async () => {
    const bundledText = await readFile(bundledFile, 'utf8')
    const bundled = parse(bundledText, 'en/baclofen.md').article
    const today = new Date('2026-12-03T09:00:00Z')
    const outcome = parse(ordinaryArticle(bundledText, 7, today), 'en/ordinary-article-007.md')
    expect(outcome.problems).toEqual([])
    expect(outcome.article?.id).toBe('ordinary-article-007')
    expect(outcome.article?.title).toContain('Article 007')
    expect(outcome.article?.reviewed).toBe('2026-12-03')
    expect(outcome.article?.nextReview).toBe('2027-06-03')
    expect(outcome.article?.sections).toEqual(bundled?.sections)
  })

  it('are written as a content folder of as many files as asked for', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-bench-articles-test-'))
    try {
      await writeOrdinaryArticles(folder, 3)
      expect((await readdir(join(folder, 'en'))).sort()).toEqual([
        'ordinary-article-001.md',
        'ordinary-article-002.md',
        'ordinary-article-003.md'
      ])
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
