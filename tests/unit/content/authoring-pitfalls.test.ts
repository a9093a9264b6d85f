import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type FolderContent, loadContentFolder } from '../../../src/main/content/content-library'
import type { ContentProblem } from '../../../src/shared/domain'

// Each fixture is an article as an author without Markdown or YAML would write it, with one classic mistake.
const pitfalls = resolve(import.meta.dirname, '../../fixtures/content/pitfalls')

describe('authoring pitfalls', () => {
  let folder: FolderContent
  const problemsOf = (file: string): ContentProblem[] => folder.problems.filter((problem) => problem.file === file)
  const shown = (id: string) => folder.articles.some((article) => article.id === id)
  beforeAll(async () => {
    folder = await loadContentFolder(pitfalls)
  })

  it('explains that " #" in an unquoted title cuts the text, instead of showing "Flu shot"', () => {
    expect(shown('flu-shot')).toBe(false)
    expect(problemsOf('en/flu-shot-hash.md')).toEqual([
      {
        file: 'en/flu-shot-hash.md',
        line: 3,
        message:
          'in front matter " #" starts a hidden note, so "title" would read only "Flu shot". ' +
          'Put the whole value in double quotes: title: "Flu shot #2 this year"'
      }
    ])
  })

  it('explains a colon in an unquoted summary in plain words', () => {
    expect(shown('knee-colon')).toBe(false)
    expect(problemsOf('en/knee-colon.md')).toEqual([
      {
        file: 'en/knee-colon.md',
        line: 5,
        message:
          '"summary" has a colon and a space (": ") in its text, which front matter reads as a new key. ' +
          'Put the whole value in double quotes: summary: "Knee pain: what to do after a fall."'
      }
    ])
  })

  it("explains Word's curly quotes around values, with or without a colon inside", () => {
    expect(shown('knee-word')).toBe(false)
    expect(problemsOf('en/knee-word-quotes.md')).toEqual([
      {
        file: 'en/knee-word-quotes.md',
        line: 3,
        message:
          '"title" is in curly quotes (“ ” or ‘ ’), as Word types them; front matter needs straight quotes, ' +
          'or the quote marks show on screen. Write: title: "Knee Pain After a Fall"'
      },
      {
        file: 'en/knee-word-quotes.md',
        line: 5,
        message:
          '"summary" is in curly quotes (“ ” or ‘ ’), as Word types them; front matter needs straight quotes, ' +
          'or the quote marks show on screen. Write: summary: "Knee pain: what to do after a fall"'
      }
    ])
  })
})
