import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContentFolder } from '../../../src/main/content/content-library'
import { blockText } from '../../../src/shared/reading-time'

const seedLines = readFileSync(resolve(import.meta.dirname, '../../fixtures/seed-000_b1c4c0d8676fce77.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())

describe('the seed article', async () => {
  const { articles, problems } = await loadContentFolder(resolve(import.meta.dirname, '../../../content'))
  const article = articles.find((candidate) => candidate.id === 'baclofen-piriformis-syndrome')
  const texts = article?.sections.flatMap((section) => [section.title, ...section.blocks.map(blockText)]) ?? []

  it('is bundled, valid and in English', () => {
    expect(problems).toEqual([])
    expect(article?.language).toBe('en')
  })

  it('keeps the page title as the article title', () => {
    expect(article?.title).toBe(seedLines[2])
  })

  it('restores the five sections and a conclusion, in the order of the page', () => {
    expect(article?.sections.map((section) => section.title)).toEqual([
      'Understanding Piriformis Syndrome',
      'Baclofen: An Overview',
      'Can Baclofen Provide Relief for Piriformis Syndrome?',
      'Potential Side Effects of Baclofen',
      'Other Treatment Options for Piriformis Syndrome',
      'Conclusion'
    ])
  })

  it('puts the three treatment options as sub-sections of "Other Treatment Options"', () => {
    const other = article?.sections[4]
    expect(other?.blocks.filter((block) => block.type === 'subheading').map(blockText)).toEqual([
      'Physical Therapy',
      'Heat and Ice Therapy',
      'Lifestyle Changes'
    ])
  })

  it('keeps every line of the page word for word, apart from the page furniture it names in its source note', () => {
    const furniture = new Set(['-', '28', 'Write a comment', seedLines[2]])
    const body = seedLines.filter((line) => line !== '' && !furniture.has(line))
    expect(body).toHaveLength(21)
    for (const line of body) expect(texts).toContain(line)
    expect(article?.source).toContain("'Write a comment'")
  })

  it('adds no sentence of its own beyond the "Conclusion" heading', () => {
    const added = texts.filter((text) => !seedLines.includes(text))
    expect(added).toEqual(['Conclusion'])
  })
})
