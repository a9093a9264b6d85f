import { randomBytes } from 'node:crypto'
import type { BigIntStats } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import type { FeedbackRecord } from '../../shared/feedback'
import {
  type JsonFile,
  type OpenJsonFile,
  isDamagedFile,
  openOrSetAside,
  openPatiently,
  setAsideName
} from '../kiosk/json-file'
import {
  type Month,
  type MonthData,
  RecordRefusedError,
  checkRecord,
  classifyMonthFile,
  encodeMonth,
  feedbackDataVersion,
  freshRest,
  lineOf,
  linesOf,
  monthFileOptions,
  monthOf,
  parseCurrent,
  recordsIn
} from './month-file'
import {
  type NewerFile,
  type Recovery,
  type HealthData,
  MonthRefusedError,
  healthOptions,
  removeLeftovers,
  writesUnderWay
} from './store-upkeep'

export { type NewerFile, type Recovery, MonthRefusedError, leftoverAgeMilliseconds } from './store-upkeep'

const monthFileName = /^feedback-(\d{4}-\d{2})\.json$/

/** The file operations the store uses, so tests can make a disk busy, locked or full. */
export type StoreFs = Pick<typeof nodeFs, 'mkdir' | 'open' | 'readdir' | 'rename' | 'stat' | 'unlink' | 'writeFile'>

/** Every record as read at one moment, oldest month first, and those of them in no verified export yet. */
export interface FeedbackReading {
  readonly records: readonly FeedbackRecord[]
  readonly unexported: readonly FeedbackRecord[]
}

function identityOf(stats: BigIntStats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeNs}`
}

/** Errors a virus scanner or backup tool causes for a moment on Windows while it holds a file. */
const isBusy = (error: unknown) => ['EBUSY', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

/** How many months the store keeps in memory for appending: this one, and the last one around a month's turn. */
const monthsKept = 2

/**
 * Feedback on disk, one file per month so every write stays small however much has been collected. The files are
 * electron-store files. Files at the current version are read and written directly, checked against the same schema:
 * electron-store re-reads, re-checks and re-writes a whole file on every change, which grows with the month. A file of
 * this store's shape at an earlier data version is left to electron-store to migrate. Any other file (not JSON, of
 * another shape, refused by the schema) is moved aside byte for byte as a backup, the valid records found in it go
 * back into a fresh file, and the event is listed for staff; the kiosk never stops for it. A file a newer kiosk
 * version wrote is left untouched, and nothing is saved for its month. The month being appended to stays in memory
 * and is read again only when its file changed under the kiosk.
 */
export class FeedbackStore {
  readonly #folder: string
  readonly #open: OpenJsonFile
  readonly #now: () => Date
  readonly #random: () => number
  readonly #fs: StoreFs
  /** The months being appended to, most recent last. */
  readonly #kept = new Map<string, Month>()
  readonly #derived = new Map<(records: readonly FeedbackRecord[]) => unknown, Map<string, Derived>>()
  /** The months behind each reading handed out, for as long as its holder keeps it. */
  readonly #readings = new WeakMap<FeedbackReading, ReadonlyMap<string, Month>>()
  /** Months whose file a newer kiosk version wrote, as last read. */
  readonly #newer = new Map<string, NewerFile>()
  /** Recoveries under way, so two readers of one damaged month recover it once. */
  readonly #recovering = new Map<string, Promise<Month>>()
  #health: JsonFile<HealthData> | null = null
  /** What interrupted writes had left, removed when the store opened and before its first write. */
  readonly #leftovers: Promise<{ count: number; bytes: number }>
  #queue: Promise<unknown>

  constructor(
    folder: string,
    open: OpenJsonFile,
    now: () => Date = () => new Date(),
    random: () => number = Math.random,
    fs: StoreFs = nodeFs
  ) {
    this.#folder = folder
    this.#open = open
    this.#now = now
    this.#random = random
    this.#fs = fs
    this.#leftovers = removeLeftovers(fs, folder, now)
    this.#queue = this.#leftovers
  }

  /** How many temporary files interrupted writes had left (and their bytes), removed when the store opened. */
  leftoverFilesRemoved(): Promise<{ count: number; bytes: number }> {
    return this.#leftovers
  }

  /** Month files written by a newer kiosk version, as last read: left untouched, and nothing is saved into them. */
  newerFiles(): NewerFile[] {
    return [...this.#newer.values()]
  }

  /** Adds a record to its month's file, at a random place so the order in the file says nothing about arrival. */
  append(record: FeedbackRecord): Promise<void> {
    return this.#serially(() => this.#append(record))
  }

  /** Runs changes one at a time: two arriving together must not read the same month and lose one another's work. */
  #serially<T>(change: () => Promise<T>): Promise<T> {
    const done = this.#queue.then(change)
    this.#queue = done.catch(() => {})
    return done
  }

  async #append(record: FeedbackRecord): Promise<void> {
    // A failed write (full disk, a lock held by antivirus, a record the schema refuses) is reported, never "repaired".
    const problem = checkRecord(record)
    if (problem !== null) throw new RecordRefusedError(`the record breaks the schema: ${problem}`)
    const name = monthOf(record.time)
    const month = await this.#load(name)
    if (month.refusal !== undefined) throw new MonthRefusedError(month.refusal)
    // Records kept in memory are frozen: one changed by a caller would no longer be what the file holds.
    if (this.#kept.get(name) !== month) month.records.forEach(Object.freeze)
    const lines = month.lines ?? (month.section ? linesOf(month.section) : month.records.map(lineOf))
    const position = Math.floor(this.#random() * (month.records.length + 1))
    const changed: Month = {
      ...month,
      records: month.records.toSpliced(position, 0, Object.freeze({ ...record })),
      lines: lines.toSpliced(position, 0, lineOf(record)),
      section: null
    }
    await this.#write(name, changed)
    // Kept last in the map, so the month written longest ago goes first.
    this.#kept.delete(name)
    this.#kept.set(name, changed)
    for (const old of this.#kept.keys()) if (this.#kept.size > monthsKept) this.#kept.delete(old)
  }

  /** The months that have a file, oldest first. */
  async months(): Promise<string[]> {
    const names = await this.#fs.readdir(this.#folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    })
    const months = names
      .map((name) => monthFileName.exec(name)?.[1])
      .filter((month): month is string => month !== undefined)
      .sort()
    for (const month of this.#newer.keys()) if (!months.includes(month)) this.#newer.delete(month)
    return months
  }

  /** Every record of one month. */
  async recordsOf(month: string): Promise<FeedbackRecord[]> {
    return [...(await this.#load(month)).records]
  }

  /** Every record, oldest month first. */
  async allRecords(): Promise<FeedbackRecord[]> {
    return [...(await this.read()).records]
  }

  /**
   * Every month as it is now: all records, oldest month first, and those in no verified export yet. Handing the
   * reading back to markExported spares reading every month again for an export just made from it.
   */
  async read(): Promise<FeedbackReading> {
    const months = new Map<string, Month>()
    const records: FeedbackRecord[] = []
    const unexported: FeedbackRecord[] = []
    const names = await this.months()
    // The next month's file is read from the disk while this one is parsed and checked (not one kept in memory,
    // which is usually not read at all). A failed read is reported when its month's turn comes, as before.
    const ahead = (index: number) => {
      const name = names[index]
      if (name === undefined || this.#kept.has(name)) return undefined
      const reading = this.#readBytes(name)
      reading.catch(() => {})
      return reading
    }
    let next = ahead(0)
    for (let index = 0; index < names.length; index += 1) {
      const name = names[index] as string
      const found = next
      next = ahead(index + 1)
      const month = await this.#load(name, found)
      months.set(name, month)
      const exported = new Set(month.exportedIds)
      for (const record of month.records) {
        records.push(record)
        if (!exported.has(record.id)) unexported.push(record)
      }
    }
    const reading = { records, unexported }
    this.#readings.set(reading, months)
    return reading
  }

  /**
   * Something worked out from each month's records, oldest month first, worked out again only for a month whose file
   * changed since (staff mode's figures, without reading every record each time). `derive` must be a pure function
   * kept for the life of the store (a module-level one): the results are remembered per function.
   */
  async monthly<T>(derive: (records: readonly FeedbackRecord[]) => T): Promise<T[]> {
    let remembered = this.#derived.get(derive)
    if (!remembered) this.#derived.set(derive, (remembered = new Map()))
    const months = await this.months()
    for (const month of remembered.keys()) if (!months.includes(month)) remembered.delete(month)
    const results: T[] = []
    for (const name of months) {
      const earlier = remembered.get(name)
      if (earlier && earlier.identity !== null && earlier.identity === (await this.#identity(name))) {
        results.push(earlier.value as T)
        continue
      }
      const month = await this.#load(name)
      const value = derive(month.records)
      remembered.set(name, { identity: month.identity, value })
      results.push(value)
    }
    return results
  }

  /**
   * Marks records as safely exported; called only after an export was written and verified. A month whose file is
   * unchanged since `reading` (the reading the export was made from) is taken from it rather than read again.
   */
  markExported(ids: ReadonlySet<string>, reading?: FeedbackReading): Promise<void> {
    const seen = reading ? this.#readings.get(reading) : undefined
    return this.#serially(async () => {
      const writes: Array<Promise<void>> = []
      for (const name of await this.months()) {
        const earlier = seen?.get(name)
        // A month being appended to is always the one in memory; otherwise the reading's, if the file is unchanged.
        const unchanged =
          !this.#kept.has(name) && earlier?.identity != null && earlier.identity === (await this.#identity(name))
        const month = unchanged && earlier ? earlier : await this.#load(name)
        const already = new Set(month.exportedIds)
        const added = month.records.filter((record) => ids.has(record.id) && !already.has(record.id))
        // Different files, so their writes (and waits for the disk) can overlap.
        if (added.length > 0)
          writes.push(
            this.#write(name, { ...month, exportedIds: [...month.exportedIds, ...added.map((record) => record.id)] })
          )
      }
      const results = await Promise.allSettled(writes)
      const failed = results.find((result) => result.status === 'rejected')
      if (failed) throw failed.reason
    })
  }

  /** Records that are in no verified export yet ("since the last export"). */
  async unexportedRecords(): Promise<FeedbackRecord[]> {
    return [...(await this.read()).unexported]
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

  #removeWhere(remove: (record: FeedbackRecord, exported: boolean) => boolean): Promise<number> {
    return this.#serially(async () => {
      let removed = 0
      for (const name of await this.months()) {
        const month = await this.#load(name)
        const exported = new Set(month.exportedIds)
        const keep = month.records.map((record) => !remove(record, exported.has(record.id)))
        const kept = month.records.filter((_, index) => keep[index])
        if (kept.length === month.records.length) continue
        const keptIds = new Set(kept.map((record) => record.id))
        await this.#write(name, {
          ...month,
          records: kept,
          exportedIds: month.exportedIds.filter((id) => keptIds.has(id)),
          lines: month.lines?.filter((_, index) => keep[index]) ?? null,
          section: null
        })
        removed += month.records.length - kept.length
      }
      return removed
    })
  }

  /** The month files on disk and their total size, for the data-health panel. */
  async files(): Promise<{ count: number; bytes: number }> {
    let bytes = 0
    const months = await this.months()
    for (const month of months) bytes += (await this.#fs.stat(this.#path(month))).size
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

  #path(month: string): string {
    return join(this.#folder, `feedback-${month}.json`)
  }

  /** Which content the month's file has now; null when there is none. */
  async #identity(month: string): Promise<string | null> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return identityOf(await this.#fs.stat(this.#path(month), { bigint: true }))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        if (!isBusy(error) || attempt >= 5) throw error
        await pause(200)
      }
    }
  }

  /**
   * A month as its file holds it now: the one in memory if the file is unchanged since, otherwise read again (or
   * from `found`, its bytes read just before by the caller).
   */
  async #load(name: string, found?: Promise<{ bytes: Buffer; identity: string } | null>): Promise<Month> {
    const kept = this.#kept.get(name)
    if (kept) {
      const identity = await this.#identity(name)
      if (identity === kept.identity) return kept
      // Changed under the kiosk (a restored backup, a hand edit) or moved away: what is on disk now counts (read now,
      // not bytes `found` before the month was kept).
      this.#kept.delete(name)
      return this.#read(name)
    }
    return this.#read(name, found)
  }

  /** The bytes of a month's file and which content they are, waiting out a brief lock; null when there is no file. */
  async #readBytes(month: string): Promise<{ bytes: Buffer; identity: string } | null> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const handle = await this.#fs.open(this.#path(month), 'r')
        try {
          const identity = identityOf(await handle.stat({ bigint: true }))
          return { bytes: await handle.readFile(), identity }
        } finally {
          await handle.close()
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        // Only a damaged file is ever set aside; a locked or unreadable disk is reported and the file left alone.
        if (!isBusy(error) || attempt >= 5) throw error
        await pause(200)
      }
    }
  }

  async #read(name: string, bytesRead?: Promise<{ bytes: Buffer; identity: string } | null>): Promise<Month> {
    const found = await (bytesRead ?? this.#readBytes(name))
    if (found === null) {
      this.#newer.delete(name)
      return { records: [], exportedIds: [], rest: freshRest(), identity: null, lines: null, section: null }
    }
    const current = parseCurrent(found.bytes)
    if (current) {
      this.#newer.delete(name)
      return { ...current, identity: found.identity }
    }
    // Looked at before electron-store may touch it: it would absorb a file of another shape into its defaults, and
    // stamp a newer one down to this version.
    const kind = classifyMonthFile(found.bytes)
    if (kind.kind === 'newer') {
      const file = `feedback-${name}.json`
      this.#newer.set(name, { file, version: kind.version })
      const refusal =
        `${file} was written by a newer kiosk version (data version ${kind.version}; this one knows ` +
        `${feedbackDataVersion}): it is left untouched and nothing is saved for ${name} until that version is back ` +
        'or the file is moved away'
      return { records: [], exportedIds: [], rest: {}, identity: found.identity, lines: null, section: null, refusal }
    }
    this.#newer.delete(name)
    if (kind.kind === 'unreadable') return this.#recoverOnce(name, kind.reason, found, kind.records)
    try {
      // electron-store migrates an older file in place, or refuses a damaged one.
      openPatiently(this.#open, this.#folder, `feedback-${name}`, monthFileOptions())
    } catch (error) {
      if (!isDamagedFile(error)) throw error
      // electron-store may have written the file before refusing it: its bytes as found are what is kept aside.
      const reason = error instanceof Error ? error.message : String(error)
      return this.#recoverOnce(name, reason, { bytes: found.bytes, identity: null }, recordsIn(found.bytes))
    }
    const migrated = await this.#readBytes(name)
    if (migrated === null)
      return { records: [], exportedIds: [], rest: freshRest(), identity: null, lines: null, section: null }
    // electron-store accepted it, so it is JSON of the schema's shape whatever the quick check above said.
    const { records = [], exportedIds = [], ...rest } = JSON.parse(migrated.bytes.toString('utf8')) as MonthData
    return { records, exportedIds, rest, identity: migrated.identity, lines: null, section: null }
  }

  /** Replaces a month's file at once (a temporary file, flushed to disk, renamed over it), never half-written. */
  async #write(name: string, month: Month): Promise<void> {
    if (month.refusal !== undefined) throw new MonthRefusedError(month.refusal)
    const bytes = encodeMonth(month)
    const temporary = join(this.#folder, `.feedback-${name}.json.${randomBytes(4).toString('hex')}.tmp`)
    writesUnderWay.add(temporary)
    try {
      await this.#writeThrough(name, month, bytes, temporary)
    } finally {
      writesUnderWay.delete(temporary)
    }
    if (this.#kept.has(name)) this.#kept.set(name, month)
  }

  async #writeThrough(name: string, month: Month, bytes: Buffer, temporary: string): Promise<void> {
    const handle = await this.#fs.open(temporary, 'wx').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
      await this.#fs.mkdir(this.#folder, { recursive: true })
      return this.#fs.open(temporary, 'wx')
    })
    try {
      try {
        await handle.writeFile(bytes)
        await handle.sync()
        month.identity = identityOf(await handle.stat({ bigint: true }))
      } finally {
        await handle.close()
      }
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.#fs.rename(temporary, this.#path(name))
          break
        } catch (error) {
          if (!isBusy(error) || attempt >= 5) throw error
          await pause(200)
        }
      }
    } catch (error) {
      await this.#fs.unlink(temporary).catch(() => {})
      throw error
    }
  }

  /** Recovers a month once however many readers found it damaged together. */
  async #recoverOnce(
    month: string,
    reason: string,
    found: { bytes: Buffer; identity: string | null },
    records: FeedbackRecord[]
  ): Promise<Month> {
    const pending = this.#recovering.get(month)
    if (pending) return pending
    // Read before another reader recovered (or wrote) this month: what is there now counts.
    if (found.identity !== null && (await this.#identity(month)) !== found.identity) return this.#read(month)
    const started = this.#recovering.get(month)
    if (started) return started
    const recovery = this.#recover(month, reason, found.bytes, records).finally(() => this.#recovering.delete(month))
    this.#recovering.set(month, recovery)
    return recovery
  }

  /**
   * Keeps a month file the store cannot read aside, byte for byte, and starts the month again with the valid records
   * found in it (none for most damage): nothing in it is lost, and what could be read stays in summaries and exports.
   */
  async #recover(month: string, reason: string, bytes: Buffer, records: FeedbackRecord[]): Promise<Month> {
    const name = `feedback-${month}.json`
    const backup = setAsideName(`feedback-${month}`, this.#now())
    this.#kept.delete(month)
    // 'wx' never overwrites an earlier backup; the damaged file goes only once its bytes are safe beside it.
    await this.#fs.writeFile(join(this.#folder, backup), bytes, { flag: 'wx' })
    const fresh: Month = { records, exportedIds: [], rest: freshRest(), identity: null, lines: null, section: null }
    // The records found are written over the damaged file at once; they count as not exported, so none is removed
    // before it is in a verified export again.
    if (records.length > 0) await this.#write(month, fresh)
    else await this.#fs.unlink(this.#path(month)).catch(() => {})
    const health = this.#healthFile()
    health.set('recoveries', [
      ...health.get('recoveries'),
      { file: name, backup, reason: reason.slice(0, 300), time: this.#now().toISOString(), recovered: records.length }
    ])
    return fresh
  }
}

interface Derived {
  identity: string | null
  value: unknown
}
