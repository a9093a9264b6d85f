import { getContext, setContext } from 'svelte'
import { interfaceLanguageFor, messagesFor, type InterfaceLanguage, type Messages } from '../i18n'

/** The three text sizes a patient can pick; each step is a quarter larger than the one before. */
export const textSizes = ['standard', 'large', 'largest'] as const
export type TextSize = (typeof textSizes)[number]

/** The two colour themes: the calm standard one, and white and yellow on black for low vision. */
export type Contrast = 'standard' | 'high'

/**
 * What one patient changed to read more easily: language, text size and colours. It lasts for their visit; the idle
 * reset brings back the kiosk's defaults, so the next patient does not inherit a stranger's choices.
 */
export class PatientSettings {
  /** The kiosk's language (from the config), which every visit starts in and staff mode uses. */
  defaultLanguage: InterfaceLanguage = $state('en')
  language: InterfaceLanguage = $state('en')
  textSize: TextSize = $state('standard')
  contrast: Contrast = $state('standard')

  /** The interface strings in the patient's language. */
  messages: Messages = $derived(messagesFor(this.language))

  /** Takes the config's language as the default; a code with no interface of its own falls back to English. */
  useKioskLanguage(code: string): void {
    this.defaultLanguage = interfaceLanguageFor(code)
    this.reset()
  }

  /** Back to the kiosk's defaults, for the next patient. */
  reset(): void {
    this.language = this.defaultLanguage
    this.textSize = 'standard'
    this.contrast = 'standard'
  }
}

const key = Symbol('patient-settings')

/** Makes the settings available to every component below the caller (the app root). */
export const providePatientSettings = (settings: PatientSettings): PatientSettings => setContext(key, settings)

/** The settings the app root provided; components read their messages through it. */
export function usePatientSettings(): PatientSettings {
  const settings = getContext<PatientSettings | undefined>(key)
  if (!settings) throw new Error('usePatientSettings needs providePatientSettings in the app root')
  return settings
}
