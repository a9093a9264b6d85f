import type { ContentSourceKind } from '../../shared/content-update'
import type { DataHealth } from '../../shared/staff'
import type { StatusLines } from '../export/report-html'

/** What each content source is called in a report (main writes reports in English, as it logs). */
const contentWords: Record<ContentSourceKind, string> = {
  folder: 'the content folder',
  'last-good-copy': 'the last good copy of the content folder (the folder cannot be read)',
  pack: 'articles installed from a USB stick',
  bundled: 'bundled sample articles'
}

const stamp = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`

/** How a kiosk stands, in words, for a report's status card: data health without anything about a patient. */
export function kioskStatusLines(health: DataHealth): StatusLines {
  const { retention, lastExport, lastScheduledExport } = health
  return [
    { label: 'Station', value: health.station },
    { label: 'App version', value: health.appVersion },
    {
      label: 'Content',
      value: `${contentWords[health.contentSource.kind]}, version ${health.contentVersion}`
    },
    { label: 'Feedback records held', value: String(health.records) },
    {
      label: 'Last export',
      value: lastExport ? `${stamp(lastExport.at)}, ${lastExport.records} records to ${lastExport.place}` : 'never'
    },
    {
      label: 'Last scheduled export',
      value: lastScheduledExport
        ? `${stamp(lastScheduledExport.at)}, ${lastScheduledExport.ok ? 'done' : 'failed'}: ${lastScheduledExport.message}`
        : 'none',
      flagged: lastScheduledExport?.ok === false
    },
    {
      label: 'Retention',
      value:
        `${retention.days} days; ${retention.waitingForExport} old records and ` +
        `${health.engagementDays.waitingForExport} old days of engagement waiting for an export`,
      flagged: retention.waitingForExport + health.engagementDays.waitingForExport > 0
    },
    { label: 'Recent errors', value: String(health.recentErrors.length), flagged: health.recentErrors.length > 0 },
    {
      label: 'Running for',
      value: `${Math.floor(health.uptimeSeconds / 3600)} h ${Math.floor((health.uptimeSeconds % 3600) / 60)} min`
    },
    {
      label: 'Free space for data',
      value: health.diskFreeBytes === null ? 'unknown' : `${(health.diskFreeBytes / 1024 ** 3).toFixed(1)} GB`,
      flagged: health.diskFreeBytes !== null && health.diskFreeBytes < 1024 ** 3
    }
  ]
}
