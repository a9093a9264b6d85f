/**
 * How big content may be. Each limit is far above what a patient-education article needs and far below what stalls
 * a clinic PC: a 5 MB section once took 13 s before the screen answered a touch. Refused content says which limit.
 */
export const contentLimits = {
  /** Bytes of one article file: about 40,000 words, many times the longest article a kiosk shows. */
  articleBytes: 256 * 1024,
  /** Characters of an article's front matter: its nine keys need a few hundred; the YAML reader slows past this. */
  frontMatterCharacters: 8000,
  /**
   * Milliseconds the reading worker may spend on one article file. A 256 KB article takes well under a second on a
   * clinic PC; a file past this is refused as "took too long to read" (runs of `*a` or `[` that make micromark slow).
   */
  readMilliseconds: 3000,
  /** Words of one section (one screen): a screen reads well at 40 to 120. */
  sectionWords: 1000,
  /** Article files read from one folder; those past it (in name order) are reported and not read. */
  articles: 300,
  /** Files and folders looked at while walking one content folder (a stick may hold far more than articles). */
  entries: 5000,
  /** Bytes of one picture. */
  imageBytes: 8 * 1024 * 1024,
  /** Pixels on each side of one picture: a phone photo (4032 × 3024) fits. */
  imagePixels: 4096,
  /**
   * Bytes of one set of articles and their pictures copied into the data folder (a stick's, or the last good copy of
   * IT's folder): 300 articles at most, with a few photos each, come to a small part of this. The data folder keeps up
   * to four such copies at once (in use, the one before for Undo, the last good copy, a stick under review).
   */
  packBytes: 256 * 1024 * 1024,
  /**
   * Bytes a copy must leave free on the data folder's disk. A year of feedback is a few megabytes, but Windows stops
   * writing reliably (updates, its page file, our log and feedback files) on a nearly full disk; a fixed amount is
   * one IT can check, and on the smallest kiosk PCs (32 GB) it is under 2 % of the disk.
   */
  freeSpaceReserveBytes: 512 * 1024 * 1024
} as const

/** A size in words: "4.8 MB", "300 KB". */
export function sizeInWords(bytes: number): string {
  const megabytes = bytes / (1024 * 1024)
  if (megabytes < 1) return `${Math.ceil(bytes / 1024)} KB`
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`
}
