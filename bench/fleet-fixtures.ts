import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EngagementRow } from '../src/main/export/engagement-format'
import { engagementCsvPieces } from '../src/main/export/engagement-format'
import { writeExport, writeExportFile } from '../src/main/export/exporter'
import { type KioskStatus, statusFileName, statusFormat } from '../src/main/kiosk/status-file'
import { shiftDay } from '../src/shared/local-day'
import { benchmarkNow, seededRandom, seedRecords } from './feedback-fixtures'

/** What the generator made: the folder's records (each once) and files. */
export interface FleetFixture {
  kiosks: number
  records: number
  /** Records written a second time, in another export of the same kiosk. */
  duplicates: number
}

/**
 * A shared folder as 100 kiosks leave it (or as many as asked): each kiosk's feedback in one verified export with its
 * manifest (every fifth kiosk in JSON, the others in CSV), a second export of the last tenth of its records on every
 * tenth kiosk (records the report must count once), an engagement export of 30 days, and a status file.
 */
export async function writeFleetFolder(folder: string, kiosks: number, recordsPerKiosk: number): Promise<FleetFixture> {
  let duplicates = 0
  for (let kiosk = 0; kiosk < kiosks; kiosk += 1) {
    const station = `Room ${kiosk + 1}`
    const records = seedRecords(recordsPerKiosk, benchmarkNow, 12, seededRandom(kiosk + 1)).map((record, index) => ({
      ...record,
      // Unique across the fleet: the kiosk's number and the record's, then the random rest of the UUID.
      id: `${(kiosk * recordsPerKiosk + index).toString(16).padStart(8, '0')}${record.id.slice(8)}`,
      station
    }))
    const format = kiosk % 5 === 4 ? 'json' : 'csv'
    const range = { from: null, to: null }
    const now = new Date(benchmarkNow.getTime() - kiosk * 60_000)
    const written = await writeExport({ folder, format, records, range, station, now })
    if (!written.ok) throw new Error(`the fixture export failed: ${written.message}`)
    if (kiosk % 10 === 0) {
      const again = records.slice(-Math.floor(recordsPerKiosk / 10))
      const second = await writeExport({ folder, format, records: again, range, station, now })
      if (!second.ok) throw new Error(`the fixture export failed: ${second.message}`)
      duplicates += again.length
    }
    const rows: EngagementRow[] = []
    for (let day = 0; day < 30; day += 1)
      for (const articleId of ['baclofen-piriformis-syndrome', 'hand-washing']) {
        const date = shiftDay('2026-11-30', -day)
        rows.push({
          day: date,
          station,
          articleId,
          sectionId: null,
          visits: 12,
          finished: 4,
          feedback: 2,
          reached: null,
          shown: null,
          time: null
        })
        for (const sectionId of ['one', 'two', 'three'])
          rows.push({
            day: date,
            station,
            articleId,
            sectionId,
            visits: null,
            finished: null,
            feedback: null,
            reached: 8,
            shown: 10,
            time: [2, 4, 3, 1]
          })
      }
    const engagement = await writeExportFile({
      folder,
      name: `engagement_Room-${kiosk + 1}_2026-11-01_2026-11-30.csv`,
      format: 'csv',
      records: rows.length,
      pieces: engagementCsvPieces(rows),
      range,
      station,
      now
    })
    if (!engagement.ok) throw new Error(`the fixture engagement export failed: ${engagement.message}`)
    const status: KioskStatus = {
      format: statusFormat.name,
      version: statusFormat.version,
      writtenAt: now.toISOString(),
      station,
      appVersion: '0.1.0',
      uptimeSeconds: 86_400,
      content: { source: 'folder', since: now.toISOString(), version: 'a1b2c3d4e5f6' },
      records: { held: recordsPerKiosk, notExported: 0 },
      engagementDays: { held: 30, notExported: 0 },
      lastExport: { at: now.toISOString(), records: recordsPerKiosk },
      lastScheduledExport: { at: now.toISOString(), ok: true, message: 'done' },
      recentErrors: 0,
      clinicHours: 'open',
      openingHours: null,
      everyMinutes: 5
    }
    await writeFile(join(folder, statusFileName(station)), JSON.stringify(status, null, 2))
  }
  return { kiosks, records: kiosks * recordsPerKiosk, duplicates }
}
