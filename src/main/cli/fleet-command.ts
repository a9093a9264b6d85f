import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

/** A text from a shared folder made safe to print: control characters (a terminal's escapes among them) become "?". */
const printable = (text: string): string => text.replace(/\p{Cc}/gu, '?')

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * `--report <folder> --out <file.html>` (and `npm run feedback:report`): the fleet report of a shared folder, and the
 * combined CSV beside it. Exits 0 when both are written (files left out are named, not a failure of the report), 1
 * when the folder cannot be read or the report cannot be written. The report's own folder is made when missing. Loaded only when asked for.
 */
export async function runFleetReport(
  folder: string,
  out: string,
  print: (line: string) => void,
  now: Date = new Date()
): Promise<number> {
  const { writeFleetReport } = await import('../export/fleet-report')
  const { claimWords } = await import('../export/fleet-markup')
  try {
    // IT's script often names a reports folder it has not made yet.
    await mkdir(dirname(resolve(out)), { recursive: true })
    const outcome = await writeFleetReport(resolve(folder), resolve(out), now)
    print(
      `Fleet report written: ${outcome.html}\nCombined CSV: ${outcome.csv}\n` +
        `${plural(outcome.stations, 'station')}, ${plural(outcome.records, 'record')} counted once` +
        (outcome.duplicates > 0 ? ` (${outcome.duplicates} found in more than one file)` : '')
    )
    for (const file of outcome.leftOut) print(`Left out: ${printable(file.file)}: ${printable(file.reason)}`)
    for (const claim of outcome.claims) print(printable(claimWords(claim)))
    return 0
  } catch (error) {
    print(`The fleet report could not be written: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
