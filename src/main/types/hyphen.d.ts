/** The Spanish hyphenator of the `hyphen` package (TeX patterns), which ships no types of its own. */
declare module 'hyphen/es/index.js' {
  /** Options the reading-level service uses. */
  interface HyphenateOptions {
    /** The mark put between the pieces of a word. */
    hyphenChar?: string
    /** Words shorter than this are left whole (the package's default is 5). */
    minWordLength?: number
  }
  /** The Spanish hyphenator; the module is CommonJS, so it arrives as one default export. */
  const hyphenator: { hyphenateSync: (text: string, options?: HyphenateOptions) => string }
  export default hyphenator
}
