import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { skippedReason } from '../../../src/main/content/content-files'
import {
  importableExtensions,
  saveAsDocxAdvice,
  saveAsDocxExtensions
} from '../../../src/main/content/document-kinds'
import { ImportRefused, sourceKind } from '../../../src/main/content/importers/import-article'

const root = resolve(import.meta.dirname, '../../..')
const documents = ['docs/CONTENT.md', 'README.md'].map((name) => ({
  name,
  paragraphs: readFileSync(resolve(root, name), 'utf8').split(/\n\s*\n/)
}))
const none = new Uint8Array()

describe('what the importer reads, said the same way everywhere', () => {
  it.each(saveAsDocxExtensions)('refuses a %s file in the importer with the advice to save it as .docx', (extension) => {
    expect(() => sourceKind(`leaflet${extension}`, none)).toThrow(ImportRefused)
    expect(() => sourceKind(`leaflet${extension.toUpperCase()}`, none)).toThrow(saveAsDocxAdvice)
  })

  it.each(saveAsDocxExtensions)('gives the same advice for a %s file in the content folder', (extension) => {
    expect(skippedReason(`leaflet${extension}`)).toContain(saveAsDocxAdvice)
  })

  it.each(importableExtensions)('reads a %s file in the importer', (extension) => {
    expect(() => sourceKind(`leaflet${extension}`, none)).not.toThrow()
  })

  it('says in the docs, wherever they name .doc, .odt or .rtf, to save it as .docx first', () => {
    const mentions = documents.flatMap(({ name, paragraphs }) =>
      paragraphs
        .filter((paragraph) => saveAsDocxExtensions.some((extension) => paragraph.includes(`\`${extension}\``)))
        .map((paragraph) => ({ name, advised: paragraph.replace(/\s+/g, ' ').includes(saveAsDocxAdvice) }))
    )
    expect(mentions.length).toBeGreaterThan(0)
    expect(mentions.filter((mention) => !mention.advised)).toEqual([])
  })
})
