import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { processReadings } from '../../../src/main/staff/machine-health'

describe('machine readings for data health', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-machine-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('reads the space left on the data folder’s drive, and says it cannot tell for a folder that is away', async () => {
    const free = await processReadings.diskFreeBytes(folder)
    expect(free).toEqual(expect.any(Number))
    expect(free).toBeGreaterThan(0)
    expect(await processReadings.diskFreeBytes(join(folder, 'unplugged'))).toBeNull()
  })

  it('reads this process’s memory and time running', () => {
    expect(processReadings.memoryBytes()).toBeGreaterThan(1_000_000)
    expect(processReadings.uptimeSeconds()).toBeGreaterThan(0)
  })
})
