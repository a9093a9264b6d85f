import { describe, expect, it, vi } from 'vitest'
import { ReadAloud, sectionSpeech, type Synthesiser } from '../../../src/renderer/src/lib/state/read-aloud.svelte'
import type { Section } from '../../../src/shared/domain'

type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'localService' | 'default' | 'name'>
type Spoken = { text: string; voice: SpeechSynthesisVoice | null; lang: string; rate: number; onend: () => void }

/** A synthesiser that records what it was asked to say and lets the test finish each utterance. */
function fakeSynth(voices: Voice[]) {
  const queue: Spoken[] = []
  let listener: (() => void) | null = null
  const cancel = vi.fn<() => void>()
  const synth: Synthesiser & { cancel: typeof cancel } = {
    getVoices: () => voices as SpeechSynthesisVoice[],
    speak: (utterance) => queue.push(utterance as unknown as Spoken),
    cancel,
    addEventListener: (_type, added) => (listener = added),
    removeEventListener: () => (listener = null)
  }
  const utterance = (text: string) => ({ text, voice: null, lang: '', rate: 1, onend: () => {} }) as never
  return { synth, queue, utterance, voicesChanged: () => listener?.() }
}

const english: Voice = { lang: 'en-GB', localService: true, default: false, name: 'Local English' }
const englishDefault: Voice = { lang: 'en-US', localService: true, default: true, name: 'Default English' }
const spanishOnline: Voice = { lang: 'es-ES', localService: false, default: false, name: 'Online Spanish' }

const part: Section = {
  id: 'soap',
  title: 'Use soap',
  wordCount: 9,
  blocks: [
    { type: 'paragraph', inlines: [{ text: 'Wet your hands, ' }, { text: 'then', strong: true }, { text: ' soap.' }] },
    { type: 'subheading', text: 'How long' },
    { type: 'list', ordered: false, items: [[{ text: 'Twenty seconds' }], [{ text: 'Between fingers' }]] },
    { type: 'image', src: 'hands.png', alt: 'Two soapy hands' }
  ]
}

describe('what is read aloud', () => {
  it('is the title, then every paragraph, sub-heading, list item and picture description, in order', () => {
    expect(sectionSpeech(part)).toEqual([
      'Use soap',
      'Wet your hands, then soap.',
      'How long',
      'Twenty seconds',
      'Between fingers',
      'Two soapy hands'
    ])
  })

  it('reads a table row by row, each cell after its column heading, leaving out empty cells', () => {
    const table: Section = {
      id: 'times',
      title: 'When',
      wordCount: 12,
      blocks: [
        {
          type: 'table',
          header: [[], [{ text: 'Morning' }], [{ text: 'Evening' }]],
          rows: [
            [[{ text: 'Monday' }], [{ text: 'One', strong: true }, { text: ' tablet' }], [{ text: 'Two tablets' }]],
            [[{ text: 'Tuesday' }], [], [{ text: 'Two tablets' }]]
          ]
        }
      ]
    }
    expect(sectionSpeech(table)).toEqual([
      'When',
      'Monday; Morning: One tablet; Evening: Two tablets',
      'Tuesday; Evening: Two tablets'
    ])
  })
})

describe('read aloud', () => {
  it('uses only voices installed on the PC, preferring the default one, and offers nothing without one', () => {
    const { synth, utterance } = fakeSynth([english, englishDefault, spanishOnline])
    const reading = new ReadAloud(synth, utterance)
    expect(reading.voiceFor('en')?.name).toBe('Default English')
    expect(reading.canRead('es')).toBe(false)
    expect(reading.canRead('fr')).toBe(false)
  })

  it('notices voices that load after start', () => {
    const voices: Voice[] = []
    const { synth, utterance, voicesChanged } = fakeSynth(voices)
    const reading = new ReadAloud(synth, utterance)
    expect(reading.canRead('en')).toBe(false)
    voices.push(english)
    voicesChanged()
    expect(reading.canRead('en')).toBe(true)
  })

  it('speaks each paragraph with the voice, a little slowly, and tells the kiosk after each one', () => {
    const { synth, queue, utterance } = fakeSynth([english])
    const progress = vi.fn()
    const reading = new ReadAloud(synth, utterance, progress)
    reading.read(['One.', 'Two.'], 'en')
    expect(queue.map((spoken) => [spoken.text, spoken.voice?.name, spoken.lang])).toEqual([
      ['One.', 'Local English', 'en-GB'],
      ['Two.', 'Local English', 'en-GB']
    ])
    expect(queue[0]?.rate).toBeLessThan(1)
    expect(reading.speaking).toBe(true)
    queue[0]?.onend()
    expect(progress).toHaveBeenCalledTimes(1)
    expect(reading.speaking).toBe(true)
    queue[1]?.onend()
    expect(reading.speaking).toBe(false)
  })

  it('stops at once, and the end of a cancelled paragraph changes nothing afterwards', () => {
    const { synth, queue, utterance } = fakeSynth([english])
    const progress = vi.fn()
    const reading = new ReadAloud(synth, utterance, progress)
    reading.read(['One.', 'Two.'], 'en')
    reading.stop()
    expect(synth.cancel).toHaveBeenCalled()
    expect(reading.speaking).toBe(false)
    reading.read(['Three.'], 'en')
    queue[1]?.onend()
    expect(progress).not.toHaveBeenCalled()
    expect(reading.speaking).toBe(true)
  })

  it('does nothing in a language the PC has no voice for, or without speech at all', () => {
    const { synth, queue, utterance } = fakeSynth([english])
    const reading = new ReadAloud(synth, utterance)
    reading.read(['Hola.'], 'es')
    expect(queue).toHaveLength(0)
    expect(reading.speaking).toBe(false)
    const silent = new ReadAloud(null, utterance)
    silent.read(['Hello.'], 'en')
    expect(silent.canRead('en')).toBe(false)
    expect(silent.speaking).toBe(false)
  })

  it('stays quiet, without throwing, when the synthesiser refuses an utterance', () => {
    const { synth, utterance } = fakeSynth([english])
    synth.speak = () => {
      throw new TypeError('not a voice')
    }
    const reading = new ReadAloud(synth, utterance)
    expect(() => reading.read(['One.'], 'en')).not.toThrow()
    expect(reading.speaking).toBe(false)
  })
})
