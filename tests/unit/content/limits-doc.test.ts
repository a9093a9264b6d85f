import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentLimits, sizeInWords } from '../../../src/main/content/content-limits'
import { largestSourceBytes } from '../../../src/main/content/importers/import-article'
import { summaryLimits } from '../../../src/main/content/summary-length'
import { tableLimits } from '../../../src/main/content/table-block'

const contentDoc = readFileSync(resolve(import.meta.dirname, '../../../docs/CONTENT.md'), 'utf8')

/** Every numeric limit in the code, by the name the docs give it: a limit added to content-limits.ts shows up here. */
const limits: Record<string, number> = {
  ...Object.fromEntries(
    Object.entries(contentLimits)
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([key, value]) => [`contentLimits.${key}`, value])
  ),
  ...Object.fromEntries(Object.entries(tableLimits).map(([key, value]) => [`tableLimits.${key}`, value])),
  ...Object.fromEntries(Object.entries(summaryLimits).map(([key, value]) => [`summaryLimits.${key}`, value])),
  largestSourceBytes
}

/** The "Limits" table of docs/CONTENT.md: the value an author reads, by the name in its last column. */
function documentedLimits(): Map<string, string> {
  const section = contentDoc.split(/^## /m).find((part) => part.startsWith('Limits\n')) ?? ''
  const rows = new Map<string, string>()
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim())
    const name = /^`([\w.]+)`$/.exec(cells[3] ?? '')?.[1]
    if (name) rows.set(name, cells[2] ?? '')
  }
  return rows
}

/** How the docs write a limit: bytes as "256 KB" or "8 MB", other counts with thousands separated ("5,000"). */
function written(name: string, value: number): string {
  return name.endsWith('Bytes') ? sizeInWords(value) : value.toLocaleString('en-US')
}

describe('the limits in docs/CONTENT.md', () => {
  it.each(Object.entries(limits))('lists %s with the value the code uses', (name, value) => {
    expect(documentedLimits().get(name)).toBe(written(name, value))
  })

  it('lists no limit the code does not have', () => {
    expect([...documentedLimits().keys()].filter((name) => !(name in limits))).toEqual([])
  })
})
