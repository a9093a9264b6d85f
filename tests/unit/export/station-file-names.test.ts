import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runFleetReport } from '../../../src/main/cli/fleet-command'
import { engagementFileName } from '../../../src/main/export/export-set'
import { exportFileName } from '../../../src/main/export/exporter'
import { writeFleetReport } from '../../../src/main/export/fleet-report'
import { statusFileName, writeStatusFile } from '../../../src/main/kiosk/status-file'
import { fleetNow, kioskStatus } from '../support/fleet-files'
import { feedbackRecord } from '../support/records'

const long = 'Outpatients, north wing, second floor, waiting area '
const pairs = [
  [`${long}A`, `${long}B`],
  ['Зал 1', 'Зал 2'],
  ['诊室一', '诊室二'],
  ['Room 2', 'Room-2']
] as const

describe('station file names', () => {
  it('never give two station labels one status file or one export name', () => {
    for (const [one, two] of pairs) {
      expect(statusFileName(one)).not.toBe(statusFileName(two))
      const records = [feedbackRecord()]
      expect(exportFileName({ records, station: one, format: 'csv' })).not.toBe(
        exportFileName({ records, station: two, format: 'csv' })
      )
      expect(engagementFileName([], one, 'json')).not.toBe(engagementFileName([], two, 'json'))
    }
  })

  it('keep the label readable and the same label always gives the same name', () => {
    expect(statusFileName('Room 2 (east)')).toMatch(/^Room-2-east-[0-9a-f]{8}\.status\.json$/)
    expect(statusFileName('Room 2 (east)')).toBe(statusFileName('Room 2 (east)'))
    expect(exportFileName({ records: [feedbackRecord()], station: 'Front', format: 'json' })).toMatch(
      /^feedback_Front-[0-9a-f]{8}_2026-11-24_2026-11-24\.json$/
    )
  })

  it('let two kiosks whose labels differ only after 40 characters each keep a status file the report shows', async () => {
    const shared = await mkdtemp(join(tmpdir(), 'kiosk-station-names-'))
    try {
      for (const [one, two] of pairs) {
        await writeStatusFile(shared, kioskStatus(one))
        await writeStatusFile(shared, kioskStatus(two))
      }
      expect((await readdir(shared)).filter((name) => name.endsWith('.status.json'))).toHaveLength(pairs.length * 2)
      const outcome = await writeFleetReport(shared, join(shared, 'fleet.html'), fleetNow)
      const html = await readFile(outcome.html, 'utf8')
      for (const [one, two] of pairs) for (const label of [one, two]) expect(html).toContain(`<td>${label}</td>`)
    } finally {
      await rm(shared, { recursive: true, force: true })
    }
  })

  it('flag two status files that claim the same station, in report.html and on the command line', async () => {
    const shared = await mkdtemp(join(tmpdir(), 'kiosk-station-claims-'))
    try {
      // One file in the old style (the label cut to 40 characters), one in the new: both say they are Room 2.
      await writeFile(join(shared, 'Room-2.status.json'), JSON.stringify(kioskStatus('Room 2')))
      await writeStatusFile(shared, kioskStatus('Room 2'))
      await writeStatusFile(shared, kioskStatus('Room 3'))
      const out = join(shared, 'fleet.html')
      const lines: string[] = []
      expect(await runFleetReport(shared, out, (line) => lines.push(line), fleetNow)).toBe(0)
      const claim = lines.find((line) => line.startsWith('2 status files claim the station Room 2: '))
      expect(claim).toContain('Room-2.status.json')
      expect(claim).toContain(statusFileName('Room 2'))
      expect(lines.join('\n')).not.toMatch(/claim the station Room 3/)
      const html = await readFile(out, 'utf8')
      expect(html).toMatch(/class="flag"[^>]*>\s*2 status files claim the station Room 2/)
    } finally {
      await rm(shared, { recursive: true, force: true })
    }
  })
})
