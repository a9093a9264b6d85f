import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exitCodes, runCli } from '../../../src/main/cli/cli'
import { needsKioskData, parseCliArguments } from '../../../src/main/cli/cli-arguments'
import { checkContent, formatContentCheck } from '../../../src/main/content/content-check'
import type { KioskCore } from '../../../src/main/kiosk/kiosk-core'
import { localDay } from '../../../src/shared/local-day'

const bundled = resolve(import.meta.dirname, '../../../content')
const broken = resolve(import.meta.dirname, '../../fixtures/content/broken')
const seed = resolve(import.meta.dirname, '../../fixtures/seed-000_b1c4c0d8676fce77.txt')
const now = () => new Date(2026, 11, 3, 10, 0)

describe('reading the content commands', () => {
  it('reads --check-content with its folder, written either way', () => {
    expect(parseCliArguments(['--check-content', 'D:\\KioskContent'])).toEqual({
      kind: 'check-content',
      folder: 'D:\\KioskContent'
    })
    expect(parseCliArguments(['--check-content=/srv/content'])).toEqual({
      kind: 'check-content',
      folder: '/srv/content'
    })
  })

  it('reads --import-article with the file and the folder for the draft', () => {
    expect(parseCliArguments(['--import-article', 'leaflet.docx', '--out', 'D:\\KioskContent\\en'])).toEqual({
      kind: 'import-article',
      file: 'leaflet.docx',
      out: 'D:\\KioskContent\\en'
    })
  })

  it.each([
    [['--check-content'], '--check-content needs a content folder'],
    [['--check-content', '--format', 'csv'], '--format, --all and --since go with --export'],
    [['--import-article', 'page.html'], '--import-article needs --out <folder>'],
    [['--import-article', '--out', 'x'], '--import-article needs the file to import'],
    [['--out', 'x'], '--out goes with --import-article'],
    [['--check-content', 'x', '--export', 'y'], 'use one of --export, --check-content at a time']
  ])('explains what is wrong with %j, with the usage', (argv, message) => {
    const command = parseCliArguments(argv)
    expect(command.kind).toBe('error')
    expect(command.kind === 'error' && command.message).toContain(message)
    expect(command.kind === 'error' && command.message).toContain('kiosk --import-article <file> --out <folder>')
  })

  it('opens the data folder only for the commands that work on it', () => {
    expect(needsKioskData(parseCliArguments(['--export', 'E:\\']))).toBe(true)
    expect(needsKioskData(parseCliArguments(['--set-pin', '4829']))).toBe(true)
    expect(needsKioskData(parseCliArguments(['--check-content', 'D:\\KioskContent']))).toBe(false)
    expect(needsKioskData(parseCliArguments(['--import-article', 'a.html', '--out', 'b']))).toBe(false)
  })
})

describe('running the content commands', { timeout: 60_000 }, () => {
  let lines: string[]
  let out: string
  let coreOpened: boolean
  beforeEach(async () => {
    lines = []
    coreOpened = false
    out = await mkdtemp(join(tmpdir(), 'kiosk-cli-content-'))
  })
  afterEach(async () => {
    await rm(out, { recursive: true, force: true })
  })

  // Checking and importing must work on a PC where the kiosk's data folder is missing, locked or in use.
  const openCore = (): Promise<KioskCore> => {
    coreOpened = true
    return Promise.reject(new Error('the kiosk data folder must not be opened'))
  }

  function run(argv: string[]): Promise<number> {
    const command = parseCliArguments(argv)
    if (command.kind === 'none') throw new Error('no command')
    return runCli(command, openCore, false, (line) => lines.push(line), now)
  }

  it('prints the same report as npm run content:check and exits 0 for content the kiosk can show', async () => {
    expect(await run(['--check-content', bundled])).toBe(exitCodes.ok)
    const expected = formatContentCheck(await checkContent([bundled], localDay(now())))
    expect(lines.join('\n')).toBe(expected)
    expect(expected).toContain('baclofen-piriformis-syndrome')
    expect(expected).toMatch(/words {2}grade +\d+\.\d {2}Understanding Piriformis Syndrome/)
    expect(coreOpened).toBe(false)
  })

  it('exits 1 and names each file and line when the kiosk would refuse some content', async () => {
    expect(await run(['--check-content', broken])).toBe(exitCodes.failed)
    const report = lines.join('\n')
    expect(report).toContain(`${join(broken, 'raw-html.md')}:14  raw HTML is not allowed in articles`)
    expect(report).toContain('the kiosk does not show an article with a problem')
    expect(coreOpened).toBe(false)
  })

  it('exits 1 for a folder that is not there', async () => {
    expect(await run(['--check-content', join(out, 'missing')])).toBe(exitCodes.failed)
    expect(lines.join('\n')).toContain(`${join(out, 'missing')}  cannot be read`)
  })

  it('exits 2 with the usage on a mistake, before doing anything', async () => {
    expect(await run(['--import-article', seed])).toBe(exitCodes.usage)
    expect(lines[0]).toContain('Usage:')
    expect(await readdir(out)).toEqual([])
  })

  it('imports an article into a draft, prints what to fill in and how to check it, and exits 0', async () => {
    expect(await run(['--import-article', seed, '--out', out])).toBe(exitCodes.ok)
    expect(await readdir(out)).toEqual(['baclofen-for-piriformis-syndrome.md'])
    const report = lines.join('\n')
    const draft = join(out, 'baclofen-for-piriformis-syndrome.md')
    expect(report).toContain(`Wrote the draft ${draft} (6 sections).`)
    expect(report).toContain(`${draft}:8  "owner" must not be empty`)
    expect(report).toContain(`--check-content "${out}"`)
    expect(await readFile(draft, 'utf8')).toContain(
      'source: "Imported from the text file seed-000_b1c4c0d8676fce77.txt on 2026-12-03'
    )
    expect(coreOpened).toBe(false)
  })

  it('exits 1 with the reason when the file cannot be imported, and writes nothing', async () => {
    expect(await run(['--import-article', join(out, 'gone.html'), '--out', out])).toBe(exitCodes.failed)
    expect(lines[0]).toBe(`Import failed: ${join(out, 'gone.html')} was not found (or is a folder, not a file)`)
    expect(await run(['--import-article', seed, '--out', out])).toBe(exitCodes.ok)
    expect(await run(['--import-article', seed, '--out', out])).toBe(exitCodes.failed)
    expect(lines.at(-1)).toContain('already exists; move it away or choose another folder with --out')
  })
})
