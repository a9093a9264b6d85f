/**
 * The languages the kiosk's interface is written in, in the order the language picker shows them: the one list the
 * renderer's message catalogue, its keyboard layouts and the feedback schema all follow. Adding one: README, "Adding an
 * interface language".
 */
export const interfaceLanguages = ['en', 'es'] as const

/** A language the interface is written in. */
export type InterfaceLanguage = (typeof interfaceLanguages)[number]
