import { describe, expect, it } from 'vitest'
import type { DataHealth } from '../../../src/shared/staff'
import { fleetCard, type FleetKiosk } from '../../../src/main/export/fleet-markup'
import { kioskStatusOf } from '../../../src/main/kiosk/status-file'

const now = new Date('2026-12-07T10:00:00.000Z')

function kioskShowing(kind: 'bundled' | 'folder'): FleetKiosk {
  const health = {
    station: `Room ${kind}`,
    appVersion: '0.1.0',
    uptimeSeconds: 5,
    contentSource: { kind, since: now.toISOString() },
    contentVersion: 'abc123',
    records: 0,
    engagementDays: { held: 0, unexported: 0 },
    lastExport: null,
    lastScheduledExport: null,
    recentErrors: []
  } as unknown as DataHealth
  return { file: `${kind}.status.json`, status: kioskStatusOf(health, 0, null, now), problem: null, unseen: false }
}

// docs/DEPLOYMENT.md (A4.1): a kiosk set up without the clinic's articles is flagged in the fleet report.
describe('fleet table', () => {
  it('flags a kiosk that shows the bundled sample, in words, and not one that shows its folder', () => {
    const markup = String(
      fleetCard({ kiosks: [kioskShowing('bundled'), kioskShowing('folder')], claims: [], unseenMinutes: 15 } as never)
    )
    const rows = markup.split('<tr>').slice(1)
    const sample = rows.find((row) => row.includes('Room bundled')) ?? ''
    const folder = rows.find((row) => row.includes('Room folder')) ?? ''
    expect(sample).toMatch(/<td class="flag">\s*the bundled sample, not the clinic&#39;s articles, abc123/)
    expect(folder).toContain('folder, abc123')
    expect(folder).not.toContain('class="flag"')
  })
})
