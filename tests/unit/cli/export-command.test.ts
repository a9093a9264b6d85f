import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { exitCodes, runCli } from '../../../src/main/cli/cli'
import { stationFileLabel } from '../../../src/main/export/exporter'
import { parseCliArguments } from '../../../src/main/cli/cli-arguments'
import type { KioskCore } from '../../../src/main/kiosk/kiosk-core'
import { feedbackRecord } from '../support/records'
import { startTestCore } from '../support/test-core'

vi.mock('electron', () => ({ default: {} }))

// What a nightly scheduled task relies on: each run exports what is new, and a night with nothing new is a success.
describe('--export for scheduled scripts', () => {
  let data: string
  let out: string
  let core: KioskCore
  const lines: string[] = []

  beforeEach(async () => {
    lines.length = 0
    data = await mkdtemp(join(tmpdir(), 'kiosk-cli-data-'))
    out = await mkdtemp(join(tmpdir(), 'kiosk-cli-out-'))
    core = await startTestCore(data, { stationLabel: 'Front' })
    for (const day of ['2026-10-30', '2026-11-02']) {
      await core.feedbackStore.append(feedbackRecord({ station: 'Front', time: `${day}T08:00:00.000Z` }))
    }
  })
  afterEach(async () => {
    await rm(data, { recursive: true, force: true })
    await rm(out, { recursive: true, force: true })
  })

  const run = (argv: string[], ownsData = true) => {
    const command = parseCliArguments(argv)
    if (command.kind === 'none') throw new Error('no command')
    return runCli(
      command,
      async () => core,
      ownsData,
      (line) => lines.push(line)
    )
  }
  const exportedIds = async (name: string) =>
    (JSON.parse(await readFile(join(out, name), 'utf8')) as { records: Array<{ id: string }> }).records.map(
      (record) => record.id
    )
  const dataFiles = async () => (await readdir(out)).filter((name) => !name.endsWith('.manifest.json')).sort()

  it('exports only what is not yet exported, so the second night holds only the new record', async () => {
    expect(await run(['--export', out, '--format', 'json'])).toBe(exitCodes.ok)
    expect(lines.at(-1)).toContain('Exported 2 records')
    await core.feedbackStore.append(feedbackRecord({ station: 'Front', time: '2026-11-03T08:00:00.000Z' }))
    expect(await run(['--export', out, '--format', 'json'])).toBe(exitCodes.ok)
    expect(lines.at(-1)).toContain('Exported 1 records')
    const [first, second] = await dataFiles()
    expect(first).toBe(`feedback_${stationFileLabel('Front')}_2026-10-30_2026-11-02.json`)
    expect(second).toBe(`feedback_${stationFileLabel('Front')}_2026-11-03_2026-11-03.json`)
    expect(await exportedIds(second ?? '')).toHaveLength(1)
    expect(await exportedIds(first ?? '')).not.toContain((await exportedIds(second ?? ''))[0])
  })

  it('calls a night with nothing new a success with 0 records, and writes no empty file', async () => {
    expect(await run(['--export', out])).toBe(exitCodes.ok)
    const before = await readdir(out)
    expect(await run(['--export', out])).toBe(exitCodes.ok)
    expect(lines.at(-1)).toBe('Exported 0 records: nothing new since the last export. No file was written.')
    expect(await readdir(out)).toEqual(before)
  })

  it('still fails with exit code 1 when the folder is away, even with nothing new to export', async () => {
    expect(await run(['--export', out])).toBe(exitCodes.ok)
    expect(await run(['--export', join(out, 'unplugged')])).toBe(exitCodes.failed)
    expect(lines.at(-1)).toContain('folder-missing')
  })

  it('exports everything again with --all, and everything from a day on with --since', async () => {
    expect(await run(['--export', out, '--format', 'json'])).toBe(exitCodes.ok)
    await rm(out, { recursive: true, force: true })
    out = await mkdtemp(join(tmpdir(), 'kiosk-cli-out-'))
    expect(await run(['--export', out, '--format', 'json', '--all'])).toBe(exitCodes.ok)
    expect(lines.at(-1)).toContain('Exported 2 records')
    expect(await run(['--export', out, '--since', '2027-01-01'])).toBe(exitCodes.ok)
    expect(lines.at(-1)).toBe('Exported 0 records: there are none in that range. No file was written.')
    expect(await run(['--export', out, '--format', 'csv', '--since', '2026-11-01'])).toBe(exitCodes.ok)
    expect(lines.at(-1)).toContain('Exported 1 records')
  })

  const visit = (articleId: string, sectionId: string) =>
    core.engagementStore.add({
      articleId,
      visits: 1,
      finished: 0,
      feedback: 0,
      sections: [{ sectionId, reached: 1, shown: 1, time: [1, 0, 0, 0] }]
    })
  const engagementDays = async () => {
    const name = (await readdir(out)).find((file) => file.startsWith('engagement_') && file.endsWith('.json'))
    if (!name) return []
    const rows = (JSON.parse(await readFile(join(out, name), 'utf8')) as { records: Array<{ day: string }> }).records
    return [...new Set(rows.map((row) => row.day))].sort()
  }

  it('exports pending engagement days on a night with no new feedback, as docs/EXPORT.md says', async () => {
    expect(await run(['--export', out])).toBe(exitCodes.ok)
    await rm(out, { recursive: true, force: true })
    out = await mkdtemp(join(tmpdir(), 'kiosk-cli-out-'))
    visit('baclofen-piriformis-syndrome', 'understanding-piriformis-syndrome')
    expect(await run(['--export', out, '--format', 'json'])).toBe(exitCodes.ok)
    expect(lines.at(-1)).toContain('Exported 0 records')
    expect(lines.at(-1)).toContain('engagement')
    expect((await readdir(out)).some((name) => name.startsWith('engagement_'))).toBe(true)
    expect(await engagementDays()).toHaveLength(1)
  })

  it('limits the engagement export to the days from --since on, as it limits the feedback', async () => {
    const days = ['2026-10-30', '2026-11-02']
    for (const day of days) {
      const dayCore = await startTestCore(data, { stationLabel: 'Front' }, { now: () => new Date(`${day}T12:00:00`) })
      dayCore.engagementStore.add({
        articleId: 'baclofen-piriformis-syndrome',
        visits: 1,
        finished: 0,
        feedback: 0,
        sections: [{ sectionId: 'understanding-piriformis-syndrome', reached: 1, shown: 1, time: [1, 0, 0, 0] }]
      })
      dayCore.stop()
    }
    core.stop()
    core = await startTestCore(data, { stationLabel: 'Front' })
    expect(await run(['--export', out, '--format', 'json', '--since', '2026-11-01'])).toBe(exitCodes.ok)
    expect(await engagementDays()).toEqual(['2026-11-02'])
  })

  it('while the kiosk runs, marks nothing and says the next run exports the same records again', async () => {
    expect(await run(['--export', out], false)).toBe(exitCodes.ok)
    expect(lines.at(-1)).toContain('the next --export includes them again')
    expect(await core.feedbackStore.unexportedRecords()).toHaveLength(2)
  })
})
