// Runs Electronegativity over the sources and the built bundles and fails on any HIGH or MEDIUM finding.
// Electronegativity itself exits 0 whatever it finds, so its CSV report is read here. Its CSV does not escape quotes
// or line breaks inside code samples (and its SARIF gives HIGH and MEDIUM the same level), so each finding is read
// from the start of its row: issue, severity, confidence, file, location.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version
const bin = join('node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity')
// The bundles are one file per process with Electron calls renamed, so the whole-app checks only make sense on the
// sources; on the bundles the per-file checks still run.
const scans =
  process.argv.length > 2
    ? process.argv.slice(2).map((input) => ({ input, exclude: [] }))
    : [
        { input: 'src', exclude: [] },
        {
          input: 'out',
          exclude: ['LimitNavigationGlobalCheck', 'PermissionRequestHandlerGlobalCheck', 'CSPGlobalCheck']
        }
      ]

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'))
let failures = 0
try {
  for (const scan of scans) {
    const report = join(work, `scan-${scans.indexOf(scan)}.csv`)
    const args = ['-i', scan.input, '-o', report, '-e', electronVersion, '-r']
    if (scan.exclude.length > 0) args.push('-x', scan.exclude.join(','))
    execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'inherit'] })
    const row = /^([A-Z_]+_CHECK),"(HIGH|MEDIUM|LOW|INFORMATIONAL)","(\w+)","([^"]*)","([^"]*)"/gm
    const findings = [...readFileSync(report, 'utf8').matchAll(row)].map(
      ([, issue, severity, , filename, location]) => ({
        issue,
        severity,
        filename,
        location
      })
    )
    const serious = findings.filter((finding) => ['HIGH', 'MEDIUM'].includes(finding.severity))
    for (const finding of serious) {
      console.error(`${scan.input}/${finding.filename}:${finding.location} ${finding.severity} ${finding.issue}`)
    }
    console.log(`electronegativity ${scan.input}: ${findings.length} findings, ${serious.length} HIGH or MEDIUM`)
    failures += serious.length
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.exit(failures === 0 ? 0 : 1)
