import { catalogue, type InterfaceLanguage, interfaceLanguageFor, type Messages } from '.'
import { type StaffMessages, staffEn } from './staff-en'
import { staffEs } from './staff-es'

export type { StaffMessages } from './staff-en'

/** Staff mode's words in every interface language; a language missing here fails the typecheck. */
export const staffCatalogue = { en: staffEn, es: staffEs } satisfies Record<InterfaceLanguage, StaffMessages>

/** Everything staff mode says: the shared words (buttons, errors) and its own. */
export type StaffWords = Messages & StaffMessages

/** Each language's shared and staff words together, joined once when staff mode loads. */
const staffWords = {
  en: { ...catalogue.en, ...staffCatalogue.en },
  es: { ...catalogue.es, ...staffCatalogue.es }
} satisfies Record<InterfaceLanguage, StaffWords>

/** Staff mode's words for a language code, falling back as `messagesFor` does. */
export const staffMessagesFor = (code: string): StaffWords => staffWords[interfaceLanguageFor(code)]
