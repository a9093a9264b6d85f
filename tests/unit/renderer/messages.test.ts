import { describe, expect, it } from 'vitest'
import { interfaceLanguages } from '../../../src/renderer/src/lib/i18n'
import { staffMessagesFor } from '../../../src/renderer/src/lib/i18n/staff'

type Leaf = { path: string; value: unknown }

/** Every string and function of a message tree, by its dotted path. */
function leaves(tree: unknown, path = ''): Leaf[] {
  if (typeof tree === 'object' && tree !== null)
    return Object.entries(tree).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key))
  return [{ path, value: tree }]
}

/** A language's words, the patient's and staff mode's (kept apart so staff's load only with staff mode). */
const wordsOf = staffMessagesFor

const english = leaves(wordsOf('en'))
const others = interfaceLanguages.filter((language) => language !== 'en')

describe('message files', () => {
  it('offer English and Spanish at least', () => {
    expect(interfaceLanguages).toEqual(expect.arrayContaining(['en', 'es']))
  })

  for (const language of others) {
    it(`${language} has exactly the keys English has, each of the same kind`, () => {
      const found = leaves(wordsOf(language))
      expect(found.map((leaf) => `${leaf.path}:${typeof leaf.value}`).sort()).toEqual(
        english.map((leaf) => `${leaf.path}:${typeof leaf.value}`).sort()
      )
    })

    it(`${language} is translated, not copied: only words the languages share are the same as in English`, () => {
      const same = leaves(wordsOf(language))
        .filter(({ path, value }) => typeof value === 'string' && value === english.find((e) => e.path === path)?.value)
        .map((leaf) => leaf.path)
      // "Normal" is the same word in English and Spanish; file formats are names; "10–30 s" is written alike.
      expect(same.sort()).toEqual([
        'staff.formatCsv',
        'staff.formatJson',
        'staff.timeBuckets.1',
        'staff.timeBuckets.2',
        'textSizes.standard'
      ])
    })
  }

  for (const language of interfaceLanguages) {
    const messages = wordsOf(language)

    it(`${language}: no string is empty and every message with values shows each of them`, () => {
      for (const { path, value } of leaves(messages)) {
        if (typeof value === 'string') expect(value.trim(), path).not.toBe('')
        if (typeof value === 'function') {
          const values = [3, 5, 8].slice(0, value.length)
          const text = (value as (...values: number[]) => string)(...values)
          for (const shown of values) expect(text, path).toContain(String(shown))
        }
      }
    })

    it(`${language}: names every interface language, for the note on an untranslated article`, () => {
      expect(Object.keys(messages.languageNames).sort()).toEqual([...interfaceLanguages].sort())
    })

    it(`${language}: counts agree with their number`, () => {
      expect(messages.staff.total(1)).not.toBe(messages.staff.total(2).replace('2', '1'))
      expect(messages.stillReadingBody(1)).not.toBe(messages.stillReadingBody(2).replace('2', '1'))
    })
  }
})
