import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkContent, formatContentCheck } from '../../../src/main/content/content-check'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')
const bundled = resolve(import.meta.dirname, '../../../content')
const today = '2026-11-24'

describe('content check', () => {
  let scratch: string
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-content-check-'))
  })
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('passes valid content and reports every article and section with words and grade', async () => {
    const check = await checkContent([join(fixtures, 'playlist')], today)
    expect(check.exitCode).toBe(0)
    const [folder] = check.folders
    expect(folder?.problems).toEqual([])
    expect(folder?.articles.map((article) => [article.file, article.language, article.id, article.review])).toEqual([
      ['en/drinking-water.md', 'en', 'drinking-water', 'current'],
      ['en/hand-washing.md', 'en', 'hand-washing', 'current']
    ])
    expect(folder?.articles[0]?.sections).toEqual([
      expect.objectContaining({ id: 'how-much-to-drink', words: 8, aboveTarget: false }),
      expect.objectContaining({ id: 'signs-you-need-more', words: 5, aboveTarget: false })
    ])
    expect(folder?.articles[0]?.sections[0]?.grade).toEqual(expect.any(Number))
  })

  it('fails on invalid content, duplicate ids included, and names each file and line', async () => {
    const check = await checkContent([join(fixtures, 'broken')], today)
    expect(check.exitCode).toBe(1)
    const text = formatContentCheck(check)
    expect(text).toContain(`${join(fixtures, 'broken', 'raw-html.md')}:14  raw HTML is not allowed in articles`)
    expect(text).toContain(
      `${join(fixtures, 'broken', 'hand-washing.md')}:2  id "hand-washing" (en) is also used by duplicate-id.md`
    )
    expect(text).toContain(
      `${join(fixtures, 'broken', 'duplicate-id.md')}:2  id "hand-washing" (en) is also used by hand-washing.md`
    )
    expect(text).toMatch(/9 problems: the kiosk does not show an article with a problem/)
  })

  it('fails on a folder that cannot be read or holds no article', async () => {
    const missing = await checkContent([join(scratch, 'not-there')], today)
    expect(missing.exitCode).toBe(1)
    expect(missing.folders[0]?.problems[0]?.message).toMatch(/^cannot be read: ENOENT/)
    const empty = await checkContent([scratch], today)
    expect(empty.exitCode).toBe(1)
    expect(empty.folders[0]?.problems).toEqual([
      { file: scratch, line: 0, message: 'no articles found (*.md files with front matter)' }
    ])
  })

  it('flags hard sections and overdue reviews without failing', async () => {
    const check = await checkContent([bundled, join(fixtures, 'translated')], today)
    expect(check.exitCode).toBe(0)
    const hard = check.folders[0]?.articles[0]?.sections.filter((section) => section.aboveTarget) ?? []
    expect(hard.length).toBeGreaterThan(0)
    expect(hard.every((section) => (section.grade ?? 0) > 8)).toBe(true)
    const flu = check.folders[1]?.articles.find((article) => article.id === 'flu-vaccine')
    expect(flu?.review).toBe('overdue')
    const text = formatContentCheck(check)
    expect(text).toContain('<< ABOVE GRADE 8')
    expect(text).toContain('review: OVERDUE (was due 2024-01-01)')
    expect(text).toContain(`${hard.length} sections above grade 8`)
    // The bundled sample says honestly that no clinic has reviewed it: its review is due the day after its check.
    expect(check.folders[0]?.articles[0]?.review).toBe('due-soon')
    expect(text).toContain('Reviews: 1 overdue, 1 due soon')
    expect(text).toContain('No problems')
  })

  it('warns, without failing, when a translation has a different number of sections', async () => {
    await cp(join(fixtures, 'translated'), scratch, { recursive: true })
    const spanish = join(scratch, 'es/hand-washing.md')
    const text = await readFile(spanish, 'utf8')
    await writeFile(spanish, text.slice(0, text.indexOf('## Cuándo')))
    const check = await checkContent([scratch], today)
    expect(check.exitCode).toBe(0)
    expect(check.folders[0]?.warnings).toEqual([
      '"hand-washing": the language versions have different numbers of sections (en/hand-washing.md has 3, ' +
        'es/hand-washing.md has 2)'
    ])
    expect((await checkContent([join(fixtures, 'translated')], today)).folders[0]?.warnings).toEqual([])
  })
})
