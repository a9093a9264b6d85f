import { mkdir, mkdtemp, opendir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listContentFiles, type FolderEntry } from '../../../src/main/content/content-files'
import { contentLimits } from '../../../src/main/content/content-limits'

const overLimit = (file: string) => ({
  file,
  line: 0,
  message:
    `the folder holds more than ${contentLimits.entries} files and folders; the kiosk stopped looking here. ` +
    'Keep only articles and their pictures in a content folder'
})

describe('walking a content folder', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kiosk-walk-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('lists articles folder by folder in name order, and skips what starts with "_" or "." without a word', async () => {
    await mkdir(join(folder, 'en'), { recursive: true })
    await mkdir(join(folder, '_drafts'), { recursive: true })
    for (const name of ['b.md', 'a.md', 'C.md', '_draft.md', '.hidden.md', 'notes.txt'])
      await writeFile(join(folder, 'en', name), '')
    await writeFile(join(folder, '_drafts', 'draft.md'), '')
    const found = await listContentFiles(folder)
    expect(found.articles).toEqual(['a.md', 'b.md', 'C.md'].map((name) => join(folder, 'en', name)))
    expect(found.skipped.map((problem) => problem.file)).toEqual(['en/notes.txt'])
  })

  it('counts names starting with "_" or "." toward the limit, though it never shows them', async () => {
    await mkdir(join(folder, 'en'))
    await writeFile(join(folder, 'en', 'a.md'), '')
    await Promise.all(
      Array.from({ length: contentLimits.entries + 5 }, (_, index) => writeFile(join(folder, `_photo-${index}.jpg`), ''))
    )
    const found = await listContentFiles(folder)
    expect(found.skipped).toEqual([overLimit('.')])
  })

  it('stops reading a folder of millions of names at the limit rather than reading and sorting it whole', async () => {
    let read = 0
    // A folder without end: reading it whole would never finish.
    const endless = async function* (): AsyncGenerator<FolderEntry> {
      for (;;) {
        read += 1
        // Now and then the loop lets timers run, so a walker that never stops fails on the test's time-out.
        if (read % 1000 === 0) await new Promise((done) => setImmediate(done))
        yield { name: `_${read}.jpg`, isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false }
      }
    }
    const found = await listContentFiles(folder, async () => endless())
    expect(found.skipped).toEqual([overLimit('.')])
    expect(read).toBeLessThanOrEqual(contentLimits.entries + 1)
  })

  it('keeps name order for what it read in a folder over the limit', async () => {
    const names = Array.from({ length: contentLimits.entries + 3 }, (_, index) => `a${String(index).padStart(5, '0')}.md`)
    // Given in reverse, as a file system may: the kept ones still come out sorted.
    const reversed = async function* (): AsyncGenerator<FolderEntry> {
      for (const name of [...names].reverse()) yield { name, isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false }
    }
    const found = await listContentFiles(folder, async (path) => (path === folder ? reversed() : opendir(path)))
    expect(found.articles).toHaveLength(contentLimits.entries)
    expect(found.articles).toEqual([...found.articles].sort())
  })
})
