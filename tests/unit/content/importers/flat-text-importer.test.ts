import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseArticle } from '../../../../src/main/content/article-parser'
import { importArticle } from '../../../../src/main/content/importers/import-article'
import { importFlatText, isHeadingLine } from '../../../../src/main/content/importers/flat-text-importer'
import { isPageFurnitureLine } from '../../../../src/main/content/importers/page-furniture'
import { bodyMarkdown } from '../../../../src/main/content/importers/kiosk-markdown'
import { blockText } from '../../../../src/shared/reading-time'
import { fillIn, parseDraft } from '../../support/drafts'

const seed = resolve(import.meta.dirname, '../../../fixtures/seed-000_b1c4c0d8676fce77.txt')
const bundled = resolve(import.meta.dirname, '../../../../content/en/baclofen-piriformis-syndrome.md')

// Generous: the first import loads the extraction libraries, which takes seconds on a busy two-core machine.
describe('importing the first article from its own flattened source', { timeout: 60_000 }, () => {
  let out: string
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'kiosk-import-seed-'))
  })
  afterEach(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('reproduces the bundled article: the same sections, sub-sections and sentences, word for word', async () => {
    const draft = await importArticle(seed, out, '2026-12-03')
    const imported = (await parseDraft(draft.file, fillIn)).article
    const original = parseArticle(await readFile(bundled, 'utf8'), {
      file: 'baclofen-piriformis-syndrome.md',
      resolveImage: () => ({ problem: 'no pictures' })
    }).article
    expect(imported).not.toBeNull()
    expect(imported?.title).toBe(original?.title)
    expect(imported?.language).toBe('en')
    const shape = (article: typeof original) =>
      article?.sections.map((section) => ({
        id: section.id,
        title: section.title,
        blocks: section.blocks.map((block) => [block.type, blockText(block)])
      }))
    expect(shape(imported)).toEqual(shape(original))
  })

  it('refuses the draft only for the three fields left for the author, each on its own line', async () => {
    const draft = await importArticle(seed, out, '2026-12-03')
    const outcome = await parseDraft(draft.file)
    expect(outcome.article).toBeNull()
    expect(outcome.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [8, '"owner" must not be empty'],
      [9, '"reviewed" must be a date written YYYY-MM-DD'],
      [10, '"nextReview" must be a date written YYYY-MM-DD']
    ])
    expect(draft.problems).toHaveLength(3)
    const text = await readFile(draft.file, 'utf8')
    for (const key of ['owner', 'reviewed', 'nextReview']) expect(text).toMatch(new RegExp(`^${key}: .*# TO FILL IN`, 'm'))
  })

  it('names in the source field the lines it left out and the heading it added, as the bundled article does', async () => {
    const article = importFlatText(await readFile(seed), seed)
    const draft = await importArticle(seed, out, '2026-12-03')
    const source = (await parseDraft(draft.file, fillIn)).article?.source ?? ''
    expect(source).toContain("Left out these lines of the page: '-', '28', 'Write a comment'.")
    expect(source).toContain('The heading "Conclusion" was added')
    expect(source).toContain('seed-000_b1c4c0d8676fce77.txt on 2026-12-03')
    expect(article.summary).toBe(
      'Piriformis syndrome is a neuromuscular disorder that occurs when the piriformis muscle, which is located in the buttocks, compresses or irritates the sciatic nerve.'
    )
    expect(draft.file).toBe(join(out, 'baclofen-for-piriformis-syndrome.md'))
  })
})

describe('the flat-text heuristic', () => {
  it.each([
    ['Understanding Piriformis Syndrome', true],
    ['Can Baclofen Provide Relief for Piriformis Syndrome?', true],
    ['¿Cómo se contagia?', true],
    ['Some common non-pharmacological treatments for piriformis syndrome include:', false],
    ['Rest your ankle.', false],
    ['Is it broken? Go to A&E if you cannot stand.', false],
    ['lower-case fragment without punctuation', false],
    ['A line of many words that runs on without any final punctuation because it was cut off from its paragraph', false]
  ])('reads %j as a heading: %s', (line, heading) => {
    expect(isHeadingLine(line)).toBe(heading)
  })

  it.each([
    ['-', true],
    ['28', true],
    ['Write a comment', true],
    ['Share this article', true],
    ['Compartir', true],
    ['We use cookies to improve your experience on our site.', true],
    ['© 2026 Riverside Community Hospital', true],
    ['Heat and Ice Therapy', false],
    ['Share your worries with your doctor before the operation.', false],
    ['Avoid cookies, cakes and sweets while your blood sugar is high.', false]
  ])('takes %j for page furniture: %s', (line, furniture) => {
    expect(isPageFurnitureLine(line)).toBe(furniture)
  })

  function imported(lines: string[]) {
    return importFlatText(Buffer.from(lines.join('\n')), 'page.txt')
  }

  it('makes lines starting with a bullet a list, and keeps their words', () => {
    const article = imported([
      'Knee Pain After a Fall',
      'What to Do First',
      'Most knee injuries get better with rest and care at home. Here is what helps:',
      '• Rest the knee for two or three days.',
      '• Put ice on it for 20 minutes at a time.',
      'When to Call Us',
      'Call the clinic if you cannot put weight on your leg.'
    ])
    expect(bodyMarkdown(article.body)).toBe(
      [
        '## What to Do First',
        '',
        'Most knee injuries get better with rest and care at home. Here is what helps:',
        '',
        '- Rest the knee for two or three days.',
        '- Put ice on it for 20 minutes at a time.',
        '',
        '## When to Call Us',
        '',
        'Call the clinic if you cannot put weight on your leg.',
        ''
      ].join('\n')
    )
    expect(article.title).toBe('Knee Pain After a Fall')
  })

  it('gives opening text without a heading an "Introduction" section, and says so', () => {
    const article = imported([
      'Flu Vaccine',
      'The flu vaccine is offered every autumn to people at higher risk from flu and to those who care for them.',
      'Who Should Have It',
      'Everyone aged 65 or over, pregnant women, and people with long-term conditions should have it each year.'
    ])
    expect(article.body.children[0]).toMatchObject({ type: 'heading', depth: 2, children: [{ value: 'Introduction' }] })
    expect(article.notes.join(' ')).toContain('"Introduction" was added')
  })

  it('keeps a page date out of the text and offers it as a hint for the review dates', () => {
    const article = imported([
      'Flu Vaccine',
      'Page last reviewed: 12 March 2026',
      'Who Should Have It',
      'Everyone aged 65 or over, pregnant women, and people with long-term conditions should have it each year.'
    ])
    expect(article.pageDates).toEqual(['Page last reviewed: 12 March 2026'])
    expect(bodyMarkdown(article.body)).not.toContain('reviewed')
  })

  it('joins the lines of a paragraph back together when the text was saved wrapped', () => {
    const article = importFlatText(
      Buffer.from(
        [
          'Flu Vaccine',
          '',
          'Who Should Have It',
          '',
          'Everyone aged 65 or over, pregnant women, and people with long-term',
          'conditions should have it each year. It is free for them at the',
          'clinic.',
          '',
          '- Book at the front desk.',
          '- Bring your vaccination card.'
        ].join('\r\n')
      ),
      'flu.txt'
    )
    expect(bodyMarkdown(article.body)).toBe(
      [
        '## Who Should Have It',
        '',
        'Everyone aged 65 or over, pregnant women, and people with long-term conditions should have it each year. It is free for them at the clinic.',
        '',
        '- Book at the front desk.',
        '- Bring your vaccination card.',
        ''
      ].join('\n')
    )
  })

  it('refuses a file with no paragraph of text, and an article file that needs no import', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-import-empty-'))
    try {
      await writeFile(join(folder, 'menu.txt'), 'Home\nContact Us\nOpening Hours\n')
      await expect(importArticle(join(folder, 'menu.txt'), folder, '2026-12-03')).rejects.toThrow(
        'menu.txt has no paragraph of text to import'
      )
      await writeFile(join(folder, 'knee.md'), '## Already Markdown\n\nText.\n')
      await expect(importArticle(join(folder, 'knee.md'), folder, '2026-12-03')).rejects.toThrow(
        'knee.md is already an article file'
      )
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
