import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

/** One content folder kept on the shelf. */
export interface ShelfEntry {
  /** The folder's name inside the shelf. */
  folder: string
  /** When it was put on the shelf (ISO time). */
  savedAt: string
  /** Where its articles came from, in words (a folder, a stick). */
  from: string
  /** The content version of its articles. */
  version: string
}

/** Which folder is in use and which came before it; `canUndo` when going back to `previous` is offered. */
export interface ShelfPointer {
  current: ShelfEntry | null
  previous: ShelfEntry | null
  canUndo: boolean
}

const entrySchema = z.strictObject({
  folder: z.string().regex(/^[\w-]+$/),
  savedAt: z.iso.datetime(),
  from: z.string(),
  version: z.string()
})
const pointerSchema = z.strictObject({
  current: entrySchema.nullable(),
  previous: entrySchema.nullable(),
  canUndo: z.boolean()
})

const empty: ShelfPointer = { current: null, previous: null, canUndo: false }
const pointerName = 'pointer.json'
const stagingPrefix = '.staging-'

/** The file operations the shelf needs; tests replace one to make a step fail. */
export interface ShelfFiles {
  rename: (from: string, to: string) => Promise<void>
}

/**
 * Content folders kept in the data folder, switched atomically: a new folder is written beside the others under a
 * staging name, renamed into place, and only then does `pointer.json` (written to a temporary file, flushed and
 * renamed over the old one) name it. A failure at any step leaves the pointer, and so the content in use, as it was.
 */
export class ContentShelf {
  readonly root: string
  readonly #now: () => Date
  readonly #files: ShelfFiles

  constructor(root: string, now: () => Date, files: ShelfFiles = { rename }) {
    this.root = root
    this.#now = now
    this.#files = files
  }

  /** The pointer; a missing or damaged one is read as an empty shelf (the folders stay until pruned). */
  async read(): Promise<ShelfPointer> {
    try {
      const parsed = pointerSchema.safeParse(JSON.parse(await readFile(join(this.root, pointerName), 'utf8')))
      return parsed.success ? parsed.data : { ...empty }
    } catch {
      return { ...empty }
    }
  }

  /** The full path of an entry's folder. */
  pathOf(entry: ShelfEntry): string {
    return join(this.root, entry.folder)
  }

  /** A new, empty staging folder to write content into. */
  async stage(): Promise<string> {
    const staging = join(this.root, `${stagingPrefix}${randomBytes(6).toString('hex')}`)
    await mkdir(staging, { recursive: true })
    return staging
  }

  /**
   * Puts a staged folder on the shelf as the one in use; the one before becomes `previous` (kept, and offered for
   * undo when `undoable`). If renaming or writing the pointer fails, the staged folder is removed and the pointer
   * is untouched.
   */
  async put(staging: string, from: string, version: string, undoable: boolean): Promise<ShelfEntry> {
    const before = await this.read()
    const savedAt = this.#now().toISOString()
    const entry: ShelfEntry = {
      folder: `${savedAt.replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`,
      savedAt,
      from,
      version
    }
    try {
      await this.#files.rename(staging, this.pathOf(entry))
      await this.#write({ current: entry, previous: before.current, canUndo: undoable })
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      await rm(this.pathOf(entry), { recursive: true, force: true })
      throw error
    }
    return entry
  }

  /** Goes back to the previous folder (or to none); the undone one stays on disk until pruned. */
  async undo(): Promise<ShelfPointer> {
    const before = await this.read()
    if (!before.canUndo) return before
    const after: ShelfPointer = { current: before.previous, previous: before.current, canUndo: false }
    await this.#write(after)
    return after
  }

  /** Removes every folder the pointer does not name and that is not `inUse` (on screen), and staging leftovers. */
  async prune(inUse: string[], staging: string[] = []): Promise<void> {
    const pointer = await this.read()
    const keep = new Set([pointer.current?.folder, pointer.previous?.folder, pointerName])
    const entries = await readdir(this.root).catch(() => [])
    for (const name of entries) {
      const path = join(this.root, name)
      if (keep.has(name) || inUse.includes(path) || staging.includes(path)) continue
      await rm(path, { recursive: true, force: true })
    }
  }

  async #write(pointer: ShelfPointer): Promise<void> {
    await mkdir(this.root, { recursive: true })
    const target = join(this.root, pointerName)
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`
    const handle = await open(temporary, 'w')
    try {
      await handle.writeFile(JSON.stringify(pointer, null, 2))
      await handle.sync()
    } finally {
      await handle.close()
    }
    try {
      await this.#files.rename(temporary, target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
}
