import { describe, expect, it } from 'vitest'
import type { Section } from '../../../src/shared/domain'
import { readingGradeTarget, readingLevel, sectionText, syllablesIn } from '../../../src/main/content/reading-level'

const clinical =
  'Piriformis syndrome is a neuromuscular disorder that occurs when the piriformis muscle, which is located in the ' +
  'buttocks, compresses or irritates the sciatic nerve.'

describe('reading level in English', () => {
  it('gives a very simple sentence a very low grade', () => {
    const level = readingLevel('The cat sat on the mat.', 'en')
    expect(level).toMatchObject({ words: 6, sentences: 1, syllables: 6, reason: null })
    expect(level.grade).toBeLessThan(1)
  })

  it('gives a dense clinical sentence a grade above 12', () => {
    expect(readingLevel(clinical, 'en').grade).toBeGreaterThan(12)
  })

  it('computes Flesch–Kincaid from the counts: 0.39 × words per sentence + 11.8 × syllables per word − 15.59', () => {
    // wash your hands of-ten / use soap and warm wa-ter: 9 words, 2 sentences, 11 syllables.
    const level = readingLevel('Wash your hands often. Use soap and warm water.', 'en')
    expect(level).toMatchObject({ words: 9, sentences: 2, syllables: 11 })
    expect(level.grade).toBeCloseTo(0.39 * (9 / 2) + 11.8 * (11 / 9) - 15.59, 10)
    expect(level.grade).toBeCloseTo(0.587, 3)
  })

  it('counts a contraction as one word, a hyphenated word as two, and a number as one word of one syllable', () => {
    const level = readingLevel('Don’t take 2 pills, or 3.5 mg. It’s twenty-one days.', 'en')
    expect(level.words).toBe(11)
    expect(level.sentences).toBe(2)
    expect(readingLevel("don't", 'en').words).toBe(1)
    expect(syllablesIn('2', 'en')).toBe(1)
    expect(syllablesIn('medicine', 'en')).toBe(3)
  })

  it('counts each line as a sentence, with or without a full stop', () => {
    expect(readingLevel('Wash. Rinse! Dry?', 'en').sentences).toBe(3)
    expect(readingLevel('Before you eat\nAfter you use the toilet\nWhen you get home', 'en').sentences).toBe(3)
  })

  it('gives no grade for text without words, and says why', () => {
    expect(readingLevel(' — … ', 'en')).toEqual({
      words: 0,
      sentences: 0,
      syllables: 0,
      grade: null,
      reason: 'no words'
    })
  })
})

describe('reading level in Spanish', () => {
  it('splits words into syllables with the Spanish hyphenation patterns', () => {
    expect(syllablesIn('información', 'es')).toBe(4)
    expect(syllablesIn('gérmenes', 'es')).toBe(3)
    expect(syllablesIn('aire', 'es-MX')).toBe(2)
  })

  it('computes the Crawford grade: −0.205 × sentences and 0.049 × syllables per 100 words, − 3.407', () => {
    // mó-je-se las ma-nos con ja-bón du-ran-te vein-te se-gun-dos: 8 words, 1 sentence, 17 syllables.
    const level = readingLevel('Mójese las manos con jabón durante veinte segundos.', 'es')
    expect(level).toMatchObject({ words: 8, sentences: 1, syllables: 17 })
    expect(level.grade).toBeCloseTo(-0.205 * 12.5 + 0.049 * 212.5 - 3.407, 10)
  })

  it('grades short plain sentences low and a long technical one high', () => {
    const simple = readingLevel('El gato come. Mi mamá me mira. Lávese las manos.', 'es').grade ?? Infinity
    const complex =
      readingLevel(
        'La administración concomitante de medicamentos anticoagulantes incrementa considerablemente la ' +
          'probabilidad de complicaciones hemorrágicas postoperatorias, particularmente en pacientes con ' +
          'insuficiencia renal crónica.',
        'es'
      ).grade ?? -Infinity
    expect(simple).toBeLessThan(2)
    expect(complex).toBeGreaterThan(readingGradeTarget)
  })
})

describe('reading level in other languages', () => {
  it('counts words and sentences but gives no grade, and says why', () => {
    expect(readingLevel('Lavez-vous les mains. Séchez-les bien.', 'fr')).toEqual({
      words: 7,
      sentences: 2,
      syllables: null,
      grade: null,
      reason: 'no reading-grade formula for "fr" (only English and Spanish)'
    })
  })
})

describe('section text', () => {
  const section: Section = {
    id: 'how',
    title: 'How to wash your hands',
    wordCount: 0,
    blocks: [
      { type: 'paragraph', inlines: [{ text: 'Clean hands stop\ngerms from ' }, { text: 'spreading', strong: true }] },
      { type: 'image', src: 'en/images/hands.svg', alt: 'Hands under running water' },
      { type: 'subheading', text: 'Steps' },
      {
        type: 'list',
        ordered: true,
        items: [[{ text: 'Wet your hands' }], [{ text: 'Use ' }, { text: 'soap', emphasis: true }]]
      }
    ]
  }

  it('is the paragraphs, sub-headings and list items, one per line, without title or image descriptions', () => {
    expect(sectionText(section)).toBe('Clean hands stop germs from spreading\nSteps\nWet your hands\nUse soap')
    expect(readingLevel(sectionText(section), 'en')).toMatchObject({ words: 12, sentences: 4 })
  })
})
