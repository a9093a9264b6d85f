import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CommentScrubber, type Findings, type Range } from '../../../src/main/feedback/scrub'

interface CorpusComment {
  id: string
  part: 'tuning' | 'held-out' | 'blind' | 'probes'
  language: 'en' | 'es'
  text: string
  /** Exact text that must not survive. */
  identifying: string[]
  /** Text that may go without counting against precision (a town in an address). */
  mayGo?: string[]
}

const corpus = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/scrub/comments.json'), 'utf8')) as {
    comments: CorpusComment[]
  }
).comments

/** Every place a piece of text occurs in a comment. */
function occurrences(text: string, pieces: string[]): Range[] {
  return pieces.flatMap((piece) => {
    const found: Range[] = []
    for (let start = text.indexOf(piece); start >= 0; start = text.indexOf(piece, start + 1)) {
      found.push({ start, end: start + piece.length })
    }
    return found
  })
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end

/** Overlapping or touching ranges as one, since they become one "[removed]". */
function merged(ranges: Range[]): Range[] {
  const result: Range[] = []
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = result.at(-1)
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else result.push({ ...range })
  }
  return result
}

/** A span is caught when every letter and digit of it lies inside something removed. */
function caught(text: string, span: Range, removed: Range[]): boolean {
  for (let index = span.start; index < span.end; index += 1) {
    if (
      /[\p{L}\p{N}]/u.test(text[index] ?? '') &&
      !removed.some((range) => range.start <= index && index < range.end)
    ) {
      return false
    }
  }
  return true
}

interface Tally {
  spans: number
  spansCaught: number
  removals: number
  removalsRight: number
  clean: number
  cleanUntouched: number
}

const emptyTally = (): Tally => ({
  spans: 0,
  spansCaught: 0,
  removals: 0,
  removalsRight: 0,
  clean: 0,
  cleanUntouched: 0
})
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`)

describe('comment scrubbing on the corpus of patient comments', () => {
  const scrubber = new CommentScrubber()
  const findings = new Map<string, Findings>()
  const scrubbed = new Map<string, string>()

  beforeAll(async () => {
    await scrubber.warmUp()
    for (const comment of corpus) {
      findings.set(comment.id, await scrubber.identify(comment.text, { language: comment.language }))
      scrubbed.set(comment.id, await scrubber.scrub(comment.text, { language: comment.language }))
    }
  }, 60_000)

  it('is a corpus of at least 60 comments in English and Spanish, identifying and clean, as written', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60)
    for (const language of ['en', 'es']) {
      expect(
        corpus.filter((comment) => comment.language === language && comment.identifying.length > 0).length
      ).toBeGreaterThan(10)
      expect(
        corpus.filter((comment) => comment.language === language && comment.identifying.length === 0).length
      ).toBeGreaterThan(10)
    }
    for (const comment of corpus) {
      // The corpus is already in the form the scrubber reads (NFC, ASCII digits), so its offsets are the corpus's.
      expect(findings.get(comment.id)?.text).toBe(comment.text)
      expect(findings.get(comment.id)?.tagged).toBe(true)
      for (const piece of [...comment.identifying, ...(comment.mayGo ?? [])]) expect(comment.text).toContain(piece)
    }
  })

  it('removes at least 95% of identifying details and leaves at least 95% of clean comments untouched', () => {
    const tallies = new Map<string, Tally>()
    const misses: string[] = []
    const tally = (key: string) => tallies.get(key) ?? tallies.set(key, emptyTally()).get(key)!
    for (const comment of corpus) {
      const found = findings.get(comment.id) as Findings
      const removed = merged(found.ranges)
      const gold = occurrences(comment.text, comment.identifying)
      const allowed = occurrences(comment.text, comment.mayGo ?? [])
      const groups = [tally('all'), tally(comment.part), tally(comment.language)]
      for (const span of gold) {
        const ok = caught(comment.text, span, removed)
        for (const group of groups) {
          group.spans += 1
          group.spansCaught += ok ? 1 : 0
        }
        if (!ok)
          misses.push(
            `missed  ${comment.id}: "${comment.text.slice(span.start, span.end)}" → ${scrubbed.get(comment.id)}`
          )
      }
      for (const range of removed) {
        const right = gold.some((span) => overlaps(span, range))
        const neutral = !right && allowed.some((span) => overlaps(span, range))
        if (neutral) continue
        for (const group of groups) {
          group.removals += 1
          group.removalsRight += right ? 1 : 0
        }
        if (!right)
          misses.push(
            `removed ${comment.id}: "${comment.text.slice(range.start, range.end)}" → ${scrubbed.get(comment.id)}`
          )
      }
      if (comment.identifying.length === 0) {
        const untouched = scrubbed.get(comment.id) === comment.text
        for (const group of groups) {
          group.clean += 1
          group.cleanUntouched += untouched ? 1 : 0
        }
      }
    }
    const rows = ['all', 'tuning', 'held-out', 'blind', 'probes', 'en', 'es'].map((key) => {
      const t = tally(key)
      return (
        `${key.padEnd(9)} recall ${percent(t.spansCaught, t.spans).padStart(6)} (${t.spansCaught}/${t.spans} details)  ` +
        `precision ${percent(t.removalsRight, t.removals).padStart(6)} (${t.removalsRight}/${t.removals} removals)  ` +
        `clean untouched ${percent(t.cleanUntouched, t.clean).padStart(6)} (${t.cleanUntouched}/${t.clean})`
      )
    })
    console.log(['Comment scrubbing, corpus figures:', ...rows, ...misses].join('\n'))

    const all = tally('all')
    expect(all.spansCaught / all.spans).toBeGreaterThanOrEqual(0.95)
    expect(all.cleanUntouched / all.clean).toBeGreaterThanOrEqual(0.95)
  })
})
