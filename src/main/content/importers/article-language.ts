import { franc } from 'franc-min'
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js'

/**
 * The kiosk's language code for a page's `lang` attribute: the language alone, because the kiosk matches articles to
 * its `language` setting exactly ("en-GB" and "en-US" are both shown on an "en" kiosk). Null when it is not one.
 */
export function languageFromTag(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase()
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null
}

/** The language the text is written in (two-letter code), or null when the text is too short or the guess unsure. */
export function languageOfText(text: string): string | null {
  // franc needs some text to be sure; an article always has enough, a stub does not.
  if (text.length < 80) return null
  const code = franc(text.slice(0, 4000), { minLength: 80 })
  return code === 'und' ? null : (iso6393To1[code] ?? null)
}
