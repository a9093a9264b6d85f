import type { Root } from 'mdast'
import type { ImportedImage } from './kiosk-markdown'

/** What an importer found in a source: the article in the kiosk's shape and what the front matter can say of it. */
export interface ImportedArticle {
  /** Null when the source does not say; the draft then asks the author for it. */
  title: string | null
  language: string | null
  summary: string | null
  /** Where the text came from, for the `source` field: "the web page https://… (saved as page.html)". */
  origin: string
  body: Root
  images: ImportedImage[]
  /** What was added or left out, in plain sentences, for the `source` field and the author. */
  notes: string[]
  /**
   * The page's own address on the web (https), kept as the draft's `link` so patients can read it at home; null when
   * the source is a web page that named none; absent for sources that are no web page (Word, flat text).
   */
  link?: string | null
  /** Why a web page's own address was not kept, for the draft; absent when it was, or when there was none. */
  linkNote?: string
  /** Dates the source gave for itself ("Page last reviewed: 12 March 2026"), a hint for the review dates. */
  pageDates: string[]
}

/** The first sentences of a text, up to about `limit` characters, for a summary. */
export function firstSentences(text: string, limit = 220): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  const sentences = clean.match(/[^.!?]+[.!?]+["'”’)]*\s*|[^.!?]+$/g) ?? [clean]
  let summary = ''
  for (const sentence of sentences) {
    if (summary && (summary + sentence).trim().length > limit) break
    summary += sentence
  }
  return summary.trim()
}
