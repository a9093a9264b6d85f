import * as nodeFs from 'node:fs/promises'
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FeedbackRecord } from '../../../src/shared/feedback'
import { toCsv, toJson } from '../../../src/main/export/export-format'
import { type ExportFs, exportFileName, fileSafe, verifyExport, writeExport } from '../../../src/main/export/exporter'

const records: FeedbackRecord[] = [1, 2, 3].map((day) => ({
  id: `00000000-0000-4000-8000-00000000000${day}`,
  articleId: 'knee-pain',
  sectionId: null,
  rating: 3,
  comment: day === 2 ? 'Clear, "kind" and short' : null,
  language: 'en',
  contentVersion: 'c0ffee',
  appVersion: '0.1.0',
  station: 'Room 2',
  time: `2026-11-0${day}T09:00:00.000Z`
}))

const request = (folder: string, format: 'csv' | 'json' = 'csv') => ({
  folder,
  format,
  records,
  range: { from: null, to: null },
  station: 'Room 2',
  now: new Date('2026-11-24T12:00:00.000Z')
})

/** A file system that fails the way a USB stick can. */
function failing(operation: keyof ExportFs, code: string): ExportFs {
  return {
    ...nodeFs,
    [operation]: async () => {
      throw Object.assign(new Error(`${code}: simulated`), { code })
    }
  } as ExportFs
}

describe('exporter', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-export-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('names the file after the station and the first and last day it holds', () => {
    expect(exportFileName({ records, station: 'Room 2', format: 'csv' })).toBe(
      'feedback_Room-2-614dbd39_2026-11-01_2026-11-03.csv'
    )
    expect(fileSafe('Sala de espera / Niños: 1')).toBe('Sala-de-espera-Ninos-1')
    expect(fileSafe('///')).toBe('kiosk')
  })

  it('writes a CSV that parses back to the same records, with a manifest holding its count and SHA-256', async () => {
    const outcome = await writeExport(request(folder))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const text = await readFile(outcome.file, 'utf8')
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true
    }).data
    expect(rows.map((row) => row['id'])).toEqual(records.map((record) => record.id))
    expect(rows[1]?.['comment']).toBe('Clear, "kind" and short')
    const manifest = JSON.parse(await readFile(outcome.manifestFile, 'utf8'))
    expect(manifest).toMatchObject({
      file: 'feedback_Room-2-614dbd39_2026-11-01_2026-11-03.csv',
      records: 3,
      format: 'csv'
    })
    const { createHash } = await import('node:crypto')
    expect(manifest.sha256).toBe(
      createHash('sha256')
        .update(await readFile(outcome.file))
        .digest('hex')
    )
    expect((await readdir(folder)).sort()).toEqual([manifest.file, `${manifest.file}.manifest.json`])
  })

  it('writes a JSON export that parses back to the same records', async () => {
    const outcome = await writeExport(request(folder, 'json'))
    if (!outcome.ok) throw new Error(outcome.message)
    expect(JSON.parse(await readFile(outcome.file, 'utf8')).records).toEqual(records)
  })

  it('writes a large export piece by piece into one file, in order, as one text would be', async () => {
    const many = Array.from({ length: 2500 }, (_, index) => ({
      ...(records[index % 3] as FeedbackRecord),
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`
    }))
    for (const format of ['csv', 'json'] as const) {
      const outcome = await writeExport({ ...request(folder, format), records: many })
      if (!outcome.ok) throw new Error(outcome.message)
      const text = await readFile(outcome.file, 'utf8')
      expect(text).toBe(
        format === 'csv' ? toCsv(many) : toJson(many, { from: null, to: null }, '2026-11-24T12:00:00.000Z')
      )
    }
  })

  it('never replaces an earlier export of the same days, which may hold records already cleared', async () => {
    const first = await writeExport(request(folder))
    const second = await writeExport({
      ...request(folder),
      records: records.slice(0, 1).map((each) => ({ ...each, time: '2026-11-03T10:00:00.000Z' })),
      now: new Date('2026-11-24T15:00:00.000Z')
    })
    const third = await writeExport({ ...request(folder), records: records.slice(0, 3) })
    if (!first.ok || !second.ok || !third.ok) throw new Error('an export failed')
    expect([first.manifest.file, third.manifest.file]).toEqual([
      'feedback_Room-2-614dbd39_2026-11-01_2026-11-03.csv',
      'feedback_Room-2-614dbd39_2026-11-01_2026-11-03_2.csv'
    ])
    expect(second.manifest.file).toBe('feedback_Room-2-614dbd39_2026-11-03_2026-11-03.csv')
    const rows = (await readFile(first.file, 'utf8')).trim().split('\r\n')
    expect(rows).toHaveLength(4)
    expect((await readdir(folder)).filter((name) => name.endsWith('.manifest.json'))).toHaveLength(3)
  })

  it('refuses to export nothing', async () => {
    expect(await writeExport({ ...request(folder), records: [] })).toMatchObject({
      ok: false,
      code: 'nothing-to-export'
    })
  })

  it('says the folder is missing when the drive is not there', async () => {
    expect(await writeExport(request(join(folder, 'E-drive-gone')))).toMatchObject({
      ok: false,
      code: 'folder-missing'
    })
    await writeFile(join(folder, 'a-file'), 'x')
    expect(await writeExport(request(join(folder, 'a-file')))).toMatchObject({ ok: false, code: 'folder-missing' })
  })

  it('says the folder is read-only, and leaves no partial file behind', async () => {
    expect(await writeExport(request(folder), failing('rename', 'EROFS'))).toMatchObject({
      ok: false,
      code: 'folder-read-only'
    })
    expect(await readdir(folder)).toEqual([])
  })

  it('says the drive is full', async () => {
    expect(await writeExport(request(folder), failing('open', 'ENOSPC'))).toMatchObject({
      ok: false,
      code: 'disk-full'
    })
  })

  it('fails verification when the file vanishes before it is read back (drive pulled out)', async () => {
    const vanishing: ExportFs = {
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        if (flags === 'r') throw Object.assign(new Error('ENOENT: gone'), { code: 'ENOENT' })
        return nodeFs.open(path, flags)
      }) as ExportFs['open']
    }
    expect(await writeExport(request(folder), vanishing)).toMatchObject({ ok: false, code: 'verify-failed' })
  })

  it('fails verification when what is read back differs from what was written', async () => {
    // The drive hands back more than was written, or the same length with one byte changed.
    const longer: ExportFs = {
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        if (flags === 'r') await appendFile(path, 'garbage')
        return nodeFs.open(path, flags)
      }) as ExportFs['open']
    }
    const changed: ExportFs = {
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        const handle = await nodeFs.open(path, flags)
        if (flags === 'r') {
          const bytes = await handle.readFile()
          bytes[10] = (bytes[10] as number) ^ 1
          await writeFile(path, bytes)
        }
        return handle
      }) as ExportFs['open']
    }
    for (const drive of [longer, changed])
      expect(await writeExport(request(folder, 'json'), drive)).toMatchObject({
        ok: false,
        code: 'verify-failed',
        message: 'the export on the drive differs from what was written'
      })
  })

  it('writes every byte when the drive takes only part of each write', async () => {
    const many = Array.from({ length: 2500 }, (_, index) => ({
      ...(records[index % 3] as FeedbackRecord),
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`
    }))
    const stingy = (most: number): ExportFs => ({
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        const handle = await nodeFs.open(path, flags)
        const writev = handle.writev.bind(handle)
        // At most `most` bytes of what each call hands over.
        const stingyWritev = async (buffers: readonly NodeJS.ArrayBufferView[]) => {
          const all = Buffer.concat(
            buffers.map((each) => new Uint8Array(each.buffer, each.byteOffset, each.byteLength))
          )
          return writev([all.subarray(0, most)])
        }
        handle.writev = stingyWritev as typeof handle.writev
        return handle
      }) as ExportFs['open']
    })
    for (const format of ['csv', 'json'] as const) {
      const outcome = await writeExport({ ...request(folder, format), records: many }, stingy(1000))
      if (!outcome.ok) throw new Error(outcome.message)
      expect(await readFile(outcome.file, 'utf8')).toBe(
        format === 'csv' ? toCsv(many) : toJson(many, { from: null, to: null }, '2026-11-24T12:00:00.000Z')
      )
    }
    expect(await writeExport(request(folder), stingy(0))).toMatchObject({ ok: false, code: 'write-failed' })
    expect((await readdir(folder)).filter((name) => name.endsWith('.partial'))).toEqual([])
  })

  it('stops cleanly when a record cannot be written after earlier parts went to the disk, leaving no partial file', async () => {
    const many = Array.from({ length: 6000 }, (_, index) => ({
      ...(records[index % 3] as FeedbackRecord),
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`
    }))
    // A value JSON cannot hold, at the very end: more than a megabyte has been handed to the disk by then.
    many.push({ ...(records[0] as FeedbackRecord), rating: 10n as unknown as 1 })
    expect(await writeExport({ ...request(folder, 'json'), records: many })).toMatchObject({
      ok: false,
      code: 'write-failed'
    })
    expect(await readdir(folder)).toEqual([])
  })

  describe('leaves nothing in place unless the whole export succeeded', () => {
    const name = 'feedback_Room-2-614dbd39_2026-11-01_2026-11-03.csv'
    /** A drive that does everything a real one does, except where `fails` says it fails. */
    const drive = (fails: { writev?: (path: string) => boolean; rename?: (to: string) => boolean }): ExportFs => ({
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        const handle = await nodeFs.open(path, flags)
        if (fails.writev?.(path))
          handle.writev = (async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          }) as typeof handle.writev
        return handle
      }) as ExportFs['open'],
      rename: (async (from: string, to: string) => {
        if (fails.rename?.(to)) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })
        return nodeFs.rename(from, to)
      }) as ExportFs['rename']
    })

    it('on a drive that fills up at the manifest, and the next export takes the name it would have had', async () => {
      const first = await writeExport(request(folder))
      if (!first.ok) throw new Error(first.message)
      const before = (await readdir(folder)).sort()
      const full = drive({ writev: (path) => path.includes('.manifest.json') })
      expect(await writeExport(request(folder), full)).toMatchObject({ ok: false, code: 'disk-full' })
      expect((await readdir(folder)).sort()).toEqual(before)
      const next = await writeExport(request(folder))
      expect(next).toMatchObject({
        ok: true,
        manifest: { file: 'feedback_Room-2-614dbd39_2026-11-01_2026-11-03_2.csv' }
      })
    })

    it('when the manifest cannot be renamed into place: the export file renamed before it is taken away again', async () => {
      const failing = drive({ rename: (to) => to.endsWith('.manifest.json') })
      expect(await writeExport(request(folder), failing)).toMatchObject({ ok: false, code: 'write-failed' })
      expect(await readdir(folder)).toEqual([])
      expect(await writeExport(request(folder))).toMatchObject({ ok: true, manifest: { file: name } })
    })

    it('when the export file cannot be renamed into place', async () => {
      const failing = drive({ rename: (to) => to.endsWith('.csv') })
      expect(await writeExport(request(folder), failing)).toMatchObject({ ok: false, code: 'write-failed' })
      expect(await readdir(folder)).toEqual([])
    })

    it('when what is read back is not what was written: nothing is renamed into place', async () => {
      const renamed: string[] = []
      const changing: ExportFs = {
        ...nodeFs,
        open: (async (path: string, flags: string) => {
          if (flags === 'r' && !path.includes('.manifest.json')) await appendFile(path, 'garbage')
          return nodeFs.open(path, flags)
        }) as ExportFs['open'],
        rename: (async (from: string, to: string) => {
          renamed.push(to)
          return nodeFs.rename(from, to)
        }) as ExportFs['rename']
      }
      expect(await writeExport(request(folder), changing)).toMatchObject({ ok: false, code: 'verify-failed' })
      expect(renamed).toEqual([])
      expect(await readdir(folder)).toEqual([])
    })

    it('when the manifest read back is not the one written', async () => {
      const changing: ExportFs = {
        ...nodeFs,
        open: (async (path: string, flags: string) => {
          if (flags === 'r' && path.includes('.manifest.json')) await appendFile(path, ' ')
          return nodeFs.open(path, flags)
        }) as ExportFs['open']
      }
      expect(await writeExport(request(folder), changing)).toMatchObject({ ok: false, code: 'verify-failed' })
      expect(await readdir(folder)).toEqual([])
    })

    it('puts the export file in place before its manifest, which marks the export whole', async () => {
      const renamed: string[] = []
      const watching: ExportFs = {
        ...nodeFs,
        rename: (async (from: string, to: string) => {
          renamed.push(basename(to))
          return nodeFs.rename(from, to)
        }) as ExportFs['rename']
      }
      expect(await writeExport(request(folder), watching)).toMatchObject({ ok: true })
      expect(renamed).toEqual([name, `${name}.manifest.json`])
    })
  })

  it.each(['csv', 'json'] as const)(
    'fails verification of a %s export whose bytes match but whose records are not what the manifest says',
    async (format) => {
      const outcome = await writeExport(request(folder, format))
      if (!outcome.ok) throw new Error(outcome.message)
      expect(await verifyExport(folder, outcome.manifest, outcome.manifestFile)).toMatchObject({ ok: true })
      expect(
        await verifyExport(folder, { ...outcome.manifest, records: records.length + 1 }, outcome.manifestFile)
      ).toMatchObject({ ok: false, code: 'verify-failed', message: `the export holds 3 records, not 4` })
    }
  )
})
