import { createHash, randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import type { FeedbackRecord } from '../../shared/feedback'
import { localDay } from '../../shared/local-day'
import { countCsvRecords, countJsonRecords, csvPieces, type ExportRange, jsonPieces } from './export-format'

/** The file formats staff and IT can export to. */
export type ExportFormat = 'csv' | 'json'

/** Why an export failed, in words staff can act on; nothing is ever cleared after a failure. */
export type ExportErrorCode =
  'nothing-to-export' | 'folder-missing' | 'folder-read-only' | 'disk-full' | 'verify-failed' | 'write-failed'

/** The small file written beside every export so anyone can check it later. */
export interface Manifest {
  file: string
  format: ExportFormat
  records: number
  sha256: string
  range: ExportRange
  station: string
  exportedAt: string
}

/** A verified export, or why there is none. */
export type ExportOutcome =
  | { ok: true; file: string; manifestFile: string; manifest: Manifest }
  | { ok: false; code: ExportErrorCode; message: string }

/** The file operations an export uses, so tests can make a drive fill up, turn read-only or vanish. */
export type ExportFs = Pick<typeof nodeFs, 'open' | 'rename' | 'stat' | 'unlink'>

/** What to export and where. */
export interface ExportRequest {
  folder: string
  format: ExportFormat
  records: readonly FeedbackRecord[]
  range: ExportRange
  station: string
  now: Date
}

/** Keeps a station label usable in a file name on every system (no slashes, colons or spaces). */
export function fileSafe(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'kiosk'
  )
}

/**
 * A station's part of a file name: its label made file-safe (readable), then 8 hex digits of the SHA-256 of the whole
 * label, since fileSafe alone gives one name to labels that differ only after 40 characters or only in non-Latin letters.
 */
export function stationFileLabel(station: string): string {
  return `${fileSafe(station)}-${createHash('sha256').update(station, 'utf8').digest('hex').slice(0, 8)}`
}

/** `feedback_<station label>_<from>_<to>.<format>` (see stationFileLabel), the dates being the clinic's days of the first and last record. */
export function exportFileName(request: Pick<ExportRequest, 'records' | 'station' | 'format'>): string {
  let first: string | undefined
  let last: string | undefined
  for (const { time } of request.records) {
    if (first === undefined || time < first) first = time
    if (last === undefined || time > last) last = time
  }
  const from = first ? localDay(first) : ''
  const to = last ? localDay(last) : ''
  return `feedback_${stationFileLabel(request.station)}_${from}_${to}.${request.format}`
}

/** Counts the records a written file holds by reading it back as its format says, from its bytes. */
function countRecords(bytes: Buffer, format: ExportFormat): number {
  return format === 'json' ? countJsonRecords(bytes) : countCsvRecords(bytes)
}

function describe(error: unknown, folder: string): { code: ExportErrorCode; message: string } {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return { code: 'folder-missing', message: `${folder} is not there (is the drive plugged in?)` }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return { code: 'folder-read-only', message: `${folder} cannot be written to` }
  if (code === 'ENOSPC' || code === 'EDQUOT') return { code: 'disk-full', message: `${folder} is full` }
  return { code: 'write-failed', message: `writing to ${folder} failed: ${(error as Error).message}` }
}

/**
 * The file name itself when nothing is there yet, otherwise `…_2.csv`, `…_3.csv`: an export never replaces an earlier
 * one (which may hold records already cleared from the kiosk). Hard links would make this atomic, but FAT-formatted
 * USB sticks have none, and the kiosk is the only writer.
 */
async function freeName(fs: ExportFs, folder: string, name: string): Promise<string> {
  const dot = name.lastIndexOf('.')
  for (let copy = 1; copy < 1000; copy += 1) {
    const candidate = copy === 1 ? name : `${name.slice(0, dot)}_${copy}${name.slice(dot)}`
    const taken = await fs.stat(join(folder, candidate)).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code !== 'ENOENT'
    )
    const manifestTaken = await fs.stat(join(folder, `${candidate}.manifest.json`)).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code !== 'ENOENT'
    )
    if (!taken && !manifestTaken) return candidate
  }
  throw Object.assign(new Error('too many exports with the same name'), { code: 'EEXIST' })
}

/** About how many bytes go to the disk in one write (pieces are gathered up to this), or come back in one read. */
const bytesPerCall = 1024 * 1024

type Handle = Awaited<ReturnType<ExportFs['open']>>

/** Writes every byte of `buffers` where the file's last write ended, whatever part of them each system call takes. */
async function writeAll(handle: Handle, buffers: Buffer[]): Promise<void> {
  let rest = buffers
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest)
    if (bytesWritten === 0) throw Object.assign(new Error('the drive took no more bytes'), { code: 'EIO' })
    let written = bytesWritten
    let done = 0
    while (done < rest.length && written >= (rest[done] as Buffer).length) written -= (rest[done++] as Buffer).length
    rest = rest.slice(done)
    if (written > 0) rest[0] = (rest[0] as Buffer).subarray(written)
  }
}

/**
 * Writes text piece by piece to a new file and flushes it to disk; returns the SHA-256 of what was written. Pieces are
 * gathered into writes of about a megabyte, and each write goes on while the next is being prepared (one at a time,
 * in order): the disk and the CPU work side by side. The file goes into `created` as soon as it exists.
 */
async function writeDurably(fs: ExportFs, path: string, pieces: Iterable<string>, created: string[]): Promise<string> {
  const hash = createHash('sha256')
  const handle = await fs.open(path, 'wx')
  created.push(path)
  let writing: Promise<void> = Promise.resolve()
  try {
    let gathered: Buffer[] = []
    let size = 0
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8')
      hash.update(bytes)
      gathered.push(bytes)
      size += bytes.length
      if (size < bytesPerCall) continue
      await writing
      writing = writeAll(handle, gathered)
      gathered = []
      size = 0
    }
    await writing
    await writeAll(handle, gathered)
    await handle.sync()
  } finally {
    // A write still going on when something else failed ends before the file is closed; its own error adds nothing.
    await writing.catch(() => {})
    await handle.close()
  }
  return hash.digest('hex')
}

/** One file of an export (the feedback, or the engagement aggregates beside it) and where it goes. */
export interface ExportFileRequest {
  folder: string
  /** The name it should have; `_2`, `_3` … are added rather than replace a file already there. */
  name: string
  format: ExportFormat
  /** How many records the file holds: written into the manifest, and counted again in the file read back. */
  records: number
  /** The file's text, piece by piece, so a large export never sits in memory whole. */
  pieces: Iterable<string>
  range: ExportRange
  station: string
  now: Date
}

/** Whether a folder is there and is a folder; the failure to report when it is not. */
async function checkFolder(fs: ExportFs, folder: string): Promise<{ code: ExportErrorCode; message: string } | null> {
  const folderStat = await fs.stat(folder).catch((error: unknown) => error as NodeJS.ErrnoException)
  if (folderStat instanceof Error) return describe(folderStat, folder)
  return folderStat.isDirectory() ? null : { code: 'folder-missing', message: `${folder} is not a folder` }
}

/**
 * Writes an export the careful way: the export and its manifest (record count and SHA-256) each to a temporary file on
 * the destination, flushed to disk; both read back and checked (the export's bytes against the SHA-256 and its records
 * counted, the manifest byte for byte); only then renamed into place, the export first and the manifest last, so that
 * a manifest beside a file always means a whole export. Whatever fails on the way, everything this export put on the
 * drive is removed again, a file already renamed into place included, so a failed export leaves nothing (and takes
 * no `_2` name). Only a result with `ok: true` means the records are safely out; the caller may offer to clear them
 * only then.
 */
export async function writeExport(request: ExportRequest, fs: ExportFs = nodeFs): Promise<ExportOutcome> {
  if (request.records.length === 0)
    return { ok: false, code: 'nothing-to-export', message: 'there is no feedback in that range' }
  const exportedAt = request.now.toISOString()
  return writeExportFile(
    {
      ...request,
      name: exportFileName(request),
      records: request.records.length,
      // Written piece by piece: a large export never sits in memory as one text.
      pieces:
        request.format === 'csv' ? csvPieces(request.records) : jsonPieces(request.records, request.range, exportedAt)
    },
    fs
  )
}

/** Writes one file of an export and its manifest the careful way described at writeExport. */
export async function writeExportFile(request: ExportFileRequest, fs: ExportFs = nodeFs): Promise<ExportOutcome> {
  const folderProblem = await checkFolder(fs, request.folder)
  if (folderProblem) return { ok: false, ...folderProblem }
  const exportedAt = request.now.toISOString()
  /** Every file this export has put on the drive so far, under the name it has now. */
  const written: string[] = []
  const undo = async () => {
    for (const path of written.reverse()) await fs.unlink(path).catch(() => {})
  }
  const place = async (from: string, to: string) => {
    await fs.rename(from, to)
    written.splice(written.indexOf(from), 1, to)
  }
  try {
    const name = await freeName(fs, request.folder, request.name)
    const random = randomBytes(4).toString('hex')
    const target = join(request.folder, name)
    const temporary = join(request.folder, `.${name}.${random}.partial`)
    const manifestFile = join(request.folder, `${name}.manifest.json`)
    const manifestTemporary = join(request.folder, `.${name}.manifest.json.${random}.partial`)
    const manifest: Manifest = {
      file: name,
      format: request.format,
      records: request.records,
      sha256: await writeDurably(fs, temporary, request.pieces, written),
      range: request.range,
      station: request.station,
      exportedAt
    }
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
    await writeDurably(fs, manifestTemporary, [manifestText], written)
    const problem =
      (await checkFile(fs, temporary, manifest)) ??
      (await checkManifest(fs, manifestTemporary, Buffer.from(manifestText)))
    if (problem !== null) {
      await undo()
      return { ok: false, code: 'verify-failed', message: problem }
    }
    await place(temporary, target)
    await place(manifestTemporary, manifestFile)
    return { ok: true, file: target, manifestFile, manifest }
  } catch (error) {
    await undo()
    return { ok: false, ...describe(error, request.folder) }
  }
}

/**
 * Writes a file that needs no manifest (the report beside an export) the same careful way: to a temporary file,
 * flushed, read back and compared, then renamed into place under a name nothing else has. Returns its path.
 */
export async function writeCheckedFile(
  folder: string,
  name: string,
  text: string,
  fs: ExportFs = nodeFs
): Promise<{ ok: true; file: string } | { ok: false; code: ExportErrorCode; message: string }> {
  const folderProblem = await checkFolder(fs, folder)
  if (folderProblem) return { ok: false, ...folderProblem }
  const written: string[] = []
  try {
    const free = await freeName(fs, folder, name)
    const temporary = join(folder, `.${free}.${randomBytes(4).toString('hex')}.partial`)
    const bytes = Buffer.from(text, 'utf8')
    await writeDurably(fs, temporary, [text], written)
    if (!(await readBack(fs, temporary)).bytes.equals(bytes)) {
      await fs.unlink(temporary).catch(() => {})
      return { ok: false, code: 'verify-failed', message: `${free} on the drive differs from what was written` }
    }
    await fs.rename(temporary, join(folder, free))
    return { ok: true, file: join(folder, free) }
  } catch (error) {
    for (const path of written) await fs.unlink(path).catch(() => {})
    return { ok: false, ...describe(error, folder) }
  }
}

/** Takes a finished export off the drive again (its manifest first), when a later file of the same export failed. */
export async function removeExport(
  outcome: { file: string; manifestFile: string },
  fs: ExportFs = nodeFs
): Promise<void> {
  await fs.unlink(outcome.manifestFile).catch(() => {})
  await fs.unlink(outcome.file).catch(() => {})
}

/**
 * Reads a file back whole, as the drive hands it over, with its SHA-256: each part is hashed while the next is read.
 * One byte more than the file's size is asked for, so a file that grows meanwhile is not read short.
 */
async function readBack(fs: ExportFs, file: string): Promise<{ bytes: Buffer; sha256: string }> {
  const hash = createHash('sha256')
  const handle = await fs.open(file, 'r')
  try {
    const { size } = await handle.stat()
    const bytes = Buffer.allocUnsafe(size + 1)
    let length = 0
    let reading = handle.read(bytes, 0, Math.min(bytesPerCall, bytes.length), 0)
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) break
      const start = length
      length += bytesRead
      const more = length < bytes.length
      if (more) reading = handle.read(bytes, length, Math.min(bytesPerCall, bytes.length - length), length)
      hash.update(bytes.subarray(start, length))
      if (!more) break
    }
    return { bytes: bytes.subarray(0, length), sha256: hash.digest('hex') }
  } finally {
    await handle.close()
  }
}

/** Why a file on the drive is not the export its manifest describes (other bytes, another count); null if it is. */
async function checkFile(fs: ExportFs, file: string, manifest: Manifest): Promise<string | null> {
  let written: { bytes: Buffer; sha256: string }
  try {
    written = await readBack(fs, file)
  } catch (error) {
    return `the export could not be read back: ${(error as Error).message}`
  }
  if (written.sha256 !== manifest.sha256) return 'the export on the drive differs from what was written'
  const counted = countRecords(written.bytes, manifest.format)
  return counted === manifest.records ? null : `the export holds ${counted} records, not ${manifest.records}`
}

/** Why a manifest read back from the drive is not the one written; null if it is. */
async function checkManifest(fs: ExportFs, file: string, bytes: Buffer): Promise<string | null> {
  try {
    return (await readBack(fs, file)).bytes.equals(bytes)
      ? null
      : 'the manifest on the drive differs from what was written'
  } catch (error) {
    return `the manifest could not be read back: ${(error as Error).message}`
  }
}

/** Reads an export back and checks it against its manifest: same bytes (SHA-256) and the same number of records. */
export async function verifyExport(
  folder: string,
  manifest: Manifest,
  manifestFile: string,
  fs: ExportFs = nodeFs
): Promise<ExportOutcome> {
  const file = join(folder, manifest.file)
  const problem = await checkFile(fs, file, manifest)
  if (problem !== null) return { ok: false, code: 'verify-failed', message: problem }
  return { ok: true, file, manifestFile, manifest }
}
