import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { localDay } from '../../shared/local-day'
import type { ExportRangeChoice } from '../../shared/staff'
import type { CliCommand } from './cli-arguments'
import { checkContent, formatContentCheck } from '../content/content-check'
import type { KioskCore } from '../kiosk/kiosk-core'
import { sortedByTime } from '../staff/staff-service'
import { runFleetReport } from './fleet-command'

/** Exit codes IT scripts can rely on. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const

/**
 * Runs a command-line request without a window: `--export` writes and verifies an export of the records not yet
 * exported (or all, or since a day), and marks them as exported only when this process owns the data, i.e. the kiosk
 * is not running; `--set-pin` sets the staff PIN, which retires the one-time setup code; `--check-content` checks a
 * content folder, `--import-article` writes a draft article and `--report` writes the fleet report of a shared folder.
 * The last three never open the kiosk's data folder, so `openCore` is called only for the first two.
 */
export async function runCli(
  command: Exclude<CliCommand, { kind: 'none' }>,
  openCore: () => Promise<KioskCore>,
  ownsData: boolean,
  print: (line: string) => void,
  now: () => Date = () => new Date()
): Promise<number> {
  if (command.kind === 'error') {
    print(command.message)
    return exitCodes.usage
  }
  // The self-test needs the app's window and protocol, so index.ts runs it (electron/self-test-run.ts), never this.
  if (command.kind === 'self-test') {
    print('--self-test runs in the app itself, not headless')
    return exitCodes.failed
  }
  if (command.kind === 'check-content') {
    const check = await checkContent([command.folder], localDay(now()))
    print(formatContentCheck(check))
    return check.exitCode === 0 ? exitCodes.ok : exitCodes.failed
  }
  if (command.kind === 'import-article') return importArticle(command.file, command.out, print, localDay(now()))
  if (command.kind === 'report') return runFleetReport(command.folder, command.out, print, now())
  if (command.kind === 'set-pin') {
    if (!ownsData) {
      print('The kiosk is running; close it before setting the PIN.')
      return exitCodes.failed
    }
    await (await openCore()).staffAuth.setPin(command.pin)
    print('The staff PIN is set. The one-time setup code, if there was one, no longer works.')
    return exitCodes.ok
  }
  const core = await openCore()
  // By default only what no export holds yet, so a script run every night does not export everything again.
  const reading = await core.feedbackStore.read()
  const since = command.since?.toISOString()
  const chosen =
    since !== undefined
      ? reading.records.filter((record) => record.time >= since)
      : command.all
        ? reading.records
        : reading.unexported
  if (chosen.length === 0) {
    // A share that is away is still a failure, so IT hears of it before the night there is something to export.
    const reachable = await stat(command.folder).then(
      (found) => found.isDirectory(),
      () => false
    )
    if (!reachable) {
      print(`Export failed (folder-missing): ${command.folder} is not there or is not a folder`)
      return exitCodes.failed
    }
  }
  const range: ExportRangeChoice = command.all || since !== undefined ? { kind: 'all' } : { kind: 'unexported' }
  // Engagement is limited to the same days as the feedback, and goes out even on a night with no new feedback.
  const result = await core.staff.exportTo(
    command.folder,
    command.folder,
    command.format,
    sortedByTime(chosen),
    range,
    ownsData,
    reading,
    command.since ? { engagementFrom: localDay(command.since) } : {}
  )
  if (!result.ok && result.error.code === 'nothing-to-export') {
    // Nothing new is a normal night, not a failure: exit 0 and write no empty file.
    print(
      command.all || since !== undefined
        ? 'Exported 0 records: there are none in that range. No file was written.'
        : 'Exported 0 records: nothing new since the last export. No file was written.'
    )
    return exitCodes.ok
  }
  if (!result.ok) {
    print(`Export failed (${result.error.code}): ${result.error.message}`)
    return exitCodes.failed
  }
  const engagement = result.value.engagementFile ? ` and the engagement figures to ${result.value.engagementFile}` : ''
  print(
    result.value.records === 0
      ? `Exported 0 records (no new feedback)${engagement} in ${command.folder} (verified).`
      : `Exported ${result.value.records} records to ${result.value.file}${engagement} in ${command.folder} (verified).`
  )
  if (!ownsData)
    print('The kiosk is running, so these records are not marked as exported: the next --export includes them again.')
  return exitCodes.ok
}

async function importArticle(file: string, out: string, print: (line: string) => void, today: string): Promise<number> {
  // The importers and their libraries (Readability, linkedom, mammoth) load only when someone imports.
  const importers = await import('../content/importers/import-article')
  try {
    const draft = await importers.importArticle(file, out, today)
    print(importers.formatImportReport(draft, `"${basename(process.execPath)}" --check-content "${out}"`))
    return exitCodes.ok
  } catch (error) {
    print(`Import failed: ${error instanceof Error ? error.message : String(error)}`)
    return exitCodes.failed
  }
}
