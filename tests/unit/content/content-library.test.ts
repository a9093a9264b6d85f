import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isShownSection, loadContentFolder, resolveImage } from '../../../src/main/content/content-library'
import { loadContent } from '../../../src/main/content/content-service'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')
const bundled = resolve(import.meta.dirname, '../../../content')

describe('content library', () => {
  let scratch: string
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-content-'))
  })
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('loads every valid article of a folder in file order, with images resolved inside it', async () => {
    const folder = await loadContentFolder(join(fixtures, 'playlist'))
    expect(folder.problems).toEqual([])
    expect(folder.articles.map((article) => article.id)).toEqual(['drinking-water', 'hand-washing'])
    expect(folder.articles[1]?.sections[0]?.blocks).toContainEqual({
      type: 'image',
      src: 'en/images/hands.svg',
      alt: 'Hands under running water'
    })
  })

  it('reports each broken fixture with its file and line, and still loads the good one', async () => {
    const folder = await loadContentFolder(join(fixtures, 'broken'))
    expect(folder.articles.map((article) => article.id)).toEqual(['drinking-water'])
    expect(folder.problems).toEqual(
      expect.arrayContaining([
        { file: 'bad-date.md', line: 7, message: '"reviewed" must be a date written YYYY-MM-DD' },
        { file: 'bad-date.md', line: 8, message: '"nextReview" must be a date written YYYY-MM-DD' },
        { file: 'broken-image.md', line: 16, message: 'image "images/not-there.png" was not found' },
        { file: 'empty-section.md', line: 16, message: 'section "Second" is empty' },
        { file: 'missing-title.md', line: 1, message: 'front matter is missing "title"' },
        { file: 'raw-html.md', line: 14, message: 'raw HTML is not allowed in articles' },
        { file: 'unknown-key.md', line: 7, message: 'unknown front matter key "reviewd"' }
      ])
    )
  })

  it('refuses both articles that share an id, naming each other, whatever their names sort as', async () => {
    const article = (await readFile(join(fixtures, 'playlist/en/drinking-water.md'), 'utf8')).replace(
      'id: drinking-water',
      'id: knee-pain'
    )
    for (const [first, second] of [
      ['a-knee.md', 'en/knee.md'],
      ['en/knee.md', 'z-knee.md']
    ]) {
      await rm(scratch, { recursive: true, force: true })
      await mkdir(join(scratch, 'en'), { recursive: true })
      await writeFile(join(scratch, first as string), article)
      await writeFile(join(scratch, second as string), article.replace('title: ', 'title: Another '))
      await writeFile(join(scratch, 'en/other.md'), article.replace('id: knee-pain', 'id: other'))
      const folder = await loadContentFolder(scratch)
      expect(folder.articles.map((found) => found.id)).toEqual(['other'])
      const sorted = [first, second].sort() as [string, string]
      const message = (other: string) =>
        `id "knee-pain" (en) is also used by ${other}: neither article is shown until one of them has another id`
      expect(folder.problems).toEqual([
        { file: sorted[0], line: 2, message: message(sorted[1]) },
        { file: sorted[1], line: 2, message: message(sorted[0]) }
      ])
    }
  })

  it('names every file when three articles share an id', async () => {
    const article = await readFile(join(fixtures, 'playlist/en/drinking-water.md'), 'utf8')
    for (const name of ['one.md', 'two.md', 'three.md']) await writeFile(join(scratch, name), article)
    const folder = await loadContentFolder(scratch)
    expect(folder.articles).toEqual([])
    expect(folder.problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      'one.md: id "drinking-water" (en) is also used by three.md and two.md: none of these articles is shown until each has an id of its own',
      'three.md: id "drinking-water" (en) is also used by one.md and two.md: none of these articles is shown until each has an id of its own',
      'two.md: id "drinking-water" (en) is also used by one.md and three.md: none of these articles is shown until each has an id of its own'
    ])
  })

  it('reads an article whose name ends in capitals (.MD), as Windows treats it', async () => {
    const folder = await loadContentFolder(join(fixtures, 'skipped'))
    expect(folder.articles.map((article) => [article.file, article.id])).toEqual([['en/KNEE-CARE.MD', 'knee-care']])
  })

  it('reports every file an author meant as an article but the kiosk skips, saying what to do', async () => {
    const folder = await loadContentFolder(join(fixtures, 'skipped'))
    const importer =
      'turn it into an article with the installed app\'s --import-article (see docs/CONTENT.md), or copy its text into a .md file'
    expect(folder.problems).toEqual([
      {
        file: 'en/back-pain.txt',
        line: 0,
        message:
          'a plain text file (.txt), which the kiosk skips: if it is an article, rename it to back-pain.md; ' +
          'if not, move it out of the content folder'
      },
      { file: 'en/flu-leaflet.html', line: 0, message: `a web page, which the kiosk cannot show: ${importer}` },
      {
        file: 'en/flu-leaflet.pdf',
        line: 0,
        message: 'a PDF, which the kiosk cannot show: copy its text into a .md file, or move it out of the content folder'
      },
      {
        file: 'en/flu-shot-old.doc',
        line: 0,
        message:
          'a word-processor document (.doc), which the kiosk cannot show and the importer does not read: open it in ' +
          'Word or LibreOffice Writer, save it as a .docx (Word Document), then import the .docx with the installed ' +
          "app's --import-article (see docs/CONTENT.md), or copy its text into a .md file"
      },
      { file: 'en/flu-shot.docx', line: 0, message: `a Word document, which the kiosk cannot show: ${importer}` },
      {
        file: 'en/knee.md.txt',
        line: 0,
        message:
          'saved as knee.md.txt, so the kiosk skips it: Notepad added ".txt". Rename it to knee.md (in File ' +
          'Explorer, turn on View › Show › File name extensions to see the ".txt")'
      }
    ])
  })

  it('changes the content version when an article changes', async () => {
    await cp(join(fixtures, 'playlist'), scratch, { recursive: true })
    const before = await loadContentFolder(scratch)
    await writeFile(
      join(scratch, 'en/drinking-water.md'),
      (await import('node:fs')).readFileSync(join(scratch, 'en/drinking-water.md'), 'utf8').replace('eight', 'six')
    )
    const after = await loadContentFolder(scratch)
    expect(after.version).not.toBe(before.version)
    expect(after.version).toMatch(/^[0-9a-f]{12}$/)
  })

  it('refuses images given as addresses, outside the folder, or of a kind that is not a picture', () => {
    expect(resolveImage(scratch, 'en/a.md', 'https://example.org/x.png')).toEqual({
      problem: 'image "https://example.org/x.png" must be a file in the content folder, not an address'
    })
    expect(resolveImage(scratch, 'en/a.md', '../../etc/passwd.png')).toEqual({
      problem: 'image "../../etc/passwd.png" is outside the content folder'
    })
    expect(resolveImage(scratch, 'en/a.md', 'script.html')).toMatchObject({
      problem: expect.stringContaining('not a picture')
    })
  })

  it('orders the playlist as configured and reports ids that are not there', async () => {
    const state = await loadContent({
      bundledFolder: join(fixtures, 'playlist'),
      externalFolder: null,
      language: 'en',
      playlist: ['hand-washing', 'no-such-article', 'drinking-water']
    })
    expect(state.playlist.articles.map((article) => article.id)).toEqual(['hand-washing', 'drinking-water'])
    expect(state.problems).toEqual([
      {
        file: 'config.json',
        line: 0,
        message: 'playlist names "no-such-article", which is not a valid article in "en"'
      }
    ])
  })

  it('lists the articles in the kiosk language that a playlist leaves out, and none without a playlist', async () => {
    const options = { bundledFolder: join(fixtures, 'translated'), externalFolder: null, language: 'en' }
    const listed = await loadContent({ ...options, playlist: ['hand-washing'] })
    expect(listed.notInPlaylist).toEqual([{ id: 'flu-vaccine', title: 'The Flu Vaccine', file: 'en/flu-vaccine.md' }])
    expect((await loadContent({ ...options, playlist: [] })).notInPlaylist).toEqual([])
  })

  it('uses an external content folder over the bundled one', async () => {
    const state = await loadContent({
      bundledFolder: bundled,
      externalFolder: join(fixtures, 'playlist'),
      language: 'en',
      playlist: []
    })
    expect(state.source.kind).toBe('folder')
    expect(state.root).toBe(join(fixtures, 'playlist'))
    expect(state.playlist.articles).toHaveLength(2)
  })

  it('falls back to the bundled articles when the external folder is missing and no copy of it exists', async () => {
    const missing = join(scratch, 'usb-stick-gone')
    const state = await loadContent({ bundledFolder: bundled, externalFolder: missing, language: 'en', playlist: [] })
    expect(state.source).toMatchObject({ kind: 'bundled', reason: 'folder-away-no-copy' })
    expect(state.playlist.articles.map((article) => article.id)).toEqual(['baclofen-piriformis-syndrome'])
    expect(state.problems).toContainEqual({
      file: missing,
      line: 0,
      message: 'content folder cannot be reached: it is not there (a network share away, or a stick pulled out?)'
    })
  })

  it('falls back to the bundled articles when the external folder has nothing valid and no copy exists', async () => {
    await cp(join(fixtures, 'broken/raw-html.md'), join(scratch, 'raw-html.md'))
    const state = await loadContent({ bundledFolder: bundled, externalFolder: scratch, language: 'en', playlist: [] })
    expect(state.source).toMatchObject({ kind: 'bundled', reason: 'folder-away-no-copy' })
    expect(state.problems).toContainEqual({
      file: join(scratch, 'raw-html.md'),
      line: 14,
      message: 'raw HTML is not allowed in articles'
    })
    expect(state.problems).toContainEqual(
      expect.objectContaining({ file: scratch, message: 'no valid articles to show here' })
    )
  })

  it('still shows the bundled articles when a playlist made for other content names none of them', async () => {
    const state = await loadContent({
      bundledFolder: bundled,
      externalFolder: null,
      language: 'en',
      playlist: ['only-elsewhere']
    })
    expect(state.playlist.articles).toHaveLength(1)
    expect(state.problems).toHaveLength(1)
  })

  const ids = (articles: Array<{ id: string; language: string }>) =>
    articles.map((article) => `${article.language}/${article.id}`)

  it('adds the translations of the shown articles, from the same folder, and keeps the playlist to one language', async () => {
    const state = await loadContent({
      bundledFolder: join(fixtures, 'translated'),
      externalFolder: null,
      language: 'en',
      playlist: []
    })
    expect(ids(state.playlist.articles)).toEqual(['en/flu-vaccine', 'en/hand-washing'])
    expect(ids(state.playlist.translations)).toEqual(['es/hand-washing'])
    expect(state.problems).toEqual([])
  })

  it('offers no translation of an article the playlist leaves out, and reports nothing about it', async () => {
    const state = await loadContent({
      bundledFolder: join(fixtures, 'translated'),
      externalFolder: null,
      language: 'en',
      playlist: ['flu-vaccine']
    })
    expect(ids(state.playlist.articles)).toEqual(['en/flu-vaccine'])
    expect(state.playlist.translations).toEqual([])
    expect(state.problems).toEqual([])
  })

  it('turns around when the kiosk language is Spanish: the English text becomes the translation', async () => {
    const state = await loadContent({
      bundledFolder: join(fixtures, 'translated'),
      externalFolder: null,
      language: 'es',
      playlist: []
    })
    expect(ids(state.playlist.articles)).toEqual(['es/hand-washing'])
    expect(ids(state.playlist.translations)).toEqual(['en/hand-washing'])
  })

  it('takes translations only from the folder the articles came from', async () => {
    const external = await loadContent({
      bundledFolder: join(fixtures, 'translated'),
      externalFolder: join(fixtures, 'playlist'),
      language: 'en',
      playlist: []
    })
    expect(external.source.kind).toBe('folder')
    expect(external.playlist.translations).toEqual([])
    const fallback = await loadContent({
      bundledFolder: join(fixtures, 'translated'),
      externalFolder: join(scratch, 'usb-stick-gone'),
      language: 'en',
      playlist: []
    })
    expect(fallback.source.kind).toBe('bundled')
    expect(fallback.playlist.translations.map((article) => article.file)).toEqual(['es/hand-washing.md'])
  })

  it('accepts feedback naming a section of any language version of a shown article, and nothing else', async () => {
    const { playlist } = await loadContent({
      bundledFolder: join(fixtures, 'translated'),
      externalFolder: null,
      language: 'en',
      playlist: ['hand-washing']
    })
    expect(isShownSection(playlist, 'hand-washing', null)).toBe(true)
    expect(isShownSection(playlist, 'hand-washing', 'when-to-wash')).toBe(true)
    expect(isShownSection(playlist, 'hand-washing', 'cuando-lavarse-las-manos')).toBe(true)
    expect(isShownSection(playlist, 'hand-washing', 'what-it-does')).toBe(false)
    expect(isShownSection(playlist, 'flu-vaccine', null)).toBe(false)
    const english = await loadContent({
      bundledFolder: join(fixtures, 'translated'),
      externalFolder: null,
      language: 'en',
      playlist: ['flu-vaccine']
    })
    expect(isShownSection(english.playlist, 'hand-washing', 'cuando-lavarse-las-manos')).toBe(false)
  })
})
