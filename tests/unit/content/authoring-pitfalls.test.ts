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

  it('turns a table that fits a kiosk screen into a table block, with emphasis kept and every word counted', () => {
    const article = folder.articles.find((found) => found.id === 'medicine-times')
    expect(problemsOf('en/medicine-table.md')).toEqual([])
    const section = article?.sections[0]
    expect(section?.blocks[1]).toEqual({
      type: 'table',
      header: [[{ text: 'Medicine' }], [{ text: 'When' }], [{ text: 'How much' }]],
      rows: [
        [[{ text: 'Baclofen' }], [{ text: 'Morning and evening' }], [{ text: 'One', strong: true }, { text: ' tablet' }]],
        [[{ text: 'Ibuprofen' }], [{ text: 'With food' }], [{ text: 'Two tablets, at most three times a day' }]],
        [[{ text: 'Water' }], [{ text: 'All day' }], [{ text: 'About ' }, { text: 'eight', emphasis: true }, { text: ' cups' }]]
      ]
    })
    expect(section?.blocks.map((block) => block.type)).toEqual(['paragraph', 'table', 'paragraph'])
    // The heading, the paragraph, the heading row and three rows of the table, the last paragraph.
    expect(section?.wordCount).toBe(4 + 9 + (4 + 6 + 11 + 6) + 8)
  })

  it('refuses a table too wide, too long or too wordy for a kiosk screen, saying what to do', () => {
    expect(shown('big-tables')).toBe(false)
    expect(problemsOf('en/big-tables.md')).toEqual([
      {
        file: 'en/big-tables.md',
        line: 14,
        message:
          "a table may have at most 4 columns to fit the kiosk's screen; this one has 5. " +
          'Split it into two tables, or write a list'
      },
      {
        file: 'en/big-tables.md',
        line: 20,
        message:
          "a table may have at most 10 rows under its heading row to fit the kiosk's screen; this one has 11. " +
          'Split it over two sections, or write a list'
      },
      {
        file: 'en/big-tables.md',
        line: 38,
        message:
          'a table cell may hold at most 60 characters to stay readable on the kiosk; this one has 93 ' +
          '("Take it with food, do not drive until…"). Shorten it, or write a list'
      }
    ])
  })

  it('refuses ~~struck-out~~ words with the reason, and leaves a single tilde alone', () => {
    expect(shown('struck')).toBe(false)
    expect(problemsOf('en/strike.md')).toEqual([
      {
        file: 'en/strike.md',
        line: 14,
        message:
          '~~two~~ is struck out, which the kiosk does not show: a line through words is hard to see and cannot ' +
          'be read aloud. Delete the words, or say in words what changed'
      }
    ])
  })

  it('shows a picture whose file name has spaces, written plainly or in angle brackets', () => {
    expect(problemsOf('en/knee-pictures.md')).toEqual([])
    const blocks = folder.articles.find((found) => found.id === 'knee-pictures')?.sections.flatMap((s) => s.blocks)
    const picture = { type: 'image', src: 'en/images/my knee.svg', alt: 'A knee with a bandage' }
    expect(blocks).toEqual([picture, picture])
  })

  it('reports Markdown that would show as raw text: a picture in a sentence, a link with spaces, a table without its line', () => {
    expect(shown('raw-syntax')).toBe(false)
    expect(problemsOf('en/raw-syntax.md')).toEqual([
      {
        file: 'en/raw-syntax.md',
        line: 14,
        message:
          '![the knee](images/my knee.svg) would show as written: a picture must stand in a paragraph of its own, ' +
          'written ![the knee](<images/my knee.svg>)'
      },
      {
        file: 'en/raw-syntax.md',
        line: 18,
        message:
          '[our leaflet](leaflets/flu shot.html) would show as written, since the address has a space. ' +
          'The kiosk shows a link as its words only: write just "our leaflet"'
      },
      {
        file: 'en/raw-syntax.md',
        line: 22,
        message:
          'this looks like a table, but the | marks would show as text: a table needs a line such as ' +
          '| --- | --- | under its heading row'
      }
    ])
  })
})
