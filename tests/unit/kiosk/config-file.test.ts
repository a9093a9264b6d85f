import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/shared/config'
import { readConfigFile } from '../../../src/main/kiosk/config-file'

describe('config file', () => {
  let folder: string
  const configFile = () => join(folder, 'config.json')
  const read = async (text: string) => {
    await writeFile(configFile(), text)
    return readConfigFile(configFile())
  }
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-config-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('uses the defaults, without complaint, when there is no file', async () => {
    expect(await readConfigFile(configFile())).toEqual({ config: defaultConfig(), problems: [] })
  })

  it('reads a file saved by Notepad with a byte-order mark', async () => {
    expect((await read('\uFEFF{"idleSeconds": 120}')).config.idleSeconds).toBe(120)
  })

  it('accepts comments and trailing commas, as VS Code settings do', async () => {
    const outcome = await read(
      [
        '{',
        '  // Clinic B, front desk screen',
        '  "idleSeconds": 90, /* longer for older patients */',
        '  "playlist": ["flu-vaccine", "knee-pain",],',
        '}'
      ].join('\n')
    )
    expect(outcome.problems).toEqual([])
    expect(outcome.config.idleSeconds).toBe(90)
    expect(outcome.config.playlist).toEqual(['flu-vaccine', 'knee-pain'])
  })

  it('accepts Windows paths written with forward slashes', async () => {
    const outcome = await read(
      JSON.stringify({
        contentFolder: 'C:/KioskContent',
        exportFolder: '//clinic-server/kiosk',
        scheduledExport: { folder: 'E:/', time: '18:30' }
      })
    )
    expect(outcome.problems).toEqual([])
    expect(outcome.config.contentFolder).toBe('C:/KioskContent')
    expect(outcome.config.exportFolder).toBe('//clinic-server/kiosk')
    expect(outcome.config.scheduledExport?.folder).toBe('E:/')
  })

  it('explains a single backslash with its line and column, and keeps every other key', async () => {
    const outcome = await read(
      ['{', '  "idleSeconds": 90,', '  "contentFolder": "C:\\KioskContent",', '  "stationLabel": "Room 2"', '}'].join(
        '\n'
      )
    )
    expect(outcome.config.idleSeconds).toBe(90)
    expect(outcome.config.stationLabel).toBe('Room 2')
    expect(outcome.config.contentFolder).toBeNull()
    expect(outcome.problems).toEqual([
      {
        key: 'contentFolder',
        message:
          'line 3, column 20: "C:\\KioskContent" has a single backslash (\\), which config.json cannot hold. ' +
          'Write the path as "C:/KioskContent" or "C:\\\\KioskContent". Until then contentFolder keeps its default (null).'
      }
    ])
  })

  it('explains a backslash that happens to make a tab or a line break', async () => {
    const outcome = await read('{\n  "contentFolder": "C:\\new\\texts"\n}')
    expect(outcome.config.contentFolder).toBeNull()
    expect(outcome.problems).toEqual([
      {
        key: 'contentFolder',
        message:
          'line 2, column 20: "C:\\new\\texts" has a single backslash (\\), which config.json cannot hold. ' +
          'Write the path as "C:/new/texts" or "C:\\\\new\\\\texts". Until then contentFolder keeps its default (null).'
      }
    ])
  })

  it('keeps reading past a missing comma, and says where it is', async () => {
    const outcome = await read('{\n  "idleSeconds": 90\n  "stationLabel": "Room 2"\n}')
    expect(outcome.config).toMatchObject({ idleSeconds: 90, stationLabel: 'Room 2' })
    expect(outcome.problems).toEqual([
      {
        key: '(file)',
        message: 'line 3, column 3: a comma (,) is missing before this. The settings around it were still read.'
      }
    ])
  })

  it('explains curly quotes typed by Word, and keeps the keys written with straight ones', async () => {
    const outcome = await read('{\n  “idleSeconds”: 90,\n  "stationLabel": "Room 2"\n}')
    expect(outcome.config).toMatchObject({ idleSeconds: defaultConfig().idleSeconds, stationLabel: 'Room 2' })
    expect(outcome.problems[0]).toEqual({
      key: '(file)',
      message:
        'line 2, column 3: “idleSeconds” has curly quotes (“ ” or ‘ ’), as Word and some editors type them; ' +
        'config.json needs straight quotes ("). That setting is ignored until then.'
    })
  })

  it('explains keys without quotes, and ignores only what it cannot read', async () => {
    const outcome = await read('{ idleSeconds: 120, "stationLabel": "Room 2" }')
    expect(outcome.config.idleSeconds).toBe(defaultConfig().idleSeconds)
    expect(outcome.config.stationLabel).toBe('Room 2')
    expect(outcome.problems[0]).toEqual({
      key: '(file)',
      message:
        'line 1, column 3: idleSeconds needs double quotes around it: "idleSeconds". That setting is ignored until then.'
    })
  })

  it('names the line and column of a value that is wrong', async () => {
    const outcome = await read('{\n  "stationLabel": "Room 2",\n  "idleSeconds": "soon"\n}')
    expect(outcome.problems).toEqual([
      { key: 'idleSeconds', message: 'Invalid input: expected number, received string (line 3, column 3)' }
    ])
  })

  it('says when a key is written twice, and which one counts', async () => {
    const outcome = await read('{\n  "idleSeconds": 90,\n  "idleSeconds": 120\n}')
    expect(outcome.config.idleSeconds).toBe(120)
    expect(outcome.problems).toEqual([
      { key: 'idleSeconds', message: 'written twice (lines 2 and 3); the last one counts' }
    ])
  })

  it('says an empty file is empty', async () => {
    const outcome = await read('  \n')
    expect(outcome.config).toEqual(defaultConfig())
    expect(outcome.problems).toEqual([{ key: '(file)', message: 'the file is empty; every setting is at its default' }])
  })

  it('refuses a file that is a list, not a set of settings', async () => {
    const outcome = await read('["idleSeconds", 90]')
    expect(outcome.config).toEqual(defaultConfig())
    expect(outcome.problems).toEqual([
      { key: '(file)', message: 'line 1, column 1: the config must be one { … } holding the settings' }
    ])
  })

  it('reports a config path that is a folder', async () => {
    const outcome = await readConfigFile(folder)
    expect(outcome.config).toEqual(defaultConfig())
    expect(outcome.problems[0]?.message).toContain('cannot read')
  })

  it('says so when Notepad saved the file as config.json.txt', async () => {
    await writeFile(join(folder, 'config.json.txt'), '{"idleSeconds": 90}')
    const outcome = await readConfigFile(configFile())
    expect(outcome.config).toEqual(defaultConfig())
    expect(outcome.problems).toEqual([
      {
        key: '(file)',
        message:
          `there is no config.json in ${folder}, but there is config.json.txt, which the kiosk does not read. ` +
          'Rename it to config.json (in File Explorer, turn on View › Show › File name extensions to see the ".txt"). ' +
          'Until then every setting is at its default.'
      }
    ])
  })

  it('says so when the name differs only in capitals, or is config.txt', async () => {
    await writeFile(join(folder, 'Config.JSON'), '{}')
    await writeFile(join(folder, 'config.txt'), '{}')
    await mkdir(join(folder, 'config.json.d'))
    const messages = (await readConfigFile(configFile())).problems.map((problem) => problem.message)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('but there is Config.JSON and config.txt, which the kiosk does not read')
  })

  it('says a look-alike is ignored when config.json is there too', async () => {
    await writeFile(configFile(), '{"idleSeconds": 90}')
    await writeFile(join(folder, 'config.json.txt'), '{"idleSeconds": 30}')
    const outcome = await readConfigFile(configFile())
    expect(outcome.config.idleSeconds).toBe(90)
    expect(outcome.problems).toEqual([
      { key: '(file)', message: `config.json.txt is also in ${folder} and is ignored: only config.json is read` }
    ])
  })
})
