import { localDay } from '../../shared/local-day'
import type { ExportFormat } from '../export/exporter'
import { unknownArgument } from './known-options'

/** What IT asked for on the command line. */
export type CliCommand =
  | { kind: 'none' }
  /** `all`: every record; `since`: every record from that day on; neither: only records not yet exported. */
  | { kind: 'export'; folder: string; format: ExportFormat; since: Date | null; all: boolean }
  | { kind: 'set-pin'; pin: string }
  | { kind: 'check-content'; folder: string }
  | { kind: 'import-article'; file: string; out: string }
  | { kind: 'report'; folder: string; out: string }
  /** Checks this installed kiosk where it stands, on a temporary data folder (cli/self-test.ts). */
  | { kind: 'self-test' }
  | { kind: 'error'; message: string }

/** How to use the command line, printed with every error. */
export const cliUsage = [
  'Usage: kiosk --export <folder> [--format csv|json] [--all | --since YYYY-MM-DD]',
  '       kiosk --set-pin <4 to 8 digits>',
  '       kiosk --check-content <folder>',
  '       kiosk --import-article <file> --out <folder>',
  '       kiosk --report <shared folder> --out <file.html>',
  '       kiosk --self-test'
].join('\n')

/** The commands that work on the kiosk's data folder; the others never open it. */
export function needsKioskData(command: CliCommand): boolean {
  return command.kind === 'export' || command.kind === 'set-pin'
}

function valueAfter(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag)
  if (index !== -1) return argv[index + 1]
  const inline = argv.find((argument) => argument.startsWith(`${flag}=`))
  return inline?.slice(flag.length + 1)
}

/**
 * Reads the kiosk's own arguments. `--export`, `--set-pin`, `--check-content`, `--import-article` and `--report` run
 * headless and exit, `--self-test` opens a hidden window on a temporary data folder and exits; with no option of ours, the kiosk starts as usual. An option it does not know (a typo, or a
 * switch not on the short pass-through list in known-options.ts) is a usage error, never "no command": a misspelt
 * `--exprot` in IT's script must fail, not start the full-screen kiosk.
 */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const unknown = unknownArgument(argv)
  if (unknown !== null) return { kind: 'error', message: `${unknown}\n${cliUsage}` }
  const has = (flag: string) => argv.some((argument) => argument === flag || argument.startsWith(`${flag}=`))
  const commands = ['--export', '--set-pin', '--check-content', '--import-article', '--report', '--self-test'].filter(
    has
  )
  if (commands.length > 1) return { kind: 'error', message: `use one of ${commands.join(', ')} at a time\n${cliUsage}` }
  if (!has('--export') && (has('--format') || has('--since') || has('--all')))
    return { kind: 'error', message: `--format, --all and --since go with --export\n${cliUsage}` }
  const path = (flag: string) => {
    const value = valueAfter(argv, flag)
    return value && !value.startsWith('--') ? value : null
  }
  if (has('--check-content')) {
    const folder = path('--check-content')
    if (!folder) return { kind: 'error', message: `--check-content needs a content folder\n${cliUsage}` }
    return { kind: 'check-content', folder }
  }
  if (has('--import-article')) {
    const file = path('--import-article')
    if (!file) return { kind: 'error', message: `--import-article needs the file to import\n${cliUsage}` }
    const out = path('--out')
    if (!out) return { kind: 'error', message: `--import-article needs --out <folder> for the draft\n${cliUsage}` }
    return { kind: 'import-article', file, out }
  }
  if (has('--report')) {
    const folder = path('--report')
    if (!folder) return { kind: 'error', message: `--report needs the shared folder to read\n${cliUsage}` }
    const out = path('--out')
    if (!out) return { kind: 'error', message: `--report needs --out <file.html> for the report\n${cliUsage}` }
    return { kind: 'report', folder, out }
  }
  if (has('--self-test')) {
    if (has('--out')) return { kind: 'error', message: `--out goes with --import-article or --report\n${cliUsage}` }
    return { kind: 'self-test' }
  }
  if (has('--out')) return { kind: 'error', message: `--out goes with --import-article or --report\n${cliUsage}` }
  if (has('--set-pin')) {
    const pin = valueAfter(argv, '--set-pin')
    if (!pin || !/^\d{4,8}$/.test(pin))
      return { kind: 'error', message: `--set-pin needs a PIN of 4 to 8 digits\n${cliUsage}` }
    return { kind: 'set-pin', pin }
  }
  if (!has('--export')) return { kind: 'none' }
  const folder = valueAfter(argv, '--export')
  if (!folder || folder.startsWith('--')) return { kind: 'error', message: `--export needs a folder\n${cliUsage}` }
  const format = valueAfter(argv, '--format') ?? 'csv'
  if (format !== 'csv' && format !== 'json')
    return { kind: 'error', message: `--format must be csv or json, not "${format}"\n${cliUsage}` }
  const all = argv.includes('--all')
  const sinceText = valueAfter(argv, '--since')
  if (all && sinceText !== undefined)
    return { kind: 'error', message: `--all and --since cannot go together: pick one\n${cliUsage}` }
  let since: Date | null = null
  if (sinceText !== undefined) {
    // Midnight at the start of that day in the clinic's (the PC's) time zone.
    const [year, month, day] = sinceText.split('-').map(Number)
    since = /^\d{4}-\d{2}-\d{2}$/.test(sinceText)
      ? new Date(year ?? 0, (month ?? 1) - 1, day ?? 1)
      : new Date(Number.NaN)
    if (Number.isNaN(since.getTime()) || localDay(since) !== sinceText) {
      return { kind: 'error', message: `--since must be a date written YYYY-MM-DD, not "${sinceText}"\n${cliUsage}` }
    }
  }
  return { kind: 'export', folder, format, since, all }
}
