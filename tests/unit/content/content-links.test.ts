import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { realpathSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copyArticles } from '../../../src/main/content/content-copy'
import { loadContentFolder } from '../../../src/main/content/content-library'
import { contentFolderOn } from '../../../src/main/content/content-pack'
import { followInside, isInside } from '../../../src/main/content/content-links'

const fixtures = resolve(import.meta.dirname, '../../fixtures/content')

/** A 1×1 PNG, as an editor saves it. */
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64'
)

const frontMatter = (id: string) =>
  ['---', `id: ${id}`, `title: "Linked ${id}"`, 'language: en', 'summary: "A short summary."', 'owner: "Tests"',
    'reviewed: 2026-01-10', 'nextReview: 2027-01-10', 'source: "Written for the tests."', '---', ''].join('\n')
const withPicture = (id: string, src: string) => `${frontMatter(id)}## Look\n\nA picture follows.\n\n![What it shows](${src})\n`

// Links are what a stick or a share can hold; on Windows a junction reads as one too (lstat calls it a link).
describe('links in a content folder', () => {
  let scratch: string
  let folder: string
  let outside: string
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-links-'))
    folder = join(scratch, 'content')
    outside = join(scratch, 'elsewhere')
    await mkdir(join(folder, 'en/images'), { recursive: true })
    await mkdir(outside, { recursive: true })
    await writeFile(join(outside, 'secret.png'), onePixelPng)
    await cp(join(fixtures, 'playlist/en/drinking-water.md'), join(outside, 'outside.md'))
  })
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('refuses a picture that is a link to a file outside the folder, naming it', async () => {
    await symlink(join(outside, 'secret.png'), join(folder, 'en/images/photo.png'))
    await writeFile(join(folder, 'en/photo.md'), withPicture('photo', 'images/photo.png'))
    const content = await loadContentFolder(folder)
    expect(content.articles).toEqual([])
    expect(content.problems).toEqual([
      { file: 'en/images/photo.png', line: 0, message: expect.stringMatching(/^is a link to somewhere outside the content folder/) },
      { file: 'en/photo.md', line: 15, message: expect.stringMatching(/^image "images\/photo\.png" is a link to somewhere outside the content folder/) }
    ])
  })

  it('refuses a picture reached through a linked folder that leads outside', async () => {
    await symlink(outside, join(folder, 'en/pictures'), 'dir')
    await writeFile(join(folder, 'en/photo.md'), withPicture('photo', 'pictures/secret.png'))
    const content = await loadContentFolder(folder)
    expect(content.articles).toEqual([])
    expect(content.problems).toContainEqual(
      { file: 'en/photo.md', line: 15, message: expect.stringMatching(/^image "pictures\/secret\.png" is a link to somewhere outside/) }
    )
  })

  it('refuses an article that is a link to a file outside the folder (or to nothing there), by its name', async () => {
    await symlink(join(outside, 'outside.md'), join(folder, 'en/linked.md'))
    const content = await loadContentFolder(folder)
    expect(content.articles).toEqual([])
    expect(content.files).toEqual([])
    expect(content.problems).toEqual([
      { file: 'en/linked.md', line: 0, message: expect.stringMatching(/^is a link to somewhere outside the content folder/) }
    ])
  })

  it('refuses a folder that is a link to somewhere outside, and reads nothing in it', async () => {
    await symlink(outside, join(folder, 'en/more'), 'dir')
    const content = await loadContentFolder(folder)
    expect(content.files).toEqual([])
    expect(content.problems).toEqual([
      { file: 'en/more', line: 0, message: expect.stringMatching(/^is a link to somewhere outside the content folder/) }
    ])
  })

  it('never takes a link for the content folder at the top of a stick, and names it', async () => {
    const stick = join(scratch, 'stick')
    await mkdir(stick)
    await cp(join(fixtures, 'playlist/en'), join(outside, 'content/en'), { recursive: true })
    await symlink(join(outside, 'content'), join(stick, 'content'), 'dir')
    expect(await contentFolderOn(stick)).toBe(stick)
    const content = await loadContentFolder(stick)
    expect(content.articles).toEqual([])
    expect(content.problems).toEqual([
      { file: 'content', line: 0, message: expect.stringMatching(/^is a link to somewhere outside the content folder/) }
    ])
  })

  it('refuses a link whose target is gone, by its name', async () => {
    await symlink(join(folder, 'en/moved.md'), join(folder, 'en/gone.md'))
    const content = await loadContentFolder(folder)
    expect(content.problems).toEqual([
      { file: 'en/gone.md', line: 0, message: expect.stringMatching(/^is a link to something that is not there/) }
    ])
  })

  it('reads a link that stays inside the folder, and copies the file itself rather than the link', async () => {
    await writeFile(join(folder, 'en/images/real.png'), onePixelPng)
    await symlink(join(folder, 'en/images/real.png'), join(folder, 'en/images/same.png'))
    await cp(join(fixtures, 'playlist/en/drinking-water.md'), join(folder, 'en/drinking-water.md'))
    await symlink(join(folder, 'en/drinking-water.md'), join(folder, 'en/water.md'))
    await writeFile(join(folder, 'en/photo.md'), withPicture('photo', 'images/same.png'))
    const content = await loadContentFolder(folder)
    // The linked article is read, and shares its id with the file it names: both are refused as duplicates.
    expect(content.files).toEqual(['en/drinking-water.md', 'en/photo.md', 'en/water.md'])
    expect(content.articles.map((article) => article.id)).toEqual(['photo'])
    const copy = join(scratch, 'copy')
    await copyArticles(content.articles.map((article) => ({ article, root: folder })), copy)
    expect(await readFile(join(copy, 'en/images/same.png'))).toEqual(onePixelPng)
    expect((await readdir(join(copy, 'en/images'), { withFileTypes: true }))[0]?.isFile()).toBe(true)
  })

  it('refuses a folder that is a link even when it stays inside, as it could loop or show a folder twice', async () => {
    await cp(join(fixtures, 'playlist/en/drinking-water.md'), join(folder, 'en/drinking-water.md'))
    await symlink(folder, join(folder, 'en/loop'), 'dir')
    const content = await loadContentFolder(folder)
    expect(content.files).toEqual(['en/drinking-water.md'])
    expect(content.problems).toEqual([
      { file: 'en/loop', line: 0, message: expect.stringMatching(/^is a link to a folder, which the kiosk does not follow/) }
    ])
  })
})

describe('following links inside a folder', () => {
  let scratch: string
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-links-property-'))
  })
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  // Names a link can point to: the folder's own files and sub-folder, its parent, and itself, written any way.
  const targets = ['a.png', 'sub', 'sub/b.png', '..', '../outside.png', '.', 'c.png', 'sub/../a.png', '../content/a.png']

  it('never calls a path a file inside unless the system resolves it there, whatever links lie on the way', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('c.png', 'sub/d.png', 'e', 'sub/f'), fc.constantFrom(...targets), fc.boolean()), {
          maxLength: 5
        }),
        fc.constantFrom('a.png', 'c.png', 'sub/b.png', 'sub/d.png', 'e/b.png', 'sub/f/b.png', 'e/sub/b.png'),
        async (links, asked) => {
          run += 1
          const root = join(scratch, String(run), 'content')
          await mkdir(join(root, 'sub'), { recursive: true })
          await writeFile(join(root, 'a.png'), onePixelPng)
          await writeFile(join(root, 'sub/b.png'), onePixelPng)
          await writeFile(join(root, '../outside.png'), onePixelPng)
          for (const [name, target, absolute] of links) {
            const path = join(root, name)
            await symlink(absolute ? resolve(dirname(path), target) : target, path).catch(() => {})
          }
          const found = followInside(root, join(root, asked))
          let real: string | null
          try {
            real = realpathSync(join(root, asked))
          } catch {
            real = null
          }
          if ('kind' in found && found.kind === 'file') {
            expect(real).not.toBeNull()
            expect(isInside(realpathSync(root), real ?? '')).toBe(true)
          }
          if (real !== null && isInside(realpathSync(root), real) && statSync(real).isFile()) expect(found).toMatchObject({ kind: 'file' })
        }
      ),
      { numRuns: 150 }
    )
  })
})
