import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type KioskStatus, statusFormat } from '../../../src/main/kiosk/status-file'

// Files of a shared folder as anyone who can write to it could make them, for the fleet report's tests.

/** The time the fleet tests write their files and reports at. */
export const fleetNow = new Date('2026-11-24T15:00:00.000Z')
const now = fleetNow

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
