import type { CliCommand } from './cli-arguments'
import type { KioskCore } from '../kiosk/kiosk-core'

/** Exit codes IT scripts can rely on. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const

/**
 * Runs a command-line request without a window: `--export` writes and verifies an export (and marks its records as
 * exported only when this process owns the data, i.e. the kiosk is not running), `--set-pin` sets the staff PIN.
 */
export async function runCli(
  command: Exclude<CliCommand, { kind: 'none' }>,
  core: KioskCore,
  ownsData: boolean,
  print: (line: string) => void
): Promise<number> {
  if (command.kind === 'error') {
    print(command.message)
    return exitCodes.usage
  }
  if (command.kind === 'set-pin') {
    if (!ownsData) {
      print('The kiosk is running; close it before setting the PIN.')
      return exitCodes.failed
    }
    await core.staffAuth.setPin(command.pin)
    print('The staff PIN is set.')
    return exitCodes.ok
  }
  const since = command.since?.toISOString() ?? ''
  const records = (await core.feedbackStore.allRecords())
    .filter((record) => record.time >= since)
    .sort((a, b) => a.time.localeCompare(b.time))
  const result = await core.staff.exportTo(
    command.folder,
    command.folder,
    command.format,
    records,
    { kind: 'all' },
    ownsData
  )
  if (!result.ok) {
    print(`Export failed (${result.error.code}): ${result.error.message}`)
    return exitCodes.failed
  }
  print(`Exported ${result.value.records} records to ${result.value.file} in ${command.folder} (verified).`)
  if (!ownsData) print('The kiosk is running, so these records are not marked as exported.')
  return exitCodes.ok
}
