import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadContentFolder } from '../../../src/main/content/content-library'
import { contentLimits } from '../../../src/main/content/content-limits'
import { readingLevel } from '../../../src/main/content/reading-level'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')

/** A 1×1 PNG, as an editor saves it. */
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64'
)

/** A PNG header claiming a size, with nothing after it: enough for a header reader to measure. */
function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.from(onePixelPng.subarray(0, 33))
  header.writeUInt32BE(width, 16)
  header.writeUInt32BE(height, 20)
  return header
}

const frontMatter = (id: string, title = 'Café and Piñata') =>
  ['---', `id: ${id}`, `title: "${title}"`, 'language: en', 'summary: "A short summary."', 'owner: "Tests"',
    'reviewed: 2026-01-10', 'nextReview: 2027-01-10', 'source: "Written for the tests."', '---', ''].join('\n')

describe('odd files in a content folder', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-odd-'))
    await mkdir(join(folder, 'en/images'), { recursive: true })
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('refuses an article saved in Latin-1 with its file and line and how to save it as UTF-8', async () => {
    const text = `${frontMatter('latin')}## Qué hacer\n\nTome la medicina con agua.\n\nEl niño está mejor.\n`
    await writeFile(join(folder, 'en/latin.md'), Buffer.from(text, 'latin1'))
    const content = await loadContentFolder(folder)
    expect(content.articles).toEqual([])
    expect(content.problems).toEqual([
      {
        file: 'en/latin.md',
        line: 3,
        message: expect.stringMatching(/is not saved as UTF-8.*Save as.*Encoding.*UTF-8/)
      }
    ])
  })

  it('refuses an article saved as UTF-16 ("Unicode" in Notepad), with or without a byte order mark', async () => {
    const text = `${frontMatter('sixteen', 'Plain')}## Wash\n\nWash your hands.\n`
    await writeFile(join(folder, 'en/with-mark.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    await writeFile(join(folder, 'en/without-mark.md'), Buffer.from(text, 'utf16le'))
    const content = await loadContentFolder(folder)
    expect(content.articles).toEqual([])
    expect(content.problems.map((problem) => [problem.file, problem.line])).toEqual([
      ['en/with-mark.md', 1],
      ['en/without-mark.md', 1]
    ])
    for (const problem of content.problems) expect(problem.message).toMatch(/UTF-16.*UTF-8/)
  })

  it('reads an article saved as UTF-8 with a byte order mark, accents and all', async () => {
    const text = `${frontMatter('marked')}## Qué hacer\n\nEl niño está mejor.\n`
    await writeFile(join(folder, 'en/marked.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))
    const content = await loadContentFolder(folder)
    expect(content.problems).toEqual([])
    expect(content.articles[0]?.title).toBe('Café and Piñata')
    expect(JSON.stringify(content.articles[0]?.sections)).toContain('El niño está mejor.')
  })

  it('refuses a 5 MB article before reading it, saying how big it may be', async () => {
    const section = 'Wash your hands with soap and water for twenty seconds. '.repeat(90_000)
    await writeFile(join(folder, 'en/huge.md'), `${frontMatter('huge')}## One long screen\n\n${section}\n`)
    const content = await loadContentFolder(folder)
    expect(content.articles).toEqual([])
    expect(content.problems).toEqual([
      {
        file: 'en/huge.md',
        line: 0,
        message: expect.stringMatching(/^is 4\.\d MB; an article file may be at most 256 KB: split it/)
      }
    ])
  })

  it('refuses a section with more words than a screen can take, naming the section and its line', async () => {
    const words = "Rest. ".repeat(contentLimits.sectionWords - 1)
    await writeFile(join(folder, 'en/long.md'), `${frontMatter('long')}## Short\n\nFine.\n\n## Too long\n\n${words}\n`)
    const content = await loadContentFolder(folder)
    expect(content.articles).toEqual([])
    expect(content.problems).toEqual([
      {
        file: 'en/long.md',
        line: 15,
        message: `section "Too long" has ${contentLimits.sectionWords + 1} words; a section may have at most ${contentLimits.sectionWords}: split it with ## headings`
      }
    ])
  })

  it('reads at most the allowed number of articles and says what it left unread', async () => {
    const article = await readFile(join(fixtures, 'playlist/en/drinking-water.md'), 'utf8')
    const count = contentLimits.articles + 2
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        writeFile(join(folder, 'en', `a${String(index).padStart(4, '0')}.md`), article.replace('id: drinking-water', `id: a${index}`))
      )
    )
    const content = await loadContentFolder(folder)
    expect(content.articles).toHaveLength(contentLimits.articles)
    expect(content.problems).toEqual([
      {
        file: 'en/a0300.md',
        line: 0,
        message: `not read: a content folder may hold at most ${contentLimits.articles} articles, and this is number ${contentLimits.articles + 1} of ${count}`
      },
      {
        file: 'en/a0301.md',
        line: 0,
        message: `not read: a content folder may hold at most ${contentLimits.articles} articles, and this is number ${contentLimits.articles + 2} of ${count}`
      }
    ])
  })

  describe('pictures', () => {
    const withPicture = (file: string) =>
      `${frontMatter('pictured', 'Pictured')}## Look\n\nA picture follows.\n\n![What it shows](images/${file})\n`

    it('accepts a real PNG and an SVG that is plain drawing', async () => {
      await writeFile(join(folder, 'en/images/real.png'), onePixelPng)
      await cp(join(fixtures, 'playlist/en/images/hands.svg'), join(folder, 'en/images/hands.svg'))
      await writeFile(join(folder, 'en/png.md'), withPicture('real.png'))
      await writeFile(join(folder, 'en/svg.md'), withPicture('hands.svg').replace('id: pictured', 'id: drawn'))
      const content = await loadContentFolder(folder)
      expect(content.problems).toEqual([])
      expect(content.articles).toHaveLength(2)
    })

    it('refuses a file named .png that is not a PNG, at the line of the picture', async () => {
      await writeFile(join(folder, 'en/images/fake.png'), 'this is not a picture at all, just text')
      await writeFile(join(folder, 'en/fake.md'), withPicture('fake.png'))
      const content = await loadContentFolder(folder)
      expect(content.articles).toEqual([])
      expect(content.problems).toEqual([
        { file: 'en/fake.md', line: 15, message: expect.stringMatching(/^image "images\/fake\.png" is not a picture the kiosk can read/) }
      ])
    })

    it('refuses a JPEG named .png, saying what it really is', async () => {
      const jpeg = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64')
      await writeFile(join(folder, 'en/images/photo.png'), jpeg)
      await writeFile(join(folder, 'en/photo.md'), withPicture('photo.png'))
      const content = await loadContentFolder(folder)
      expect(content.problems).toEqual([
        { file: 'en/photo.md', line: 15, message: 'image "images/photo.png" is a JPEG picture named .png: rename it to photo.jpg (and its link)' }
      ])
    })

    it('refuses a picture too big in bytes or in pixels, saying the limit', async () => {
      await writeFile(join(folder, 'en/images/wide.png'), pngClaiming(contentLimits.imagePixels + 1, 10))
      await writeFile(join(folder, 'en/images/heavy.png'), Buffer.concat([onePixelPng, Buffer.alloc(contentLimits.imageBytes)]))
      await writeFile(join(folder, 'en/wide.md'), withPicture('wide.png'))
      await writeFile(join(folder, 'en/heavy.md'), withPicture('heavy.png').replace('id: pictured', 'id: heavy'))
      const content = await loadContentFolder(folder)
      expect(content.articles).toEqual([])
      expect(content.problems).toEqual([
        {
          file: 'en/heavy.md',
          line: 15,
          message: expect.stringMatching(/^image "images\/heavy\.png" is \d+\.\d MB; a picture may be at most 8 MB/)
        },
        {
          file: 'en/wide.md',
          line: 15,
          message: `image "images/wide.png" is ${contentLimits.imagePixels + 1}×10 pixels; a picture may be at most ${contentLimits.imagePixels} pixels on each side: make it smaller`
        }
      ])
    })

    it('refuses an SVG with a script, or one that is not well-formed XML', async () => {
      await writeFile(
        join(folder, 'en/images/scripted.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>'
      )
      await writeFile(join(folder, 'en/images/handler.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()" width="1" height="1"/></svg>')
      await writeFile(join(folder, 'en/images/broken.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"></svg>')
      for (const name of ['scripted', 'handler', 'broken'])
        await writeFile(join(folder, `en/${name}.md`), withPicture(`${name}.svg`).replace('id: pictured', `id: ${name}`))
      const content = await loadContentFolder(folder)
      expect(content.articles).toEqual([])
      expect(content.problems).toEqual([
        {
          file: 'en/broken.md',
          line: 15,
          message: expect.stringMatching(
            /^image "images\/broken\.svg" is not a well-formed SVG file \(line 1: .+\): save it again from the drawing program$/
          )
        },
        { file: 'en/handler.md', line: 15, message: 'image "images/handler.svg" has a script in it (an "onclick" at line 1)' },
        {
          file: 'en/scripted.md',
          line: 15,
          message: 'image "images/scripted.svg" has a script in it (a <script> element at line 1)'
        }
      ])
    })
  })
})

describe('reading level on a very long text', () => {
  it('counts a long run of text the same whether it is measured whole or in parts', () => {
    const sentence = 'Wash your hands with soap and water for twenty seconds. '
    const whole = readingLevel(sentence.repeat(2000), 'en')
    const part = readingLevel(sentence.repeat(20), 'en')
    expect(whole.words).toBe(part.words * 100)
    expect(whole.sentences).toBe(part.sentences * 100)
    expect(whole.grade).toBeCloseTo(part.grade ?? Number.NaN, 5)
  })

  it('counts a sentence longer than a piece as several sentences rather than stalling on it', () => {
    const level = readingLevel('word '.repeat(30_000), 'en')
    expect(level.words).toBe(30_000)
    expect(level.sentences).toBeGreaterThan(1)
  })
})
