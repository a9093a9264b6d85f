import type { Article, Playlist } from '../../../../shared/domain'
import { type InterfaceLanguage, interfaceLanguages } from '../../../../shared/languages'
import { en, type Messages } from './en'
import { es } from './es'

export type { Messages } from './en'
export { type InterfaceLanguage, interfaceLanguages }

/**
 * The messages of every language the interface is written in (src/shared/languages.ts lists them): a language
 * missing here, or one here that is not in the list, fails the typecheck. Add a file and a line here for a new one.
 */
export const catalogue = { en, es } satisfies Record<InterfaceLanguage, Messages>

/** The primary subtag of a language code: "es-MX" → "es". */
export const primaryLanguage = (code: string): string => code.split('-')[0]?.toLowerCase() ?? code

/** The interface language for a language code: itself, its primary language ("es-MX" → "es"), or English. */
export function interfaceLanguageFor(code: string): InterfaceLanguage {
  const primary = primaryLanguage(code)
  return (interfaceLanguages as readonly string[]).includes(primary) ? (primary as InterfaceLanguage) : 'en'
}

/** The messages for a language code, falling back as `interfaceLanguageFor` does. */
export const messagesFor = (code: string): Messages => catalogue[interfaceLanguageFor(code)]

/**
 * The articles a patient reading in `language` sees, in playlist order: each topic's translation into that language
 * when there is one, otherwise the article in the kiosk's own language (the reader then shows a note).
 */
export function articlesIn(playlist: Playlist, language: string): Article[] {
  const wanted = primaryLanguage(language)
  return playlist.articles.map(
    (article) =>
      (primaryLanguage(article.language) === wanted
        ? article
        : playlist.translations.find(
            (translation) => translation.id === article.id && primaryLanguage(translation.language) === wanted
          )) ?? article
  )
}

/** True when an article is shown to a patient who chose another language, because it has no translation. */
export const isUntranslated = (article: Article, language: string): boolean =>
  primaryLanguage(article.language) !== primaryLanguage(language)
