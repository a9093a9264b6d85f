import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copyWithOneFsync } from '../../../bench/copy-floor'

describe("the export benchmark's floor, a copy with one fsync", () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-bench-copy-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('copies every byte, across several 1 MB pieces, and says how many', async () => {
    const bytes = randomBytes(2.5 * 1024 * 1024)
    await writeFile(join(folder, 'source'), bytes)
    expect(await copyWithOneFsync(join(folder, 'source'), join(folder, 'copy'))).toBe(bytes.length)
    expect((await readFile(join(folder, 'copy'))).equals(bytes)).toBe(true)
  })

  it('never writes over a file already there', async () => {
    await writeFile(join(folder, 'source'), 'new')
    await writeFile(join(folder, 'copy'), 'kept')
    await expect(copyWithOneFsync(join(folder, 'source'), join(folder, 'copy'))).rejects.toThrow(/EEXIST/)
    expect(await readFile(join(folder, 'copy'), 'utf8')).toBe('kept')
  })
})
