import { describe, expect, it } from 'vitest'
import { removedMarker, scrubComment } from '../../../src/main/feedback/scrub'

const R = removedMarker

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
    ['insurance number with letters', 'policy AB1234567', `policy AB${R}`],
    ['e-mail with a spelled "at"', 'maria at gmail.com please', `${R} please`],
    ['e-mail with "(at)"', 'maria(at)gmail.com', R],
    ['e-mail with spaces around @', 'maria @ gmail.com', R],
    ['Spanish spelled e-mail', 'juan arroba gmail punto com gracias', `${R} gracias`],
    ['fully spelled e-mail', 'john dot smith at gmail dot com', R],
    ['phone with en dashes', 'call 0612–345–678', `call ${R}`],
    ['phone in Arabic-Indic digits', 'رقمي ٠٧٧٠٠٩٠٠١٢٣', `رقمي ${R}`]
  ])('removes a %s', (_kind, input, expected) => {
    expect(scrubComment(input)).toBe(expected)
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
  ])('keeps ordinary feedback as it is: %s', (comment) => {
    expect(scrubComment(comment)).toBe(comment)
  })

  it('strips control and invisible characters, and trims', () => {
    expect(scrubComment('  \u0007Good\u0000 page\u200B\u202E! \n')).toBe('Good page !')
  })

  it('normalises to NFC so the same words are stored the same way', () => {
    const decomposed = 'cafe\u0301'
    expect(scrubComment(decomposed)).toBe('caf\u00e9')
  })

  it('removes several details in one comment', () => {
    expect(scrubComment('Jane, 07700 900123, jane@example.org, 01/02/1990')).toBe(`Jane, ${R}, ${R}, ${R}`)
  })
})
