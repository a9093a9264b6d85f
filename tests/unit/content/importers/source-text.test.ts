import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importArticle } from '../../../../src/main/content/importers/import-article'
import { declaredHtmlCharset, decodeSourceText } from '../../../../src/main/content/importers/source-text'
import { articleTexts, fillIn, parseDraft } from '../../support/drafts'

const spanish = 'Lávese las manos a menudo y cúbrase la boca con el codo al toser. ¿Tiene fiebre? Señal de gripe.'

function utf16(text: string, order: 'le' | 'be', mark: boolean): Buffer {
  const little = Buffer.from(text, 'utf16le')
  const bytes = order === 'le' ? little : Buffer.from(little.map((_byte, index) => little[index ^ 1] ?? 0))
  return Buffer.concat([mark ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), bytes])
}

describe('reading a source in any common encoding', () => {
  it.each([
    ['UTF-8', Buffer.from(spanish, 'utf8'), 'utf-8'],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(spanish)]), 'utf-8'],
    ['UTF-16LE with a byte order mark', utf16(spanish, 'le', true), 'utf-16le'],
    ['UTF-16BE with a byte order mark', utf16(spanish, 'be', true), 'utf-16be'],
    ['UTF-16LE without one', utf16(spanish, 'le', false), 'utf-16le'],
    ['Latin-1 from an old editor', Buffer.from(spanish, 'latin1'), 'windows-1252']
  ])('decodes %s to the same text, never with U+FFFD', (_name, bytes, encoding) => {
    const decoded = decodeSourceText(bytes)
    expect(decoded).toEqual({ text: spanish, encoding })
  })

  it('reads Windows-1252 punctuation (curly quotes, dashes) that Latin-1 lacks', () => {
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35])
    expect(decodeSourceText(bytes).text).toBe('“Hi” – €5')
  })

  it('follows the charset a page declares when its bytes are not UTF-8', () => {
    const page = Buffer.from('<html><head><meta charset="iso-8859-15"></head><body>Precio: 5 ¤</body></html>', 'latin1')
    expect(declaredHtmlCharset(page)).toBe('iso-8859-15')
    expect(decodeSourceText(page, declaredHtmlCharset(page)).text).toContain('Precio: 5 €')
    const older = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', 'latin1')
    expect(declaredHtmlCharset(older)).toBe('windows-1252')
  })

  it('reads a page that says ISO-8859-1 as windows-1252, as browsers do', () => {
    const page = Buffer.concat([Buffer.from('<meta charset="ISO-8859-1"><p>'), Buffer.from([0x93, 0x4f, 0x4b, 0x94])])
    expect(decodeSourceText(page, declaredHtmlCharset(page))).toMatchObject({ text: expect.stringContaining('“OK”') })
  })

  it('trusts valid UTF-8 over a stale declaration', () => {
    const page = Buffer.from('<meta charset="windows-1252"><p>Cuándo pedir ayuda</p>', 'utf8')
    expect(decodeSourceText(page, declaredHtmlCharset(page)).text).toContain('Cuándo pedir ayuda')
  })
})

// Generous: the first import loads the extraction libraries, which takes seconds on a busy two-core machine.
describe('importing sources that are not UTF-8', { timeout: 60_000 }, () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-import-encoding-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('imports a Latin-1 web page with its accented letters intact and writes the draft as UTF-8', async () => {
    const page = (await readFile(resolve(import.meta.dirname, '../../../fixtures/import/gripe-pagina.html'), 'utf8'))
      .replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
      .replace(' · ', ' - ')
    await writeFile(join(folder, 'gripe.html'), Buffer.from(page, 'latin1'))
    const draft = await importArticle(join(folder, 'gripe.html'), join(folder, 'out'), '2026-12-03')
    const bytes = await readFile(draft.file)
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toContain('\uFFFD')
    const article = (await parseDraft(draft.file, fillIn)).article
    expect(article?.title).toBe('La gripe: cómo cuidarse en casa')
    expect(articleTexts(article!)).toContain('Lávese las manos a menudo y cúbrase la boca con el codo al toser.')
  })

  it('imports a flattened page saved as UTF-16 by Notepad', async () => {
    const lines = [
      'Cuidados de la Gripe',
      '¿Cómo se contagia?',
      'El virus pasa de una persona a otra por las gotitas que salen al toser, estornudar o hablar.',
      'Cuándo pedir ayuda',
      'Llame al centro de salud si le cuesta respirar o si la fiebre dura más de tres días.'
    ]
    await writeFile(join(folder, 'gripe.txt'), utf16(lines.join('\r\n'), 'le', true))
    const draft = await importArticle(join(folder, 'gripe.txt'), join(folder, 'out'), '2026-12-03')
    const article = (await parseDraft(draft.file, fillIn)).article
    expect(article?.language).toBe('es')
    expect(article?.title).toBe('Cuidados de la Gripe')
    expect(articleTexts(article!)).toEqual(lines.slice(1))
    expect(await readFile(draft.file, 'utf8')).not.toContain('\uFFFD')
  })
})
