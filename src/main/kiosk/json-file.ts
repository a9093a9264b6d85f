import { renameSync } from 'node:fs'
import { join } from 'node:path'

// The kiosk's small JSON files (electron-store's format): opened patiently, and set aside whole when damaged.

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
export function setAsideName(name: string, time: Date): string {
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
export function openPatiently<T extends Record<string, unknown>>(
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
