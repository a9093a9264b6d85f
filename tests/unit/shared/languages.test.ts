import { describe, expect, it } from 'vitest'
import { feedbackInputSchema } from '../../../src/shared/feedback-schema'
import { interfaceLanguages } from '../../../src/shared/languages'
import { catalogue, interfaceLanguageFor } from '../../../src/renderer/src/lib/i18n'
import { keyboardLayouts } from '../../../src/renderer/src/lib/keyboard-layouts'

const feedback = { articleId: 'hand-washing', sectionId: null, rating: 3, comment: null }

describe('interface languages', () => {
  it('are the languages of the message catalogue and the keyboard layouts, in the order the picker shows', () => {
    expect(Object.keys(catalogue)).toEqual([...interfaceLanguages])
    expect(Object.keys(keyboardLayouts).sort()).toEqual([...interfaceLanguages].sort())
  })

  it('are what feedback may be recorded in, and nothing else', () => {
    for (const language of interfaceLanguages)
      expect(feedbackInputSchema.safeParse({ ...feedback, language }).success).toBe(true)
    for (const language of ['zz', 'fr', 'EN', 'en-GB', 'es-MX', '', 'english'])
      expect(feedbackInputSchema.safeParse({ ...feedback, language }).success, language).toBe(false)
  })

  it('cover every language the renderer can send feedback in', () => {
    for (const code of ['en', 'es', 'es-MX', 'fr', 'zz', ''])
      expect(interfaceLanguages).toContain(interfaceLanguageFor(code))
  })
})
