import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

// The fleet report's combined CSV, written to a temporary file beside its place and renamed there when whole. A file
// found bad halfway through is taken back out: the CSV is cut back to where that file's rows began.

/** Rows are gathered to about this many bytes before they go to the disk in one write. */
const bytesPerWrite = 1024 * 1024

/** A combined CSV being written: rows appended, the rows since a mark taken back, and the whole renamed into place. */
export class CombinedCsv {
  readonly #path: string
  readonly #temporary: string
  #handle: nodeFs.FileHandle | null = null
  #pending: string[] = []
  #pendingLength = 0
  #position = 0
  #mark = 0

  private constructor(path: string) {
    this.#path = path
    this.#temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`)
  }

  /** Starts a combined CSV that will be `path` once finished. */
  static async open(path: string): Promise<CombinedCsv> {
    const csv = new CombinedCsv(path)
    csv.#handle = await nodeFs.open(csv.#temporary, 'w')
    return csv
  }

  /** Adds text after what is written. */
  async write(text: string): Promise<void> {
    this.#pending.push(text)
    this.#pendingLength += text.length
    if (this.#pendingLength >= bytesPerWrite) await this.#flush()
  }

  async #flush(): Promise<void> {
    if (this.#pending.length === 0 || !this.#handle) return
    const bytes = Buffer.from(this.#pending.join(''), 'utf8')
    this.#pending = []
    this.#pendingLength = 0
    let done = 0
    while (done < bytes.length) {
      const { bytesWritten } = await this.#handle.write(bytes, done, bytes.length - done, this.#position + done)
      if (bytesWritten === 0) throw Object.assign(new Error('the drive took no more bytes'), { code: 'EIO' })
      done += bytesWritten
    }
    this.#position += bytes.length
  }

  /** Remembers where the next file's rows begin. */
  async mark(): Promise<void> {
    await this.#flush()
    this.#mark = this.#position
  }

  /** Takes back every row written since the mark. */
  async rollback(): Promise<void> {
    this.#pending = []
    this.#pendingLength = 0
    this.#position = this.#mark
    await this.#handle?.truncate(this.#mark)
  }

  /** Writes what is left and renames the file into place. */
  async finish(): Promise<void> {
    await this.#flush()
    await this.#handle?.close()
    this.#handle = null
    await nodeFs.rename(this.#temporary, this.#path)
  }

  /** Removes the temporary file after a failure. */
  async discard(): Promise<void> {
    await this.#handle?.close().catch(() => {})
    this.#handle = null
    await nodeFs.unlink(this.#temporary).catch(() => {})
  }
}
