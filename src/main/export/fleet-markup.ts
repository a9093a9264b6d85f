import type { KioskStatus } from '../kiosk/status-file'
import { card, grouped, html, type Markup, percent, reportPage } from './report-markup'
import { engagementCard, ratingsCard, type ReportFigures, totalsCard, trendCard } from './report-html'
import type { LeftOut } from './fleet-files'

// The fleet report's page: the kiosks, the files left out, every station side by side, and the combined figures.

/** One station's figures for the side-by-side table. */
export interface FleetStation {
  station: string
  figures: ReportFigures
}

/** One row of the fleet table: a kiosk's last status, or the status file that could not be read. */
export interface FleetKiosk {
  file: string
  status: KioskStatus | null
  problem: string | null
  /** Not seen for longer than the report allows, in clinic hours. */
  unseen: boolean
}

/** A station label that more than one status file claims, and those files. */
export interface StationClaim {
  station: string
  files: string[]
}

/** Why two status files may claim one station, in the words the report and the command line both use. */
export const claimWords = (claim: StationClaim): string =>
  `${claim.files.length} status files claim the station ${claim.station}: ${claim.files.join(', ')} ` +
  '(two kiosks with one label, or a file left from before an update: give each kiosk its own stationLabel)'

/** What the fleet report shows. */
export interface FleetReport {
  generatedAt: Date
  folder: string
  csvFile: string
  records: number
  duplicates: number
  files: string[]
  leftOut: LeftOut[]
  stations: FleetStation[]
  combined: ReportFigures
  kiosks: FleetKiosk[]
  /** Station labels claimed by more than one status file. */
  claims: StationClaim[]
  unseenMinutes: number
}

/** The content a kiosk shows, in the fleet table's few words. */
const contentWords: Record<string, string> = {
  folder: 'folder',
  'last-good-copy': 'last good copy (folder away)',
  pack: 'USB install',
  bundled: "the bundled sample, not the clinic's articles"
}

const stamp = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`

function kioskRow(kiosk: FleetKiosk, unseenMinutes: number, claimed: ReadonlySet<string>): Markup {
  const status = kiosk.status
  if (!status)
    return html`<tr>
      <td>${kiosk.file}</td>
      <td colspan="5" class="flag">Status file ${kiosk.problem ?? 'unreadable'}: left out</td>
    </tr>`
  const scheduled = status.lastScheduledExport
  return html`<tr>
    <td${claimed.has(status.station) ? html` class="flag"` : ''}>${status.station}</td>
    <td>${status.appVersion}</td>
    <td${status.content.source === 'bundled' ? html` class="flag"` : ''}>
      ${contentWords[status.content.source] ?? status.content.source}, ${status.content.version}
    </td>
    <td${kiosk.unseen ? html` class="flag"` : ''}>
      ${stamp(status.writtenAt)}${kiosk.unseen ? html`<br />not seen for over ${unseenMinutes} min in clinic hours` : ''}
    </td>
    <td class="number">${grouped(status.records.held)} / ${grouped(status.records.notExported)}</td>
    <td${scheduled?.ok === false || status.recentErrors > 0 ? html` class="flag"` : ''}>
      ${status.lastExport ? stamp(status.lastExport.at) : 'never'}${scheduled ? html`; scheduled ${scheduled.ok ? 'done' : 'failed'}` : ''}${status.recentErrors > 0 ? html`; ${status.recentErrors} recent errors` : ''}
    </td>
  </tr>`
}

/** The fleet table: version, content and last seen of every kiosk with a status file. */
export function fleetCard(report: FleetReport): Markup {
  if (report.kiosks.length === 0)
    return card('Kiosks', html`<p>No status files in this folder: set <code>statusFolder</code> on the kiosks.</p>`)
  const claimed = new Set(report.claims.map((claim) => claim.station))
  return card(
    'Kiosks',
    html`${report.claims.map((claim) => html`<p class="flag">${claimWords(claim)}</p>`)}
      <table>
        <thead>
          <tr>
            <th>Station</th>
            <th>Version</th>
            <th>Content</th>
            <th>Last seen</th>
            <th class="number">Records held / not exported</th>
            <th>Last export</th>
          </tr>
        </thead>
        <tbody>
          ${report.kiosks.map((kiosk) => kioskRow(kiosk, report.unseenMinutes, claimed))}
        </tbody>
      </table>`
  )
}

/** Files left out of every figure, each with its reason. */
export function leftOutCard(leftOut: readonly LeftOut[]): Markup {
  if (leftOut.length === 0) return html``
  return card(
    'Files left out',
    html`<p class="flag">These files do not match their manifest, or have none, and are left out of every figure:</p>
      <ul>
        ${leftOut.map((file) => html`<li><strong>${file.file}</strong>: ${file.reason}</li>`)}
      </ul>`
  )
}

/** Every station side by side: answers, average, visits and how far they read. */
export function stationsCard(stations: readonly FleetStation[]): Markup {
  return card(
    'Stations side by side',
    html`<table>
      <thead>
        <tr>
          <th>Station</th>
          <th class="number">Answers</th>
          <th class="number">Average of 3</th>
          <th class="number">Article visits</th>
          <th class="number">Read to the last part</th>
        </tr>
      </thead>
      <tbody>
        ${stations.map(({ station, figures }) => {
          const visits = figures.engagement.reduce((sum, article) => sum + article.visits, 0)
          const finished = figures.engagement.reduce((sum, article) => sum + (article.finished ?? 0), 0)
          return html`<tr>
            <td>${station}</td>
            <td class="number">${grouped(figures.overall.count)}</td>
            <td class="number">${figures.overall.average === null ? '—' : figures.overall.average.toFixed(2)}</td>
            <td class="number">${grouped(visits)}</td>
            <td class="number">${visits >= figures.smallGroup ? percent(finished / visits) : '—'}</td>
          </tr>`
        })}
      </tbody>
    </table>`
  )
}

/** The fleet report's whole page. */
export function fleetReportHtml(report: FleetReport): string {
  const when = stamp(report.generatedAt.toISOString())
  return reportPage(
    'Waiting-room kiosks: fleet report',
    [
      `Written ${when} from ${report.folder}: ${report.files.length} verified export files, ` +
        `${grouped(report.records)} records counted once` +
        (report.duplicates > 0 ? ` (${grouped(report.duplicates)} found again in other files)` : '') +
        `. All verified records, once each: ${report.csvFile}.`
    ],
    [
      leftOutCard(report.leftOut),
      fleetCard(report),
      stationsCard(report.stations),
      totalsCard(report.combined),
      trendCard(report.combined.trend),
      ratingsCard(report.combined),
      engagementCard(report.combined)
    ],
    'Anonymous feedback: no record names a patient; groups of fewer than ' +
      `${report.combined.smallGroup} answers or visits show their count only.`
  )
}
