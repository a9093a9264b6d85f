import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CommentScrubber, commentScrubber, removedMarker, scrubComment } from '../../../src/main/feedback/scrub'
import { loadTaggers, type Taggers } from '../../../src/main/feedback/scrub-taggers'

const R = removedMarker

// The language library takes a second or two to load (more on a busy machine): once, before the first test.
beforeAll(() => commentScrubber.warmUp(), 60_000)

describe('comment scrubbing', () => {
  it.each([
    ['e-mail', 'Email me at jane.doe+clinic@example.co.uk please', `Email me at ${R} please`],
    ['spelled-out e-mail', 'write to jane at example dot com', `write to ${R}`],
    ['Spanish e-mail', 'Mi correo es maría.lópez@correo.es gracias', `Mi correo es ${R} gracias`],
    ['UK phone', 'Call me on 07700 900123 any time', `Call me on ${R} any time`],
    ['international phone', 'Mi número es +34 612 34 56 78', `Mi número es ${R}`],
    ['US phone with brackets', 'ring (555) 123-4567 thanks', `ring ${R} thanks`],
    ['French phone', 'Appelez-moi au 06 12 34 56 78', `Appelez-moi au ${R}`],
    ['birth date with slashes', 'Born 12/03/1980, the text was fine', `Born ${R}, the text was fine`],
    ['ISO date', 'DOB 1980-03-12', `DOB ${R}`],
    ['English date in words', 'my birthday is 3rd March 1975', `my birthday is ${R}`],
    ['Spanish date in words', 'nací el 3 de marzo de 1975', `nací el ${R}`],
    ['US date in words', 'born March 3, 1975 in Ohio', `born ${R} in Ohio`],
    ['record number', 'My NHS number is 4857773456', `My NHS number is ${R}`],
    ['insurance number with letters', 'policy AB1234567', `policy ${R}`],
    ['e-mail with a spelled "at"', 'maria at gmail.com please', `${R} please`],
    ['e-mail with "(at)"', 'maria(at)gmail.com', R],
    ['e-mail with spaces around @', 'maria @ gmail.com', R],
    ['Spanish spelled e-mail', 'juan arroba gmail punto com gracias', `${R} gracias`],
    ['fully spelled e-mail', 'john dot smith at gmail dot com', R],
    ['phone with en dashes', 'call 0612–345–678', `call ${R}`],
    ['phone in Arabic-Indic digits', 'رقمي ٠٧٧٠٠٩٠٠١٢٣', `رقمي ${R}`]
  ])('removes a %s', async (_kind, input, expected) => {
    expect(await scrubComment(input)).toBe(expected)
  })

  it.each([
    'The pictures were too small for me.',
    'Me ayudó mucho, gracias. 10 de 10.',
    'I take it 2 or 3 times a day, 20 mg.',
    'Section 5 was the most useful.',
    'Très utile ! Merci.',
    'exercises 1 and 2 may help',
    'I waited from 9.30-10.45 today',
    'I walk 2.5-3 km a day',
    'back pain from 2015-2020',
    'take 0.5-1.5 mg as told',
    'In March it was worse',
    'We met at the clinic at noon',
    'Family 👨‍👩‍👧 liked it',
    'می‌خواهم'
  ])('keeps ordinary feedback as it is: %s', async (comment) => {
    expect(await scrubComment(comment)).toBe(comment)
  })

  it('strips control and invisible characters, and trims', async () => {
    expect(await scrubComment('  \u0007Good\u0000 page\u200B\u202E! \n')).toBe('Good page !')
  })

  it('normalises to NFC so the same words are stored the same way', async () => {
    const decomposed = 'cafe\u0301'
    expect(await scrubComment(decomposed)).toBe('caf\u00e9')
  })

  it('removes several details in one comment', async () => {
    expect(await scrubComment('Jane, 07700 900123, jane@example.org, 01/02/1990')).toBe(`${R}, ${R}, ${R}, ${R}`)
  })
})

// The five of ten realistic comments that the pattern-only scrubber let through (issue 13), and the Spanish forms.
describe('comment scrubbing of names, addresses and numbers in words', () => {
  it.each([
    ['Dr. Smith was kind', `Dr. ${R} was kind`],
    ['Nurse Patel explained it', `Nurse ${R} explained it`],
    ["Mrs O'Brien at the desk", `Mrs ${R} at the desk`],
    ['thanks to dr ahmed', `thanks to dr ${R}`],
    ['thanks Dr.Smith, no space', `thanks Dr.${R}, no space`],
    ['My name is John Carter and I liked it', `My name is ${R} and I liked it`],
    ['I live at 42 Elm Street, Apt 3', `I live at ${R}, ${R}`],
    ['write to 221B Baker Street, London NW1 6XE', `write to ${R}, London ${R}`],
    ['call oh seven seven double oh nine double one two three four five', `call ${R}`],
    ['my MRN is 48213', `my MRN is ${R}`],
    ['US visitor, 123 Main St, Springfield, IL 62704', `US visitor, ${R}, Springfield, IL ${R}`]
  ])('in English: %s', async (comment, expected) => {
    expect(await scrubComment(comment, { language: 'en' })).toBe(expected)
  })

  it.each([
    ['el doctor García me ayudó', `el doctor ${R} me ayudó`],
    ['la enfermera Ruiz fue amable', `la enfermera ${R} fue amable`],
    ['Gracias a la Sra. López', `Gracias a la Sra. ${R}`],
    ['Me llamo Carmen Ortiz', `Me llamo ${R}`],
    ['soy Pilar y tengo dolor', `soy ${R} y tengo dolor`],
    ['Calle Mayor 5, 3º B, 28013 Madrid', `${R}, ${R}, ${R} Madrid`],
    ['mi teléfono es seis cero cero uno dos tres cuatro cinco seis', `mi teléfono es ${R}`],
    ['número de historia 55432', `número de historia ${R}`],
    ['DNI 12345678Z y NIE X1234567L', `DNI ${R} y NIE ${R}`],
    ['tarjeta sanitaria BBBB123456789012', `tarjeta sanitaria ${R}`]
  ])('in Spanish: %s', async (comment, expected) => {
    expect(await scrubComment(comment, { language: 'es' })).toBe(expected)
  })

  it.each([
    ['a dose', 'I take 10 mg twice a day'],
    ['a wait', 'I waited 45 minutes, forty five in fact'],
    ['a time range', 'seen 9.30-10.45'],
    ['medicines with capitals', 'Baclofen made me dizzy, Tizanidine did not'],
    ['an eponym disease', "Parkinson's and Alzheimer's, enfermedad de Crohn"],
    ['a title without a name', 'The doctor was kind. Doctor, thank you. Nurse said to rest.'],
    ['a Spanish title without a name', 'El Dr. llegó tarde y la doctora fue amable'],
    ['"me llamó la atención", which is no introduction', 'Me llamó la atención la parte de los estiramientos'],
    ['an adjective after "soy"', 'Soy diabética y mayor'],
    ['body parts', 'my lower back, hips and left buttock'],
    ['number words that are no phone number', 'two tablets three times a day, tengo setenta y dos años']
  ])('keeps %s', async (_kind, comment) => {
    expect(await scrubComment(comment)).toBe(comment)
  })
})

/** A loader that counts its work and can be told to fail, over the real taggers. */
function countingLoader(fail: 'never' | 'load' | 'tagging' = 'never') {
  const counts = { loads: 0, spanishLoads: 0 }
  const load = (): Taggers => {
    counts.loads += 1
    if (fail === 'load') throw new Error('compromise is not installed')
    const real = loadTaggers()
    const english =
      fail === 'tagging'
        ? Object.assign(
            () => {
              throw new Error('the tagger broke')
            },
            {
              tokenize: () => {
                throw new Error('the tagger broke')
              },
              hooks: () => real.english.hooks()
            }
          )
        : real.english
    return {
      english,
      names: real.names,
      spanish: () => {
        counts.spanishLoads += 1
        return real.spanish()
      }
    }
  }
  return { load, counts }
}

describe('the comment scrubber without its language library', () => {
  const comment = 'Thanks Jane Doe, MRN 48213, call 07700 900123. The Baclofen page was clear.'

  it('still removes what the patterns find, and every capitalised word, when the library cannot load', async () => {
    const { load } = countingLoader('load')
    const onFallback = vi.fn()
    const scrubbed = await new CommentScrubber(load).scrub(comment, { onFallback })
    expect(scrubbed).toBe(`Thanks ${R} ${R}, ${R} ${R}, call ${R}. The ${R} page was clear.`)
    expect(onFallback).toHaveBeenCalledWith(expect.objectContaining({ message: 'compromise is not installed' }))
  })

  it('falls back to the stricter removal when the library fails on a comment', async () => {
    const { load } = countingLoader('tagging')
    const onFallback = vi.fn()
    const scrubber = new CommentScrubber(load)
    const findings = await scrubber.identify(comment, { onFallback })
    expect(findings.tagged).toBe(false)
    expect(await scrubber.scrub(comment)).toBe(`Thanks ${R} ${R}, ${R} ${R}, call ${R}. The ${R} page was clear.`)
    expect(onFallback).toHaveBeenCalledWith(expect.objectContaining({ message: 'the tagger broke' }))
  })

  it('reports a failed warm-up, so main can log it', async () => {
    await expect(new CommentScrubber(countingLoader('load').load).warmUp()).rejects.toThrow(
      'compromise is not installed'
    )
  })
})

describe('comment scrubbing of hostile text', () => {
  // Repeated words that the patterns could read more than one way once took minutes ("calle de la de la…").
  it.each([
    'calle ' + 'de la '.repeat(80),
    'Paseo De ' + 'de '.repeat(160),
    'vivo en calle ' + 'De '.repeat(150),
    '1 ' + 'Elm '.repeat(120),
    'a dot '.repeat(100),
    'maria '.repeat(80) + 'at gmail',
    'the fifth of May '.repeat(30),
    'twenty one '.repeat(45),
    'MRN '.repeat(120),
    'Dr. '.repeat(120)
  ])('scrubs %s… without getting stuck', async (comment) => {
    const text = comment.slice(0, 500)
    const scrubbed = await scrubComment(text)
    expect(scrubbed.replaceAll(R, '').length).toBeLessThanOrEqual(text.length)
  })
})

describe('loading the language library', () => {
  it('loads nothing until a comment comes or the warm-up runs, then loads once', async () => {
    const { load, counts } = countingLoader()
    const scrubber = new CommentScrubber(load)
    expect(counts.loads).toBe(0)
    await scrubber.scrub('Dr. Smith was kind')
    await scrubber.scrub('Nurse Patel too')
    expect(counts.loads).toBe(1)
  })

  it('loads the Spanish tagger only for a Spanish comment, and the warm-up loads both', async () => {
    const { load, counts } = countingLoader()
    const scrubber = new CommentScrubber(load)
    await scrubber.scrub('Dr. Smith was kind and the text was clear', { language: 'es' })
    expect(counts.spanishLoads).toBe(0)
    expect(await scrubber.scrub('El doctor García fue muy amable', { language: 'en' })).toBe(
      `El doctor ${R} fue muy amable`
    )
    expect(counts.spanishLoads).toBeGreaterThan(0)
    const warm = countingLoader()
    await new CommentScrubber(warm.load).warmUp()
    expect(warm.counts).toEqual({ loads: 1, spanishLoads: 1 })
  })

  it('is imported only by the main process, never by the renderer, preload or shared code', () => {
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(folder, entry.name)) : [join(folder, entry.name)]
      )
    const root = resolve(import.meta.dirname, '../../../src')
    const importers = ['renderer', 'preload', 'shared']
      .flatMap((folder) => sources(join(root, folder)))
      .filter((file) => /compromise|feedback\/scrub/.test(readFileSync(file, 'utf8')))
    expect(importers).toEqual([])
  })
})
