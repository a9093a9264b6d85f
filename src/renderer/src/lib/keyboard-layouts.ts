import type { InterfaceLanguage } from '../../../shared/languages'

/** A simple-keyboard layout: rows of keys, space-separated, with {named} function keys. */
export interface KeyboardLayout {
  default: string[]
  shift: string[]
}

/*
 * Letters, numbers and everyday punctuation only: no "@" or ".com" keys, so the keyboard does not invite an e-mail
 * address, and no tab or enter. One layout per interface language.
 */
export const keyboardLayouts: Record<InterfaceLanguage, KeyboardLayout> = {
  en: {
    default: [
      '1 2 3 4 5 6 7 8 9 0 {bksp}',
      'q w e r t y u i o p',
      "a s d f g h j k l '",
      '{shift} z x c v b n m , . ?',
      '{space} {done}'
    ],
    shift: [
      '! ( ) - : ; " / & % {bksp}',
      'Q W E R T Y U I O P',
      "A S D F G H J K L '",
      '{shift} Z X C V B N M , . ?',
      '{space} {done}'
    ]
  },
  es: {
    default: [
      '1 2 3 4 5 6 7 8 9 0 {bksp}',
      'q w e r t y u i o p',
      'a s d f g h j k l ñ',
      '{shift} z x c v b n m , . ?',
      'á é í ó ú ü ¿ ¡ {space} {done}'
    ],
    shift: [
      '! ( ) - : ; " / & % {bksp}',
      'Q W E R T Y U I O P',
      'A S D F G H J K L Ñ',
      '{shift} Z X C V B N M , . ?',
      'Á É Í Ó Ú Ü ¿ ¡ {space} {done}'
    ]
  }
}

/** The layout for a language, falling back to English for one that has none yet. */
export function layoutFor(language: string): KeyboardLayout {
  return (keyboardLayouts as Record<string, KeyboardLayout>)[language.split('-')[0] ?? ''] ?? keyboardLayouts.en
}
