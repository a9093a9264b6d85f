import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/shared/config'
import { readConfigFile } from '../../../src/main/kiosk/config-file'

describe('config file', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-config-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('uses the defaults, without complaint, when there is no file', async () => {
    expect(await readConfigFile(join(folder, 'config.json'))).toEqual({ config: defaultConfig(), problems: [] })
  })

  it('reads a file saved by Notepad with a byte-order mark', async () => {
    await writeFile(join(folder, 'config.json'), '\uFEFF{"idleSeconds": 120}')
    expect((await readConfigFile(join(folder, 'config.json'))).config.idleSeconds).toBe(120)
  })

  it('uses the defaults and says why when the file is not JSON', async () => {
    await writeFile(join(folder, 'config.json'), '{ idleSeconds: 120, }')
    const outcome = await readConfigFile(join(folder, 'config.json'))
    expect(outcome.config).toEqual(defaultConfig())
    expect(outcome.problems[0]?.message).toContain('is not valid JSON')
  })

  it('reports a config path that is a folder', async () => {
    const outcome = await readConfigFile(folder)
    expect(outcome.config).toEqual(defaultConfig())
    expect(outcome.problems[0]?.message).toContain('cannot read')
  })
})
