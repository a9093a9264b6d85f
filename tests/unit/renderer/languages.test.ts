import { describe, expect, it } from 'vitest'
import type { Article, Playlist } from '../../../src/shared/domain'
import { articlesIn, interfaceLanguageFor, isUntranslated, messagesFor } from '../../../src/renderer/src/lib/i18n'
import { PatientSettings } from '../../../src/renderer/src/lib/state/patient-settings.svelte'
import { staffMessagesFor } from '../../../src/renderer/src/lib/i18n/staff'
import { Reader } from '../../../src/renderer/src/lib/state/reader.svelte'
import { article, section } from './fixtures'

const inLanguage = (base: Article, language: string, sections = base.sections): Article => ({
  ...base,
  language,
  title: `${base.title} (${language})`,
  sections
})

const washing = article('hand-washing', [section('wet'), section('soap'), section('dry')])
const flu = article('flu-vaccine', [section('who'), section('when')])
const playlist: Playlist = {
  articles: [washing, flu],
  translations: [inLanguage(washing, 'es'), inLanguage(flu, 'fr')],
  contentVersion: 'test'
}

describe('interface language', () => {
  it('is the code itself, its primary language, or English when the kiosk has no words for it', () => {
    expect(interfaceLanguageFor('es')).toBe('es')
    expect(interfaceLanguageFor('es-MX')).toBe('es')
    expect(interfaceLanguageFor('fr')).toBe('en')
    expect(messagesFor('es-419').next).toBe(messagesFor('es').next)
    expect(messagesFor('de').next).toBe('Next')
  })
})

describe('articles in a language', () => {
  it('are the translations where they exist and the kiosk-language article where not, in playlist order', () => {
    const shown = articlesIn(playlist, 'es')
    expect(shown.map((shownArticle) => `${shownArticle.id}/${shownArticle.language}`)).toEqual([
      'hand-washing/es',
      'flu-vaccine/en'
    ])
    expect(shown.map((shownArticle) => isUntranslated(shownArticle, 'es'))).toEqual([false, true])
  })

  it('are the playlist itself in the kiosk language, with nothing marked untranslated', () => {
    const shown = articlesIn(playlist, 'en')
    expect(shown).toEqual(playlist.articles)
    expect(shown.some((shownArticle) => isUntranslated(shownArticle, 'en'))).toBe(false)
  })

  it('match a regional translation to the patient language by primary language', () => {
    const regional: Playlist = { ...playlist, translations: [inLanguage(washing, 'es-MX')] }
    expect(articlesIn(regional, 'es')[0]?.language).toBe('es-MX')
    expect(isUntranslated(inLanguage(washing, 'es-MX'), 'es')).toBe(false)
  })
})

describe('a language change in the reader', () => {
  it('keeps the patient on the same topic and part', () => {
    const reader = new Reader(articlesIn(playlist, 'en'))
    reader.next()
    reader.replaceArticles(articlesIn(playlist, 'es'))
    expect(reader.article.language).toBe('es')
    expect(reader.section.id).toBe('soap')
  })

  it('goes to the last part when the translation has fewer parts than the patient had reached', () => {
    const short: Playlist = { ...playlist, translations: [inLanguage(washing, 'es', [section('todo')])] }
    const reader = new Reader(articlesIn(short, 'en'))
    reader.goToSection(2)
    reader.replaceArticles(articlesIn(short, 'es'))
    expect(reader.section.id).toBe('todo')
  })

  it('refuses a list that is not the same topics', () => {
    const reader = new Reader(articlesIn(playlist, 'en'))
    expect(() => reader.replaceArticles([washing])).toThrow(/keep its topics/)
  })
})

describe('patient settings', () => {
  it('start in the kiosk language and go back to every default on reset', () => {
    const settings = new PatientSettings()
    settings.useKioskLanguage('en')
    settings.language = 'es'
    settings.textSize = 'largest'
    settings.contrast = 'high'
    expect(settings.messages.next).toBe('Siguiente')
    settings.reset()
    expect([settings.language, settings.textSize, settings.contrast]).toEqual(['en', 'standard', 'standard'])
    expect(settings.messages.next).toBe('Next')
  })

  it('leave staff mode in the clinic language whatever the patient picked', () => {
    const settings = new PatientSettings()
    settings.useKioskLanguage('es-ES')
    expect(settings.language).toBe('es')
    settings.language = 'en'
    expect(staffMessagesFor(settings.defaultLanguage).staff.title).toBe('Modo del personal')
  })
})
