import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseArticle } from '../../../src/main/content/article-parser'
import { rawSyntax, spacedPicture } from '../../../src/main/content/raw-syntax'

const front = `---
id: hostile
title: Hostile
language: en
summary: A summary.
owner: Tests
reviewed: 2026-01-10
nextReview: 2027-01-10
source: Tests.
---

## Part

`
const context = { file: 'en/hostile.md', resolveImage: (src: string) => ({ problem: `image "${src}" was not found` }) }

/** Pieces that made the old patterns, micromark or the YAML reader backtrack or recurse. */
const piece = fc.constantFrom(
  '[',
  ']',
  '(',
  ')',
  '![](',
  '![a](',
  '](',
  '|',
  '| --- |',
  '`',
  '```',
  '*',
  '_',
  '**',
  '~~',
  '>',
  '- ',
  '1. ',
  '#',
  '<',
  '&',
  ' ',
  '   ',
  '\t',
  '\n',
  'a',
  'word ',
  ':',
  '"',
  '\u201C'
)

/** A run of one piece, up to `longest` times: long runs are what made the patterns slow. */
const run = (longest: number) =>
  fc.tuple(piece, fc.integer({ min: 1, max: longest })).map(([text, times]) => text.repeat(times))

/**
 * Markdown made of hostile pieces and runs. The kiosk's own scans get runs of thousands; the whole parser gets
 * shorter ones, because micromark and the YAML reader themselves grow faster than the text on such input (`*a` 60,000
 * times takes minutes), which is what the reading worker's time budget is for (content-reader.test.ts).
 */
const hostileMarkdown = (longest = 60, parts = 20) =>
  fc.array(fc.oneof(piece, run(longest)), { maxLength: parts }).map((pieces) => pieces.join(''))

/** Inputs the properties below once found slow, kept as fixed examples. */
const foundSlow = [
  `>| --- |${']'.repeat(60)}![a](![](- (${'![]('.repeat(120)}${']'.repeat(60)}`,
  `---\ndeep: ${'['.repeat(200)}${']'.repeat(200)}\ndeep: ${'['.repeat(300)}${']'.repeat(300)}\n\nsummary: [*t, *t]\n${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n---\n\n## Part\n\nText.\n`
]

/** Front matter lines an author (or an attacker) could write: anchors and aliases, flow collections, deep nesting. */
const hostileFrontMatter = () =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom('id: a', 'title: &t [x, x, x]', 'summary: [*t, *t, *t, *t]', 'owner: "unclosed', 'k: {a: b: c}'),
        fc.integer({ min: 1, max: 100 }).map((depth) => `deep: ${'['.repeat(depth)}${']'.repeat(depth)}`),
        fc.integer({ min: 1, max: 40 }).map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')),
        hostileMarkdown()
      ),
      { maxLength: 8 }
    )
    .map((lines) => `---\n${lines.join('\n')}\n---\n\n## Part\n\nText.\n`)

/** Runs once and says how long it took, in milliseconds. */
function timed(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

describe('hostile markdown', () => {
  // The first parse loads and compiles the parser; the bound is for reading, not for starting up.
  beforeAll(() => {
    for (let round = 0; round < 20; round += 1) parseArticle(`${front}Warm **up** [a](b) | c |\n`, context)
  })

  it('finds leftover syntax in time that grows with the text, not its square or cube', () => {
    // Each of these took seconds under the old patterns (the first grew with the cube of its length).
    const texts = [
      `![](${' '.repeat(20_000)}x`,
      '['.repeat(100_000),
      `${'['.repeat(50_000)}]`,
      `[a](${' '.repeat(50_000)}`,
      `| ${' '.repeat(50_000)}x`,
      `${'\n'.repeat(50_000)}|`,
      `${'|'.repeat(50_000)}\n`.repeat(2)
    ]
    for (const text of texts) {
      expect(timed(() => rawSyntax(text))).toBeLessThan(250)
      expect(timed(() => spacedPicture(text))).toBeLessThan(250)
    }
  })

  it('still finds what would show as written, on the line it is on', () => {
    expect(rawSyntax('one\n![a](b c)\n[see](x y)\n| a | b |')).toEqual([
      { line: 1, message: '![a](b c) would show as written: a picture must stand in a paragraph of its own, written ![a](<b c>)' },
      {
        line: 2,
        message:
          '[see](x y) would show as written, since the address has a space. The kiosk shows a link as its words only: write just "see"'
      },
      {
        line: 3,
        message:
          'this looks like a table, but the | marks would show as text: a table needs a line such as | --- | --- | under its heading row'
      }
    ])
    expect(spacedPicture(' ![my knee](images/my knee.png) ')).toEqual({ alt: 'my knee', src: 'images/my knee.png' })
    expect(spacedPicture('![my knee](images/knee.png)')).toBeNull()
  })

  it('finds leftover syntax in any hostile text with long runs in bounded time', () => {
    fc.assert(
      fc.property(hostileMarkdown(5000, 30), (text) => {
        expect(timed(() => rawSyntax(text))).toBeLessThan(250)
        expect(timed(() => spacedPicture(text))).toBeLessThan(250)
      }),
      { numRuns: 300 }
    )
  })

  it('reads any hostile markdown in bounded time, returning problems and never throwing', () => {
    fc.assert(
      fc.property(hostileMarkdown(), (text) => {
        expect(timed(() => parseArticle(front + text, context))).toBeLessThan(1000)
      }),
      { numRuns: 300 }
    )
  })

  it('reads the inputs once found slow in bounded time', () => {
    for (const text of foundSlow) {
      expect(timed(() => parseArticle(text.startsWith('---') ? text : front + text, context))).toBeLessThan(1000)
    }
  })

  it('reads any hostile front matter in bounded time, refusing what it cannot read', () => {
    fc.assert(
      fc.property(hostileFrontMatter(), (text) => {
        expect(timed(() => parseArticle(text, context))).toBeLessThan(1000)
      }),
      { numRuns: 300 }
    )
  })

  it('refuses an alias bomb in the front matter with a sentence instead of expanding it', () => {
    const levels = [`a: &a\n${Array.from({ length: 9 }, () => '  - x').join('\n')}`]
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode(97 + index)
      levels.push(`${name}: &${name}\n${Array.from({ length: 9 }, () => `  - *${previous}`).join('\n')}`)
    }
    const { article, problems } = parseArticle(`---\n${levels.join('\n')}\n---\n\n## Part\n\nText.\n`, context)
    expect(article).toBeNull()
    expect(problems.some((problem) => problem.message.includes('repeats values with & and *'))).toBe(true)
  })

  it('refuses front matter far longer than an article needs before the YAML reader works through it', () => {
    const { problems } = parseArticle(`---\nid: ${'['.repeat(50_000)}\n---\n\n## Part\n\nText.\n`, context)
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('may have at most 8000') as unknown })
    ])
  })
})
