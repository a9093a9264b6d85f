import type { Block, Inline, Section } from '../../../../shared/domain'
import { primaryLanguage } from '../i18n'

/** The parts of the Web Speech API the kiosk uses, so tests can hand in a synthesiser of their own. */
export interface Synthesiser {
  getVoices(): SpeechSynthesisVoice[]
  speak(utterance: SpeechSynthesisUtterance): void
  cancel(): void
  addEventListener(type: 'voiceschanged', listener: () => void): void
  removeEventListener(type: 'voiceschanged', listener: () => void): void
}

/** Makes an utterance; the browser's constructor by default. */
export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance

const text = (inlines: Inline[] = []) => inlines.map((inline) => inline.text).join('')

const blockText = (block: Block): string[] => {
  switch (block.type) {
    case 'paragraph':
      return [text(block.inlines)]
    case 'subheading':
      return [block.text]
    case 'list':
      return block.items.map(text)
    case 'image':
      return block.alt ? [block.alt] : []
    case 'table':
      // Row by row, each cell after its column's heading, as a listener cannot glance back up at the heading row.
      return block.rows.map((row) =>
        row
          .flatMap((cell, column) =>
            text(cell).trim() ? [[text(block.header[column]), text(cell)].filter(Boolean).join(': ')] : []
          )
          .join('; ')
      )
  }
}

/**
 * What is read aloud for a section: its title, then each paragraph, sub-heading, list item, picture description and
 * table row.
 */
export const sectionSpeech = (section: Section): string[] =>
  [section.title, ...section.blocks.flatMap(blockText)].filter((text) => text.trim() !== '')

/**
 * Reads the section on screen aloud with a voice installed on the PC. Only local voices are used: the kiosk is
 * offline, and a network voice would send the text away. Each paragraph is its own utterance, so long sections are
 * not cut off and the kiosk hears of progress (`onprogress`) to keep a listening patient from being timed out.
 */
export class ReadAloud {
  /** True from the start of reading until the last paragraph ends or reading is stopped. */
  speaking = $state(false)
  #voices: SpeechSynthesisVoice[] = $state.raw([])
  #synth: Synthesiser | null
  #utterance: UtteranceFactory
  #onprogress: () => void
  #run = 0
  #refresh = () => (this.#voices = this.#synth?.getVoices().filter((voice) => voice.localService) ?? [])

  constructor(synth: Synthesiser | null, utterance: UtteranceFactory, onprogress: () => void = () => {}) {
    this.#synth = synth
    this.#utterance = utterance
    this.#onprogress = onprogress
    // Chromium lists voices only after it has loaded them, and says so with "voiceschanged".
    this.#refresh()
    synth?.addEventListener('voiceschanged', this.#refresh)
  }

  /** The installed voice for a language: the system default one if it speaks it, else the first that does. */
  voiceFor(language: string): SpeechSynthesisVoice | null {
    const wanted = primaryLanguage(language)
    const matching = this.#voices.filter((voice) => primaryLanguage(voice.lang.replace('_', '-')) === wanted)
    return matching.find((voice) => voice.default) ?? matching[0] ?? null
  }

  /** Whether a text in this language can be read aloud here; the Listen button shows only then. */
  canRead(language: string): boolean {
    return this.voiceFor(language) !== null
  }

  /** Starts reading these paragraphs in a language, stopping whatever was being read. */
  read(paragraphs: string[], language: string): void {
    this.stop()
    const voice = this.voiceFor(language)
    if (!this.#synth || !voice || paragraphs.length === 0) return
    const run = ++this.#run
    this.speaking = true
    try {
      this.#queue(paragraphs, voice, run)
    } catch {
      // A synthesiser that refuses the text must not break the button that asked for it; it just stays quiet.
      this.stop()
    }
  }

  #queue(paragraphs: string[], voice: SpeechSynthesisVoice, run: number): void {
    paragraphs.forEach((text, index) => {
      const utterance = this.#utterance(text)
      utterance.voice = voice
      utterance.lang = voice.lang
      // A little slower than the default, for listeners who are unwell, anxious or not reading their first language.
      utterance.rate = 0.9
      const settle = () => {
        if (run !== this.#run) return
        this.#onprogress()
        if (index === paragraphs.length - 1) this.speaking = false
      }
      utterance.onend = settle
      utterance.onerror = settle
      this.#synth?.speak(utterance)
    })
  }

  /** Stops reading at once: on every page turn, on leaving the reader and on the idle reset. */
  stop(): void {
    this.#run += 1
    this.#synth?.cancel()
    this.speaking = false
  }

  /** Lets go of the synthesiser's event, for when the app is torn down. */
  dispose(): void {
    this.stop()
    this.#synth?.removeEventListener('voiceschanged', this.#refresh)
  }
}
