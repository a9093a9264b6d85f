import type { Article, ReaderSettings, Section } from '../../../src/shared/domain'

/** A section with a given number of words, for reading-time tests. */
export function section(id: string, wordCount = 10): Section {
  return { id, title: id, blocks: [{ type: 'paragraph', inlines: [{ text: id }] }], wordCount }
}

/** An article whose sections are named after their ids. */
export function article(id: string, sections: Section[]): Article {
  return {
    id,
    title: id,
    language: 'en',
    summary: '',
    owner: '',
    reviewed: '2026-01-01',
    nextReview: '2027-01-01',
    source: '',
    file: `${id}.md`,
    sections
  }
}

/** The config's defaults as the reader takes them: 100 words a minute, sections up for 8 to 40 s. */
export const readerSettings: ReaderSettings = {
  idleSeconds: 60,
  stillReadingSeconds: 10,
  attractWordsPerMinute: 100,
  minSectionSeconds: 8,
  maxSectionSeconds: 40,
  thankYouSeconds: 6,
  language: 'en',
  staffSessionSeconds: 120,
  clinicHours: null
}
