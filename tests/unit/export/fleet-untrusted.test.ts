import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runFleetReport } from '../../../src/main/cli/fleet-command'
import { writeFleetReport } from '../../../src/main/export/fleet-report'
import { type KioskStatus, statusFormat } from '../../../src/main/kiosk/status-file'
import { feedbackRecord } from '../support/records'

const now = new Date('2026-11-24T15:00:00.000Z')

/** Writes `text` as an export with a manifest that matches it, as anyone who can write the file can. */
export async function writeWithManifest(folder: string, name: string, text: string, records: number): Promise<void> {
  await writeFile(join(folder, name), text)
  const manifest = {
    file: name,
    format: name.endsWith('.json') ? 'json' : 'csv',
    records,
    sha256: createHash('sha256').update(text).digest('hex'),
    range: { from: null, to: null },
    station: 'Room 1',
    exportedAt: now.toISOString()
  }
  await writeFile(join(folder, `${name}.manifest.json`), JSON.stringify(manifest))
}

/** A JSON export document as the exporter writes it. */
export const jsonExport = (format: string, records: unknown[]): string =>
  `${JSON.stringify({ format, version: 1, exportedAt: now.toISOString(), range: { from: null, to: null }, count: records.length, records }, null, 2)}\n`

/** A sound status file of a kiosk. */
export function kioskStatus(station: string): KioskStatus {
  return {
    format: statusFormat.name,
    version: statusFormat.version,
    writtenAt: now.toISOString(),
    station,
    appVersion: '0.1.0',
    uptimeSeconds: 600,
    content: { source: 'folder', since: now.toISOString(), version: 'a1b2c3' },
    records: { held: 3, notExported: 0 },
    engagementDays: { held: 1, notExported: 0 },
    lastExport: null,
    lastScheduledExport: null,
    recentErrors: 0,
    clinicHours: 'not-set',
    openingHours: null,
    everyMinutes: 5
  }
}

describe('fleet report with untrusted files', () => {
  let shared: string
  let out: string
  beforeEach(async () => {
    shared = await mkdtemp(join(tmpdir(), 'kiosk-fleet-untrusted-'))
    out = await mkdtemp(join(tmpdir(), 'kiosk-fleet-untrusted-out-'))
    const good = [feedbackRecord({ station: 'Room 1' }), feedbackRecord({ station: 'Room 1', rating: 1 })]
    await writeWithManifest(
      shared,
      'feedback_Room-1_2026-11-24_2026-11-24.json',
      jsonExport('waiting-room-kiosk-feedback', good),
      2
    )
  })
  afterEach(async () => {
    await rm(shared, { recursive: true, force: true })
    await rm(out, { recursive: true, force: true })
  })

  it('leaves out a JSON export whose record has a number for its comment, names it, and counts the rest', async () => {
    const bad = [feedbackRecord({ station: 'Room 2' }), { ...feedbackRecord({ station: 'Room 2' }), comment: 42 }]
    await writeWithManifest(
      shared,
      'feedback_Room-2_2026-11-24_2026-11-24.json',
      jsonExport('waiting-room-kiosk-feedback', bad),
      2
    )
    const outcome = await writeFleetReport(shared, join(out, 'fleet.html'), now)
    expect(outcome.records).toBe(2)
    expect(outcome.leftOut).toEqual([
      { file: 'feedback_Room-2_2026-11-24_2026-11-24.json', reason: expect.stringMatching(/record 2.*comment/) }
    ])
    const csv = await readFile(outcome.csv, 'utf8')
    expect(csv).not.toContain('Room 2')
    expect(await readFile(outcome.html, 'utf8')).toContain('feedback_Room-2_2026-11-24_2026-11-24.json')
  })

  it('names a status file of the right format without its content, and still shows the other kiosks', async () => {
    const { content: _content, ...partial } = kioskStatus('Room 2')
    await writeFile(join(shared, 'Room-2.status.json'), JSON.stringify(partial))
    await writeFile(join(shared, 'Room-1.status.json'), JSON.stringify(kioskStatus('Room 1')))
    const outcome = await writeFleetReport(shared, join(out, 'fleet.html'), now)
    const html = await readFile(outcome.html, 'utf8')
    expect(html).toContain('Room-2.status.json')
    expect(html).toMatch(/Status file [^<]*content[^<]*: left out/)
    expect(html).toMatch(/<td>Room 1<\/td>\s*<td>0\.1\.0<\/td>/)
  })

  it('leaves out an engagement export with a section called __proto__, and no object learns its counts', async () => {
    const row = {
      day: '2026-11-24',
      station: 'Room 1',
      articleId: 'hand-washing',
      visits: null,
      finished: null,
      feedback: null
    }
    const rows = [
      { ...row, sectionId: null, visits: 6, finished: 1, feedback: 0, reached: null, shown: null, time: null },
      { ...row, sectionId: '__proto__', reached: 5, shown: 5, time: [1, 1, 1, 2] }
    ]
    await writeWithManifest(
      shared,
      'engagement_Room-1_2026-11-24_2026-11-24.json',
      jsonExport('waiting-room-kiosk-engagement', rows),
      2
    )
    const outcome = await writeFleetReport(shared, join(out, 'fleet.html'), now)
    expect(outcome.leftOut).toEqual([
      { file: 'engagement_Room-1_2026-11-24_2026-11-24.json', reason: expect.stringMatching(/record 2.*sectionId/) }
    ])
    expect(({} as Record<string, unknown>)['reached']).toBeUndefined()
    expect(await readFile(outcome.html, 'utf8')).toContain('<strong>0</strong> article visits')
  })

  it('counts a section called constructor as any other section', async () => {
    const row = {
      day: '2026-11-24',
      station: 'Room 1',
      articleId: 'hand-washing',
      visits: null,
      finished: null,
      feedback: null
    }
    const rows = [
      { ...row, sectionId: null, visits: 6, finished: 1, feedback: 0, reached: null, shown: null, time: null },
      { ...row, sectionId: 'constructor', reached: 5, shown: 5, time: [1, 1, 1, 2] }
    ]
    await writeWithManifest(
      shared,
      'engagement_Room-1_2026-11-24_2026-11-24.json',
      jsonExport('waiting-room-kiosk-engagement', rows),
      2
    )
    const outcome = await writeFleetReport(shared, join(out, 'fleet.html'), now)
    expect(outcome.leftOut).toEqual([])
    expect(await readFile(outcome.html, 'utf8')).toContain('<strong>6</strong> article visits')
  })

  it('says on the command line which file was left out and why, and exits 0', async () => {
    await writeWithManifest(
      shared,
      'feedback_Room-3_2026-11-24_2026-11-24.json',
      jsonExport('waiting-room-kiosk-feedback', [{ id: 'x' }]),
      1
    )
    const lines: string[] = []
    expect(await runFleetReport(shared, join(out, 'cli.html'), (line) => lines.push(line), now)).toBe(0)
    expect(lines.join('\n')).toMatch(/Left out: feedback_Room-3_2026-11-24_2026-11-24\.json: record 1/)
  })
})
