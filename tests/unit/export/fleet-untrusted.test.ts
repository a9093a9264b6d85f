import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runFleetReport } from '../../../src/main/cli/fleet-command'
import { writeFleetReport } from '../../../src/main/export/fleet-report'
import { fleetNow, jsonExport, kioskStatus, writeWithManifest } from '../support/fleet-files'
import { feedbackRecord } from '../support/records'

const now = fleetNow

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

  it('prints no control character from a file name to the terminal', async () => {
    await writeFile(join(shared, 'feedback_\u001b[2J_2026-11-24_2026-11-24.csv'), 'id\r\n')
    const lines: string[] = []
    expect(await runFleetReport(shared, join(out, 'cli.html'), (line) => lines.push(line), now)).toBe(0)
    expect(lines.join('\n')).toContain('Left out: feedback_?[2J_2026-11-24_2026-11-24.csv: it has no manifest')
    expect(lines.join('\n')).not.toContain('\u001b')
  })
})
