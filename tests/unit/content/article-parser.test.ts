import { describe, expect, it } from 'vitest'
import { parseArticle, slugify } from '../../../src/main/content/article-parser'

const front = (extra = '') => `---
id: test-article
title: Test article
language: en
summary: A summary.
owner: Tests
reviewed: 2026-01-10
nextReview: 2027-01-10
source: Tests.${extra}
---
`

const noImages = { resolveImage: (src: string) => ({ problem: `image "${src}" was not found` }) }
const parse = (text: string) => parseArticle(text, { file: 'en/test.md', ...noImages })

describe('article parser', () => {
  it('reads front matter, sections, sub-sections, emphasis and lists into a block tree', () => {
    const { article, problems } = parse(
      `${front()}\n## First part\n\nPlain **strong** and _soft_ words.\n\n### A sub-part\n\n- one\n- two\n\n## Second part\n\n1. a\n2. b\n`
    )
    expect(problems).toEqual([])
    expect(article?.title).toBe('Test article')
    expect(article?.sections.map((section) => section.id)).toEqual(['first-part', 'second-part'])
    expect(article?.sections[0]?.blocks).toEqual([
      {
        type: 'paragraph',
        inlines: [
          { text: 'Plain ' },
          { text: 'strong', strong: true },
          { text: ' and ' },
          { text: 'soft', emphasis: true },
          { text: ' words.' }
        ]
      },
      { type: 'subheading', text: 'A sub-part' },
      { type: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] }
    ])
    expect(article?.sections[1]?.blocks[0]).toMatchObject({ type: 'list', ordered: true })
  })

  it('counts the words of a section including its heading', () => {
    const { article } = parse(`${front()}\n## Two words\n\nThree more here.\n`)
    expect(article?.sections[0]?.wordCount).toBe(5)
  })

  it('keeps a link as its words, since the kiosk never navigates', () => {
    const { article } = parse(`${front()}\n## Part\n\nSee [our page](https://example.org) today.\n`)
    expect(article?.sections[0]?.blocks[0]).toEqual({
      type: 'paragraph',
      inlines: [{ text: 'See ' }, { text: 'our page' }, { text: ' today.' }]
    })
  })

  it('gives two sections with the same heading different ids', () => {
    const { article } = parse(`${front()}\n## Part\n\nA.\n\n## Part\n\nB.\n`)
    expect(article?.sections.map((section) => section.id)).toEqual(['part', 'part-2'])
  })

  it('gives every section a different id however headings repeat, so the screen can key its lists by id', () => {
    const { article, problems } = parse(
      `${front()}\n## Intro\n\nA.\n\n## Intro\n\nB.\n\n## Intro 2\n\nC.\n\n## intro\n\nD.\n\n## Intro-2\n\nE.\n`
    )
    expect(problems).toEqual([])
    const ids = article?.sections.map((section) => section.id) ?? []
    expect(ids).toEqual(['intro', 'intro-2', 'intro-2-2', 'intro-3', 'intro-2-3'])
    expect(new Set(ids).size).toBe(5)
  })

  it('gives the same sections the same ids each time the same file is read, as feedback and engagement name them', () => {
    const text = `${front()}\n## Intro 2\n\nA.\n\n## Intro\n\nB.\n\n## Intro\n\nC.\n`
    const ids = () => parse(text).article?.sections.map((section) => section.id)
    expect(ids()).toEqual(['intro-2', 'intro', 'intro-3'])
    expect(ids()).toEqual(ids())
  })

  it('refuses raw HTML, naming the line', () => {
    const { article, problems } = parse(`${front()}\n## Part\n\n<b>bold</b>\n`)
    expect(article).toBeNull()
    expect(problems).toContainEqual({ file: 'en/test.md', line: 14, message: 'raw HTML is not allowed in articles' })
  })

  it('does not call a section empty when its only block was refused for a reason of its own', () => {
    const { problems } = parse(`${front()}\n## Part\n\n<script>alert(1)</script>\n`)
    expect(problems).toEqual([{ file: 'en/test.md', line: 14, message: 'raw HTML is not allowed in articles' }])
  })

  it('says a problem once, even when the parser meets it twice on a line', () => {
    const { problems } = parse(`${front()}\n## Part\n\nSome <b>bold</b> words.\n`)
    expect(problems).toEqual([{ file: 'en/test.md', line: 14, message: 'raw HTML is not allowed in articles' }])
  })

  it('refuses text before the first section heading', () => {
    const { problems } = parse(`${front()}\nIntro without a heading.\n\n## Part\n\nText.\n`)
    expect(problems[0]).toMatchObject({ line: 12, message: expect.stringContaining('under a section heading') })
  })

  it('refuses a level-one heading, since the title lives in the front matter', () => {
    const { problems } = parse(`${front()}\n## Part\n\n# Big\n\nText.\n`)
    expect(problems[0]?.message).toContain('front matter')
  })

  it('reports a missing front matter block', () => {
    expect(parse('## Part\n\nText.\n').problems[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('front matter')
    })
  })

  it('reports an unknown front matter key on its own line', () => {
    const { problems } = parse(front('\ncolour: blue'))
    expect(problems).toContainEqual({ file: 'en/test.md', line: 10, message: 'unknown front matter key "colour"' })
  })

  it('reports a missing key and an impossible date', () => {
    const text = front().replace('title: Test article\n', '').replace('2026-01-10', '2026-02-30')
    const { problems } = parse(`${text}\n## Part\n\nText.\n`)
    expect(problems).toContainEqual(expect.objectContaining({ message: 'front matter is missing "title"' }))
    expect(problems).toContainEqual({
      file: 'en/test.md',
      line: 6,
      message: '"reviewed" must be a date written YYYY-MM-DD'
    })
  })

  it('refuses a next review date that is not after the review date', () => {
    const { problems } = parse(`${front().replace('2027-01-10', '2025-01-10')}\n## Part\n\nText.\n`)
    expect(problems).toEqual([{ file: 'en/test.md', line: 8, message: '"nextReview" must be after "reviewed"' }])
  })

  it('reports YAML that does not parse, in words, on its line', () => {
    const { problems } = parse(`${front().replace('owner: Tests', '\towner: Tests')}\n## Part\n\nText.\n`)
    expect(problems).toEqual([
      {
        file: 'en/test.md',
        line: 6,
        message:
          'front matter cannot be read on this line: this line starts with a tab; front matter lines start at the ' +
          'left edge (the YAML reader says: Tabs are not allowed as indentation)'
      }
    ])
  })

  it('says which quote mark is not closed, and that a curly one cannot close a straight one', () => {
    const { problems } = parse(`${front().replace('owner: Tests', 'owner: "Nurse educator”')}\n## Part\n\nText.\n`)
    expect(problems).toEqual([
      {
        file: 'en/test.md',
        line: 6,
        message:
          'the quote mark " that starts "owner" is not closed on the same line (a curly quote ” cannot close a ' +
          'straight one "). Write: owner: "Nurse educator"'
      }
    ])
  })

  it('explains a value that starts with a bracket, which YAML reads as a list', () => {
    const { problems } = parse(`${front().replace('title: Test article', 'title: [Draft] Knee pain')}\n## P\n\nText.\n`)
    expect(problems).toEqual([
      {
        file: 'en/test.md',
        line: 3,
        message:
          '"title" starts with "[", which front matter reads as a list. ' +
          'Put the whole value in double quotes: title: "[Draft] Knee pain"'
      }
    ])
  })

  it('leaves a quoted " #" and a note after an id or a date alone', () => {
    const text = front()
      .replace('title: Test article', 'title: "Flu shot #2 this year"')
      .replace('id: test-article', 'id: test-article # unique')
      .replace('reviewed: 2026-01-10', 'reviewed: 2026-01-10 # by the nurse lead')
    const { article, problems } = parse(`${text}\n## Part\n\nText.\n`)
    expect(problems).toEqual([])
    expect(article?.title).toBe('Flu shot #2 this year')
  })

  it('refuses an image whose file cannot be resolved, and one with no description', () => {
    expect(parse(`${front()}\n## Part\n\n![x](gone.png)\n`).problems[0]).toMatchObject({
      line: 14,
      message: 'image "gone.png" was not found'
    })
    const found = parseArticle(`${front()}\n## Part\n\n![](here.png)\n`, {
      file: 'en/test.md',
      resolveImage: () => ({ path: 'en/here.png' })
    })
    expect(found.problems[0]?.message).toContain('needs a description')
  })

  it('turns headings into stable ids without accents or punctuation', () => {
    expect(slugify('Baclofen: An Overview')).toBe('baclofen-an-overview')
    expect(slugify('¿Qué es la ciática?')).toBe('que-es-la-ciatica')
    expect(slugify('!!!')).toBe('section')
  })
})
