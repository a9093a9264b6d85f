import { type InterfaceLanguage, interfaceLanguageFor, type Messages, messagesFor } from '.'
import { type StaffMessages, staffEn } from './staff-en'
import { staffEs } from './staff-es'

export type { StaffMessages } from './staff-en'

/** Staff mode's words in every interface language; a language missing here fails the typecheck. */
export const staffCatalogue = { en: staffEn, es: staffEs } satisfies Record<InterfaceLanguage, StaffMessages>

/** Everything staff mode says: the shared words (buttons, errors) and its own. */
export type StaffWords = Messages & StaffMessages

/** Staff mode's words for a language code, falling back as `messagesFor` does. */
export const staffMessagesFor = (code: string): StaffWords => ({
  ...messagesFor(code),
  ...staffCatalogue[interfaceLanguageFor(code)]
})
