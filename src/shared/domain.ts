import type { ClinicHours } from './display-schedule'
import type { LinkCode } from './take-home'

/** A run of text with its emphasis; content never carries raw HTML. */
export interface Inline {
  text: string
  strong?: boolean
  emphasis?: boolean
}

/** One block of a section, rendered by a component of its own. */
export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'subheading'; text: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'image'; src: string; alt: string }
  /** A small table (a few columns, short cells) that fits a kiosk screen; `header` names the columns. */
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] }

/** One screen of an article. */
export interface Section {
  /** Unique within its article; stable while the heading does not change. */
  id: string
  title: string
  blocks: Block[]
  wordCount: number
}

/** Who wrote and reviewed an article and where it came from, as the front matter states it. */
export interface ArticleMeta {
  id: string
  title: string
  language: string
  summary: string
  owner: string
  reviewed: string
  nextReview: string
  source: string
  /** A page on the clinic's own website (https) where the patient can read this at home; the kiosk never opens it. */
  link?: string
}

/** A parsed, validated article. */
export interface Article extends ArticleMeta {
  sections: Section[]
  /** Path of the file, relative to the content folder, for error messages and images. */
  file: string
  /** `link` as a QR code, made by main when the article is loaded; absent without a link. */
  linkCode?: LinkCode
}

/** A problem in a content file, with where it is, so an author can fix it. */
export interface ContentProblem {
  file: string
  line: number
  message: string
}

/**
 * What the reader needs to show: the articles in the kiosk's language in playlist order, their translations, and the
 * version of the content they came from. A patient who picks another language reads the translation with the same id
 * when there is one, and the article in the kiosk's language (with a note) when there is not.
 */
export interface Playlist {
  articles: Article[]
  /** Articles in other languages whose id matches one of `articles`; at most one per id and language. */
  translations: Article[]
  contentVersion: string
}

/** The settings the renderer needs for reading and attract mode; the rest of the config stays in main. */
export interface ReaderSettings {
  idleSeconds: number
  stillReadingSeconds: number
  attractWordsPerMinute: number
  minSectionSeconds: number
  maxSectionSeconds: number
  /** How long the thank-you screen stays before the reader comes back. */
  thankYouSeconds: number
  /** The language of the interface and of the on-screen keyboard. */
  language: string
  /** Staff mode closes after this long without a touch. */
  staffSessionSeconds: number
  /** Outside these hours the screen goes dark (null: always on). */
  clinicHours: ClinicHours | null
}
