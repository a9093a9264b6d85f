import type * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import type { JsonFileOptions } from '../kiosk/json-file'
import { feedbackDataVersion } from './month-file'

// What keeps the feedback folder in order beside the month files: the list of files set aside, the leftovers of
// interrupted writes, and the refusal to write into a file of a newer kiosk version.

/** A month file that could not be read, moved aside so nothing in it is lost. */
export interface Recovery {
  file: string
  backup: string
  reason: string
  time: string
  /** How many valid records found in the file were put back into the live month (absent in older entries: none). */
  recovered?: number
}

/** A month file written by a newer kiosk version, which this one leaves untouched and never writes into. */
export interface NewerFile {
  file: string
  /** The data version the file is stamped with. */
  version: string
}

/** Why a record was not stored: its month's file is one this version must not write into. */
export class MonthRefusedError extends Error {
  override name = 'MonthRefusedError'
}

/** What the list of recoveries, `feedback-recoveries.json`, holds. */
export interface HealthData extends Record<string, unknown> {
  recoveries: Recovery[]
}

/** The options of the list of recoveries. */
export const healthOptions = (): JsonFileOptions<HealthData> => ({
  schema: {
    recoveries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'backup', 'reason', 'time'],
        properties: {
          file: { type: 'string' },
          backup: { type: 'string' },
          reason: { type: 'string' },
          time: { type: 'string' },
          recovered: { type: 'integer', minimum: 0 }
        }
      }
    }
  },
  defaults: { recoveries: [] },
  migrations: {},
  projectVersion: feedbackDataVersion,
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false
})

/** The temporary file a write goes to before it is renamed over its month's file (see FeedbackStore). */
const temporaryFileName = /^\.feedback-\d{4}-\d{2}\.json\.[0-9a-f]{8}\.tmp$/
/**
 * How long ago a temporary file must have last been written to be taken for what an interrupted write left: a write
 * takes seconds at most, and neither Windows nor Linux tells whether another process (the command line, beside the
 * running kiosk) still has a file open, so only its age can say that no writer is left.
 */
export const leftoverAgeMilliseconds = 10 * 60_000
/** Temporary files being written in this process now, whichever store writes them: never taken for leftovers. */
export const writesUnderWay = new Set<string>()

/**
 * Removes the temporary files of writes that never finished (the kiosk killed or the power cut between writing and
 * renaming): only the store's own pattern, only files no write of this process is using, and only old ones. Returns
 * how many went, and their bytes; never fails (a file it cannot remove is looked at again at the next start).
 */
export async function removeLeftovers(
  fs: Pick<typeof nodeFs, 'readdir' | 'stat' | 'unlink'>,
  folder: string,
  now: () => Date
): Promise<{ count: number; bytes: number }> {
  const removed = { count: 0, bytes: 0 }
  const names = await fs.readdir(folder).catch(() => [] as string[])
  const time = now().getTime()
  for (const name of names) {
    const path = join(folder, name)
    if (!temporaryFileName.test(name) || writesUnderWay.has(path)) continue
    try {
      const stats = await fs.stat(path)
      if (!stats.isFile() || time - stats.mtimeMs < leftoverAgeMilliseconds) continue
      await fs.unlink(path)
      removed.count += 1
      removed.bytes += stats.size
    } catch {
      // Gone meanwhile, or held by another program.
    }
  }
  return removed
}
