import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FeedbackRecord } from '../../../src/shared/feedback'
import { exitCodes, runCli } from '../../../src/main/cli/cli'
import { parseCliArguments } from '../../../src/main/cli/cli-arguments'
import { writeFleetReport } from '../../../src/main/export/fleet-report'
import type { KioskCore } from '../../../src/main/kiosk/kiosk-core'
import { writeStatusFile } from '../../../src/main/kiosk/status-file'
import { feedbackRecord } from '../support/records'
import { startTestCore } from '../support/test-core'

vi.mock('electron', () => ({ default: {} }))

const now = new Date('2026-11-24T15:00:00.000Z')

/** A kiosk with `count` answers (a third with a comment) and a few visits, its exports in the shared folder. */
async function kiosk(folder: string, station: string, count: number): Promise<{ core: KioskCore; data: string }> {
  const data = await mkdtemp(join(tmpdir(), 'kiosk-fleet-data-'))
  const core = await startTestCore(data, { stationLabel: station }, { now: () => now })
  for (let index = 0; index < count; index += 1)
    await core.feedbackStore.append(
      feedbackRecord({
        station,
        rating: ((index % 3) + 1) as FeedbackRecord['rating'],
        comment: index % 3 === 0 ? `=Comment ${index} from ${station}` : null,
        time: `2026-11-${String(10 + (index % 10)).padStart(2, '0')}T10:00:00.000Z`
      })
    )
  for (let visit = 0; visit < 6; visit += 1)
    core.engagementStore.add({
      articleId: 'baclofen-piriformis-syndrome',
      visits: 1,
      finished: 0,
      feedback: 0,
      sections: [{ sectionId: 'understanding-piriformis-syndrome', reached: 1, shown: 1, time: [0, 1, 0, 0] }]
    })
  return { core, data }
}

describe('fleet report', () => {
  let shared: string
  let out: string
  const cleanup: string[] = []
  const names: Record<string, string> = {}

  // Three kiosk cores and four exports take over vitest's 10 s on a loaded 2-core machine.
  beforeAll(async () => {
    shared = await mkdtemp(join(tmpdir(), 'kiosk-fleet-share-'))
    out = await mkdtemp(join(tmpdir(), 'kiosk-fleet-out-'))
    cleanup.push(shared, out)
    const one = await kiosk(shared, 'Room 1', 12)
    const two = await kiosk(shared, 'Room 2', 9)
    const three = await kiosk(shared, 'Room 3', 7)
    cleanup.push(one.data, two.data, three.data)
    const everything = { kind: 'all' } as const
    const records = async (core: KioskCore) => (await core.feedbackStore.read()).records.slice()
    // Room 1 in CSV, exported twice (the second a duplicate of the first); Room 2 in JSON.
    const first = await one.core.staff.exportTo(shared, 'share', 'csv', await records(one.core), everything, false)
    const again = await one.core.staff.exportTo(shared, 'share', 'csv', await records(one.core), everything, false)
    const json = await two.core.staff.exportTo(shared, 'share', 'json', await records(two.core), everything, false)
    // Room 3's export is tampered with after it was written.
    const tampered = await three.core.staff.exportTo(shared, 'share', 'csv', await records(three.core), everything)
    if (!first.ok || !again.ok || !json.ok || !tampered.ok) throw new Error('the exports failed')
    names['first'] = first.value.file
    names['again'] = again.value.file
    names['tampered'] = tampered.value.file
    const text = await readFile(join(shared, tampered.value.file), 'utf8')
    await writeFile(join(shared, tampered.value.file), text.replace(',1,', ',3,'))
    // A file someone copied into the folder without its manifest.
    await writeFile(join(shared, 'feedback_Room-4_2026-11-01_2026-11-02.csv'), text)
    // Status files: Room 1 just now, Room 2 twenty minutes ago, and one cut off halfway through.
    await writeStatusFile(shared, await one.core.staff.kioskStatus())
    const late = await two.core.staff.kioskStatus()
    await writeStatusFile(shared, { ...late, writtenAt: new Date(now.getTime() - 20 * 60_000).toISOString() })
    const whole = JSON.stringify(await three.core.staff.kioskStatus(), null, 2)
    await writeFile(join(shared, 'Room-3.status.json'), whole.slice(0, whole.length / 2))
  }, 60_000)
  afterAll(async () => {
    for (const folder of cleanup) await rm(folder, { recursive: true, force: true })
  })

  it('counts every verified record once, leaves out and names a tampered file and one without manifest', async () => {
    const outcome = await writeFleetReport(shared, join(out, 'fleet.html'), now)
    expect(outcome.records).toBe(21)
    expect(outcome.duplicates).toBe(12)
    // Room 3's engagement export is sound: Room 3 is a station, with no answers counted.
    expect(outcome.stations).toBe(3)
    expect(outcome.leftOut).toEqual([
      { file: names['tampered'], reason: expect.stringMatching(/does not match its manifest/) },
      { file: 'feedback_Room-4_2026-11-01_2026-11-02.csv', reason: expect.stringMatching(/no manifest/) }
    ])
    const html = await readFile(outcome.html, 'utf8')
    expect(html).toContain('Files left out')
    expect(html).toContain(names['tampered'])
    expect(html).not.toContain('<script')
    // Stations side by side: Room 1 and Room 2 with their own counts; Room 3's records are in no figure.
    expect(html).toMatch(/<td>Room 1<\/td>\s*<td class="number">12<\/td>/)
    expect(html).toMatch(/<td>Room 2<\/td>\s*<td class="number">9<\/td>/)
    expect(html).toMatch(/<td>Room 3<\/td>\s*<td class="number">0<\/td>/)
    expect(html).toContain('21</strong> answers')
  })

  it('writes one combined CSV of the verified records, each once, that parses back with their comments', async () => {
    const outcome = await writeFleetReport(shared, join(out, 'combined.html'), now)
    expect(outcome.csv).toBe(join(out, 'combined.csv'))
    const text = await readFile(outcome.csv, 'utf8')
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true
    }).data
    expect(rows).toHaveLength(21)
    expect(new Set(rows.map((row) => row['id'])).size).toBe(21)
    expect(rows.filter((row) => row['station'] === 'Room 3')).toEqual([])
    // The exporter's guard against spreadsheet formulas is kept in the combined file too.
    expect(rows.find((row) => row['comment']?.includes('Comment 0 from Room 2'))?.['comment']).toBe(
      "'=Comment 0 from Room 2"
    )
    expect((await readdir(out)).filter((name) => name.endsWith('.partial'))).toEqual([])
  })

  it('shows the fleet: a kiosk not seen for over 15 minutes is flagged, a half-written status file is named', async () => {
    const outcome = await writeFleetReport(shared, join(out, 'kiosks.html'), now)
    const html = await readFile(outcome.html, 'utf8')
    expect(html).toMatch(/<td>Room 1<\/td>\s*<td>0\.1\.0<\/td>/)
    expect(html).toMatch(/<td class="flag">\s*2026-11-24 14:40 UTC<br \/>not seen for over 15 min in clinic hours/)
    expect(html).toContain('Room-3.status.json')
    expect(html).toMatch(/Status file unreadable \(cut short or damaged\): left out/)
  })

  it('adds engagement up per station and counts a day exported twice once', async () => {
    const outcome = await writeFleetReport(shared, join(out, 'engagement.html'), now)
    const html = await readFile(outcome.html, 'utf8')
    // Room 1's engagement is in two exports, counted once: 6 visits from each of the three rooms.
    expect(html).toContain('<strong>18</strong> article visits')
  })

  it('runs from the command line: --report <folder> --out <file>', async () => {
    expect(parseCliArguments(['--report', shared, '--out', join(out, 'cli.html')])).toEqual({
      kind: 'report',
      folder: shared,
      out: join(out, 'cli.html')
    })
    expect(parseCliArguments(['--report', shared])).toMatchObject({ kind: 'error' })
    const lines: string[] = []
    const code = await runCli(
      { kind: 'report', folder: shared, out: join(out, 'cli.html') },
      () => Promise.reject(new Error('the report never opens the kiosk data')),
      true,
      (line) => lines.push(line),
      () => now
    )
    expect(code).toBe(exitCodes.ok)
    expect(lines.join('\n')).toMatch(/3 stations, 21 records counted once \(12 found in more than one file\)/)
    expect(lines.join('\n')).toContain(`Left out: ${names['tampered']}`)
    await unlink(join(out, 'cli.html'))
    const missing = await runCli(
      { kind: 'report', folder: join(shared, 'nowhere'), out: join(out, 'x.html') },
      () => Promise.reject(new Error('unused')),
      true,
      (line) => lines.push(line)
    )
    expect(missing).toBe(exitCodes.failed)
  })
})
