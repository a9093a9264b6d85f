import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importHtml } from '../../../../src/main/content/importers/html-importer'
import { contentLimits } from '../../../../src/main/content/content-limits'

/** A 1×1 PNG, as an editor saves it. */
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64'
)
const text = 'Lie on your back and pull one knee towards your chest, then hold it there for thirty seconds.'

/** A page saved "complete", with one picture per `src`, each described by its alt text. */
const page = (pictures: Array<[src: string, alt: string]>) =>
  `<html lang="en"><body><article><h1>Stretches</h1><h2>Hip stretch</h2><p>${text}</p>${pictures
    .map(([src, alt]) => `<p><img src="${src}" alt="${alt}"></p>`)
    .join('')}</article></body></html>`

// Generous: the first import loads the extraction libraries, which takes seconds on a busy two-core machine.
describe("pictures of a saved web page that lead out of the page's folder", { timeout: 60_000 }, () => {
  let scratch: string
  let saved: string
  let secret: string
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kiosk-import-pictures-'))
    saved = join(scratch, 'saved')
    secret = join(scratch, 'secret.png')
    await mkdir(join(saved, 'stretches_files'), { recursive: true })
    await writeFile(join(saved, 'stretches_files', 'hip.png'), onePixelPng)
    await writeFile(secret, onePixelPng)
  })
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  const importPage = (pictures: Array<[string, string]>) =>
    importHtml(Buffer.from(page(pictures)), join(saved, 'stretches.html'))

  it.each([
    ['a "../" path', () => '../secret.png'],
    ['a file: address', () => pathToFileURL(secret).href],
    ['an absolute path', () => secret]
  ])('leaves out a picture given as %s outside the folder, naming it', (_, src) => {
    const article = importPage([[src(), 'A private picture']])
    expect(article.images).toEqual([])
    expect(article.notes.join(' ')).toContain(
      'The picture "A private picture" is outside the folder the page was saved in and was left out'
    )
  })

  it('leaves out a picture in the page folder that is a link to a file outside it', async () => {
    await symlink(secret, join(saved, 'stretches_files', 'linked.png'))
    const article = importPage([['stretches_files/linked.png', 'A linked picture']])
    expect(article.images).toEqual([])
    expect(article.notes.join(' ')).toContain(
      'The picture "A linked picture" is a link to somewhere outside the folder the page was saved in and was left out'
    )
  })

  it('keeps pictures saved with the page, by a relative path or by a file: address inside its folder', () => {
    const article = importPage([
      ['stretches_files/hip.png', 'A hip stretch'],
      [pathToFileURL(join(saved, 'stretches_files', 'hip.png')).href, 'The same stretch']
    ])
    expect(article.images.map((image) => image.name)).toEqual(['hip.png', 'hip-2.png'])
  })

  it('leaves out a picture saved with the page that is larger than a picture may be, before reading it', async () => {
    await writeFile(join(saved, 'stretches_files', 'poster.png'), onePixelPng)
    // A sparse file: as large as it says, without writing its bytes.
    await truncate(join(saved, 'stretches_files', 'poster.png'), contentLimits.imageBytes + 1)
    const article = importPage([['stretches_files/poster.png', 'A poster']])
    expect(article.images).toEqual([])
    expect(article.notes.join(' ')).toContain('The picture "A poster" is 8.0 MB, more than the 8 MB a picture may be')
  })
})
