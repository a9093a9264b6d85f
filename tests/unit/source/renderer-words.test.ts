import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parse } from 'svelte/compiler'
import { describe, expect, it } from 'vitest'

// Every word of the interface lives in src/renderer/src/lib/i18n, so a new language is one file; this keeps it so.
describe('renderer components', () => {
  const root = resolve(import.meta.dirname, '../../../src/renderer/src')
  const components = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? components(join(folder, entry.name))
        : entry.name.endsWith('.svelte')
          ? [join(folder, entry.name)]
          : []
    )
  // Sample letters on the settings panel show how big text gets; they are pictures of text, not words.
  const samples = new Set(['A', 'Aa'])
  const wordy = (text: string) => /\p{L}/u.test(text) && !samples.has(text.trim())

  /** Static words in markup, and in the attributes screen readers speak, outside any `{expression}`. */
  function hardCoded(source: string): string[] {
    const found: string[] = []
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit)
      if (typeof node !== 'object' || node === null) return
      const record = node as Record<string, unknown>
      if (record.type === 'Text' && typeof record.data === 'string' && wordy(record.data))
        found.push(record.data.trim())
      if (record.type === 'Attribute' && ['aria-label', 'alt', 'title', 'placeholder'].includes(String(record.name))) {
        const values = Array.isArray(record.value) ? record.value : []
        for (const part of values as Array<Record<string, unknown>>)
          if (part.type === 'Text' && typeof part.data === 'string' && wordy(part.data)) found.push(part.data)
      }
      // Other attributes (classes, ids, roles, test ids) and style values are code, not words for people.
      if (record.type === 'Attribute' || record.type === 'StyleDirective') return
      for (const [key, value] of Object.entries(record))
        if (key !== 'instance' && key !== 'module' && key !== 'css') visit(value)
    }
    visit(parse(source, { modern: true }).fragment)
    return found
  }

  it('carry no words of their own: every word a person reads or hears comes from the message files', () => {
    const files = components(root)
    expect(files.length).toBeGreaterThan(10)
    const found = files.flatMap((file) =>
      hardCoded(readFileSync(file, 'utf8')).map((text) => `${relative(root, file)}: ${text}`)
    )
    expect(found).toEqual([])
  })

  it('would notice a hard-coded word, in text or in a spoken attribute, but not in code', () => {
    const source = '<p class="note">Hello {name}</p><button aria-label="Close" data-testid="x">{label}</button>'
    expect(hardCoded(source)).toEqual(['Hello', 'Close'])
  })
})
