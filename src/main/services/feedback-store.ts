import { existsSync, renameSync } from 'node:fs'
import { readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FeedbackRecord } from '../../shared/feedback'
import { commentMaxLength } from '../../shared/feedback'

/** The format of a month file; bump it with a migration below when records change shape. */
export const feedbackDataVersion = '1.1.0'

/** What one month file holds. */
export interface MonthData extends Record<string, unknown> {
  records: FeedbackRecord[]
  /** Ids of this month's records that are in a verified export; only these may ever be removed. */
  exportedIds: string[]
}

/** The part of electron-store (or conf, which it wraps) the feedback store uses. */
export interface JsonFile<T> {
  readonly path: string
  get<K extends keyof T>(key: K): T[K]
  set<K extends keyof T>(key: K, value: T[K]): void
}

/** The options every month file is opened with: schema, defaults, migrations, data version. */
export interface JsonFileOptions<T> {
  schema: Record<string, unknown>
  defaults: T
  migrations: Record<string, (file: JsonFile<T>) => void>
  projectVersion: string
  clearInvalidConfig: false
  accessPropertiesByDotNotation: false
}

/** Where a damaged `<name>.json` is kept: `<name>.corrupt-<time>.json`, never matching a live store's name. */
function setAsideName(name: string, time: Date): string {
  return `${name}.corrupt-${time.toISOString().replace(/[:.]/g, '-')}.json`
}

/**
 * True when an error means the file's content is damaged (not JSON, wrong shape, refused by a migration), as opposed
 * to the disk being busy or locked for a moment (antivirus, backup), which must never cost a file.
 */
export function isDamagedFile(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'SyntaxError') return true
  return /^(Config schema violation|Something went wrong during the migration|the file has no list of records)/.test(
    error.message
  )
}

/** Opens a file, waiting out a brief lock (a virus scanner) a few times before giving up. */
function openPatiently<T extends Record<string, unknown>>(
  open: OpenJsonFile,
  folder: string,
  name: string,
  options: JsonFileOptions<T>
): JsonFile<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const file = open(folder, name, options)
      for (const key of Object.keys(options.defaults)) file.get(key)
      return file
    } catch (error) {
      if (isDamagedFile(error) || attempt >= 5) throw error
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
    }
  }
}

/**
 * Opens a small bookkeeping store; if its file cannot be read it is kept aside as `<name>.corrupt-<time>.json` and a
 * fresh one started, so a damaged file never stops the kiosk. Returns whether that happened.
 */
export function openOrSetAside<T extends Record<string, unknown>>(
  open: OpenJsonFile,
  folder: string,
  name: string,
  options: JsonFileOptions<T>,
  now: () => Date
): { file: JsonFile<T>; setAside: boolean } {
  try {
    return { file: openPatiently(open, folder, name, options), setAside: false }
  } catch (error) {
    if (!isDamagedFile(error)) throw error
    renameSync(join(folder, `${name}.json`), join(folder, setAsideName(name, now())))
    return { file: open(folder, name, options), setAside: true }
  }
}

/** Opens a JSON store file `<folder>/<name>.json`; main passes electron-store, the harness conf. */
export type OpenJsonFile = <T extends Record<string, unknown>>(
  folder: string,
  name: string,
  options: JsonFileOptions<T>
) => JsonFile<T>

const recordSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'articleId',
    'sectionId',
    'rating',
    'comment',
    'language',
    'contentVersion',
    'appVersion',
    'station',
    'time'
  ],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    articleId: { type: 'string', minLength: 1, maxLength: 100 },
    sectionId: { type: ['string', 'null'], maxLength: 160 },
    rating: { type: 'integer', minimum: 1, maximum: 3 },
    comment: { type: ['string', 'null'], maxLength: commentMaxLength },
    language: { type: 'string', maxLength: 16 },
    contentVersion: { type: 'string', maxLength: 64 },
    appVersion: { type: 'string', maxLength: 64 },
    station: { type: 'string', maxLength: 80 },
    time: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00\\.000Z$' }
  }
}

/** The options of a month file. */
export function monthFileOptions(): JsonFileOptions<MonthData> {
  return {
    schema: {
      records: { type: 'array', items: recordSchema },
      exportedIds: { type: 'array', items: { type: 'string' }, uniqueItems: true }
    },
    defaults: { records: [], exportedIds: [] },
    migrations: {
      // Files written before the data version was tracked hold the same records; this stamps them as 1.0.0, and
      // refuses (rather than repairs) one without a list of records, so the store moves it aside untouched.
      '1.0.0': (file) => {
        if (!Array.isArray(file.get('records'))) throw new Error('the file has no list of records')
      },
      // 1.1.0 remembers which records are in a verified export; records from before were never exported.
      '1.1.0': (file) => {
        if (!Array.isArray(file.get('exportedIds'))) file.set('exportedIds', [])
      }
    },
    projectVersion: feedbackDataVersion,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false
  }
}

/** A month file that could not be read, moved aside so nothing in it is lost. */
export interface Recovery {
  file: string
  backup: string
  reason: string
  time: string
}

interface HealthData extends Record<string, unknown> {
  recoveries: Recovery[]
}

const healthOptions = (): JsonFileOptions<HealthData> => ({
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
          time: { type: 'string' }
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

const monthFileName = /^feedback-(\d{4}-\d{2})\.json$/

/** The month a record is filed under: its (UTC) year and month. */
export function monthOf(time: string): string {
  return time.slice(0, 7)
}

/**
 * Feedback on disk, one electron-store file per month so every write stays small however much has been collected.
 * A file that cannot be read is moved aside as a backup and a fresh one started; the kiosk never stops for it.
 */
export class FeedbackStore {
  readonly #folder: string
  readonly #open: OpenJsonFile
  readonly #now: () => Date
  readonly #random: () => number
  readonly #months = new Map<string, JsonFile<MonthData>>()
  #health: JsonFile<HealthData> | null = null
  #queue: Promise<void> = Promise.resolve()

  constructor(
    folder: string,
    open: OpenJsonFile,
    now: () => Date = () => new Date(),
    random: () => number = Math.random
  ) {
    this.#folder = folder
    this.#open = open
    this.#now = now
    this.#random = random
  }

  /** Adds a record to its month's file, at a random place so the order in the file says nothing about arrival. */
  append(record: FeedbackRecord): Promise<void> {
    // One write at a time: two submissions arriving together must not read the same list and lose one.
    const write = this.#queue.then(() => this.#append(record))
    this.#queue = write.catch(() => {})
    return write
  }

  async #append(record: FeedbackRecord): Promise<void> {
    const month = monthOf(record.time)
    let file = await this.#month(month)
    let records: FeedbackRecord[]
    try {
      records = this.#readRecords(file)
    } catch (error) {
      if (!isDamagedFile(error)) throw error
      // The file was damaged after it was opened (edited, half-copied): keep it aside and write to a fresh one.
      file = await this.#recover(month, error)
      records = []
    }
    const position = Math.floor(this.#random() * (records.length + 1))
    // A failed write (full disk, a lock held by antivirus, a record the schema refuses) is reported, never "repaired".
    file.set('records', [...records.slice(0, position), record, ...records.slice(position)])
  }

  /** The records of an open file; a file removed from under the kiosk counts as empty, not as damaged. */
  #readRecords(file: JsonFile<MonthData>): FeedbackRecord[] {
    const records = file.get('records') as FeedbackRecord[] | undefined
    if (records === undefined && !existsSync(file.path)) return []
    if (!Array.isArray(records)) throw new Error('the file has no list of records')
    return records
  }

  /** The months that have a file, oldest first. */
  async months(): Promise<string[]> {
    const names = existsSync(this.#folder) ? await readdir(this.#folder) : []
    return names
      .map((name) => monthFileName.exec(name)?.[1])
      .filter((month): month is string => month !== undefined)
      .sort()
  }

  /** Every record of one month. */
  async recordsOf(month: string): Promise<FeedbackRecord[]> {
    return (await this.#month(month)).get('records')
  }

  /** Every record, oldest month first. */
  async allRecords(): Promise<FeedbackRecord[]> {
    const all: FeedbackRecord[] = []
    for (const month of await this.months()) all.push(...(await this.recordsOf(month)))
    return all
  }

  /** Marks records as safely exported; called only after an export was written and verified. */
  async markExported(ids: ReadonlySet<string>): Promise<void> {
    for (const month of await this.months()) {
      const file = await this.#month(month)
      const records = file.get('records')
      const already = new Set(file.get('exportedIds'))
      const added = records.filter((record) => ids.has(record.id) && !already.has(record.id)).map((record) => record.id)
      if (added.length > 0) file.set('exportedIds', [...already, ...added])
    }
  }

  /** Records that are in no verified export yet ("since the last export"). */
  async unexportedRecords(): Promise<FeedbackRecord[]> {
    const found: FeedbackRecord[] = []
    for (const month of await this.months()) {
      const file = await this.#month(month)
      const exported = new Set(file.get('exportedIds'))
      found.push(...file.get('records').filter((record) => !exported.has(record.id)))
    }
    return found
  }

  /**
   * Removes the given records, but only those marked exported: a record that is in no verified export is never
   * removed, whatever the caller asks. Returns how many went.
   */
  async removeExported(ids: ReadonlySet<string>): Promise<number> {
    return this.#removeWhere((record, exported) => exported && ids.has(record.id))
  }

  /**
   * Retention: removes exported records older than the cut-off. Older records not yet exported stay, and are
   * counted so staff mode can say they are waiting for an export.
   */
  async applyRetention(cutoff: Date): Promise<{ removed: number; waitingForExport: number }> {
    const limit = cutoff.toISOString()
    let waitingForExport = 0
    const removed = await this.#removeWhere((record, exported) => {
      if (record.time >= limit) return false
      if (!exported) waitingForExport += 1
      return exported
    })
    return { removed, waitingForExport }
  }

  async #removeWhere(remove: (record: FeedbackRecord, exported: boolean) => boolean): Promise<number> {
    let removed = 0
    for (const month of await this.months()) {
      const file = await this.#month(month)
      const exported = new Set(file.get('exportedIds'))
      const records = file.get('records')
      const kept = records.filter((record) => !remove(record, exported.has(record.id)))
      if (kept.length === records.length) continue
      const keptIds = new Set(kept.map((record) => record.id))
      file.set('records', kept)
      file.set(
        'exportedIds',
        [...exported].filter((id) => keptIds.has(id))
      )
      removed += records.length - kept.length
    }
    return removed
  }

  /** The month files on disk and their total size, for the data-health panel. */
  async files(): Promise<{ count: number; bytes: number }> {
    let bytes = 0
    const months = await this.months()
    for (const month of months) bytes += (await stat(join(this.#folder, `feedback-${month}.json`))).size
    return { count: months.length, bytes }
  }

  /** Files that had to be moved aside, for staff mode. */
  recoveries(): Recovery[] {
    return this.#healthFile().get('recoveries')
  }

  #healthFile(): JsonFile<HealthData> {
    // The list of recoveries is itself only a record of events; a damaged one is kept aside and started afresh.
    this.#health ??= openOrSetAside(this.#open, this.#folder, 'feedback-recoveries', healthOptions(), this.#now).file
    return this.#health
  }

  async #month(month: string): Promise<JsonFile<MonthData>> {
    const cached = this.#months.get(month)
    if (cached) return cached
    // The bytes as found, because electron-store may rewrite a file while migrating it before it finds it invalid.
    const original = await readFile(join(this.#folder, `feedback-${month}.json`)).catch(() => null)
    let file: JsonFile<MonthData>
    try {
      file = openPatiently(this.#open, this.#folder, `feedback-${month}`, monthFileOptions())
    } catch (error) {
      // Only a damaged file is set aside; a locked or unreadable disk is reported and the file left alone.
      if (!isDamagedFile(error)) throw error
      file = await this.#recover(month, error, original)
    }
    this.#months.set(month, file)
    return file
  }

  async #recover(month: string, error: unknown, original: Buffer | null = null): Promise<JsonFile<MonthData>> {
    const name = `feedback-${month}.json`
    const backup = setAsideName(`feedback-${month}`, this.#now())
    this.#months.delete(month)
    const bytes = original ?? (await readFile(join(this.#folder, name)).catch(() => null))
    if (bytes !== null) {
      // 'wx' never overwrites an earlier backup; the damaged file goes only once its bytes are safe beside it.
      await writeFile(join(this.#folder, backup), bytes, { flag: 'wx' })
      await unlink(join(this.#folder, name)).catch(() => {})
    }
    const reason = error instanceof Error ? error.message.slice(0, 300) : String(error)
    const health = this.#healthFile()
    health.set('recoveries', [
      ...health.get('recoveries'),
      { file: name, backup, reason, time: this.#now().toISOString() }
    ])
    const fresh = this.#open(this.#folder, `feedback-${month}`, monthFileOptions())
    this.#months.set(month, fresh)
    return fresh
  }
}
