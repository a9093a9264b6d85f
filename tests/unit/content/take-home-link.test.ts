import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '../../../src/main/content/article-parser'
import { checkContent, formatContentCheck } from '../../../src/main/content/content-check'
import { loadContentFolder } from '../../../src/main/content/content-library'
import { linkCodeOf } from '../../../src/main/content/link-code'
import { shownLink } from '../../../src/shared/shown-link'
import { linkCodeSchema, linkMaxLength, linkProblem } from '../../../src/shared/take-home'

const article = (link: string) => `---
id: knee-pain
title: Knee pain
language: en
summary: A summary.
owner: Tests
reviewed: 2026-01-10
nextReview: 2027-01-10
source: Tests.
link: ${link}
---

## Part

Words.
`

const noImages = { resolveImage: (src: string) => ({ problem: `image "${src}" was not found` }) }
const parse = (text: string) => parseArticle(text, { file: 'en/knee-pain.md', ...noImages })
/** The one problem of an article whose `link` (on line 10) is `link`. */
const problemsOf = (link: string) => parse(article(link)).problems

describe('an article link (take home)', () => {
  it('is kept as written when it is an https address on a website', () => {
    const { article: parsed, problems } = parse(article('https://clinic.example.org/knee-pain?lang=en#care'))
    expect(problems).toEqual([])
    expect(parsed?.link).toBe('https://clinic.example.org/knee-pain?lang=en#care')
  })

  it('is optional: an article without one has no link and no code', async () => {
    const { article: parsed, problems } = parse(article('x').replace('link: x\n', ''))
    expect(problems).toEqual([])
    expect(parsed).not.toHaveProperty('link')
  })

  it.each([
    ['http://clinic.example.org/knee', 'must start with https:// (a "http:" address is not shown to patients)'],
    ['javascript:alert(1)', 'must start with https:// (a "javascript:" address is not shown to patients)'],
    ['file:///C:/leaflets/knee.html', 'must start with https:// (a "file:" address is not shown to patients)'],
    ['clinic.example.org/knee', 'must be a whole web address starting with https://'],
    ['https://nurse:secret@clinic.example.org/knee', 'must not hold a user name or password'],
    ['https://nurse@clinic.example.org/knee', 'must not hold a user name or password'],
    ['https://localhost/knee', 'must name a website such as clinic.example.org (not "localhost")'],
    ['https://192.168.1.10/knee', 'must name a website such as clinic.example.org (not "192.168.1.10")'],
    ['https://clínica.example.org/rodilla', 'must be one web address without spaces or accented letters'],
    ['https://', 'is not a web address that can be read']
  ])('refuses %s, naming the field and its line', (link, message) => {
    expect(problemsOf(link)).toEqual([
      { file: 'en/knee-pain.md', line: 10, message: expect.stringContaining(`"link" ${message}`) }
    ])
  })

  it('refuses an address with a space in it (YAML would keep the whole line)', () => {
    expect(problemsOf('https://clinic.example.org/knee pain')[0]?.message).toContain('without spaces')
  })

  it(`refuses an address longer than ${linkMaxLength} characters, saying how long it is`, () => {
    const long = `https://clinic.example.org/${'a'.repeat(linkMaxLength)}`
    expect(problemsOf(long)).toEqual([
      {
        file: 'en/knee-pain.md',
        line: 10,
        message: `"link" is ${long.length} characters long; a link may have at most ${linkMaxLength}: use the page's short address`
      }
    ])
  })

  it('refuses an empty link or one that is not text', () => {
    expect(problemsOf('""')[0]?.message).toContain('"link" must be one web address')
    expect(problemsOf('12')[0]?.message).toBe('"link" must be a web address starting with https://')
    expect(problemsOf('[https://a.example.org]')[0]?.line).toBe(10)
  })

  it('answers any text quickly and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const started = performance.now()
        const problem = linkProblem(text)
        expect(performance.now() - started).toBeLessThan(250)
        if (problem === null) expect(text.startsWith('https://')).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })

  it('is shown to patients short: without https://, www. or a trailing slash', () => {
    expect(shownLink('https://www.clinic.example.org/knee/')).toBe('clinic.example.org/knee')
    expect(shownLink('https://clinic.example.org/knee?x=1')).toBe('clinic.example.org/knee?x=1')
  })
})

describe('the take-home QR code', () => {
  it('is drawn by main as a size and a path with a 4-module quiet zone', async () => {
    const code = await linkCodeOf('https://clinic.example.org/knee-pain')
    expect(linkCodeSchema.safeParse(code).success).toBe(true)
    if ('problem' in code) throw new Error(code.problem)
    // Version 3 is 29 modules wide; 4 modules of white on each side.
    expect(code.size).toBe(37)
    expect(code.path.startsWith('M4 4.5h7')).toBe(true)
  })

  it('holds the longest link allowed', async () => {
    const code = await linkCodeOf(`https://clinic.example.org/${'a'.repeat(linkMaxLength - 27)}`)
    expect('problem' in code).toBe(false)
  })

  it('refuses markup or other drawing commands in place of the path', () => {
    for (const path of ['M4 4.5h7"/><script>', 'M4 4.5h7 L0 0', 'M4 4.5h7m1 0h1z', '']) {
      expect(linkCodeSchema.safeParse({ size: 37, path }).success).toBe(false)
    }
    expect(linkCodeSchema.safeParse({ size: 37, path: 'M4 4.5h7', extra: 1 }).success).toBe(false)
  })

  it('comes with the article when the content folder is loaded, and only with a link', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-take-home-'))
    try {
      await mkdir(join(folder, 'en'))
      await writeFile(join(folder, 'en', 'knee-pain.md'), article('https://clinic.example.org/knee-pain'))
      await writeFile(join(folder, 'en', 'plain.md'), article('x').replace('link: x\n', '').replace('knee-pain', 'plain'))
      const content = await loadContentFolder(folder)
      expect(content.problems).toEqual([])
      const [linked, plain] = content.articles
      expect(linked?.linkCode?.size).toBe(37)
      expect(plain?.linkCode).toBeUndefined()
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('content check names the file and line of a bad link', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-take-home-'))
    try {
      await mkdir(join(folder, 'en'))
      await writeFile(join(folder, 'en', 'knee-pain.md'), article('http://clinic.example.org/knee-pain'))
      const check = await checkContent([folder], '2026-11-24')
      expect(check.exitCode).toBe(1)
      expect(formatContentCheck(check)).toContain(
        `${join(folder, 'en', 'knee-pain.md')}:10  "link" must start with https://`
      )
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
