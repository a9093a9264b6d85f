import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scanFleetFolder } from '../../../src/main/export/fleet-files'
import { writeFleetReport } from '../../../src/main/export/fleet-report'
import { fleetArticleTitles, titledArticle } from '../../../src/main/export/fleet-titles'
import {
  articleTitlesOf,
  articleTitlesProblem,
  type KioskStatus,
  statusTitleLength,
  statusTitlesMax,
  writeStatusFile
} from '../../../src/main/kiosk/status-file'
import { feedbackRecord } from '../support/records'
import { startTestCore } from '../support/test-core'

vi.mock('electron', () => ({ default: {} }))

const now = new Date('2026-11-24T10:00:00.000Z')

describe('article titles in the status file', () => {
  it('are the articles on screen, by id, each on one line and cut at the limit', () => {
    const long = 'Knee '.repeat(100)
    const titles = articleTitlesOf([
      { id: 'knee-pain', title: 'Knee pain:\nwhat to do' },
      { id: 'long', title: long }
    ])
    expect(titles['knee-pain']).toBe('Knee pain: what to do')
    expect(titles['long']).toHaveLength(statusTitleLength)
    expect(titles['long']?.endsWith('…')).toBe(true)
  })

  it(`are at most ${statusTitlesMax}`, () => {
    const many = Array.from({ length: statusTitlesMax + 50 }, (_, index) => ({ id: `a-${index}`, title: 'A' }))
    expect(Object.keys(articleTitlesOf(many))).toHaveLength(statusTitlesMax)
  })

  it.each<[string, unknown, string]>([
    ['a list', ['Knee pain'], 'articleTitles is not a map of article ids to titles'],
    ['text', 'Knee pain', 'articleTitles is not a map of article ids to titles'],
    ['null', null, 'articleTitles is not a map of article ids to titles'],
    [
      'a key that is no article id',
      { '../Knee': 'Knee pain' },
      'articleTitles names "../Knee", which is no article id'
    ],
    ['a title that is no text', { 'knee-pain': 7 }, 'articleTitles gives "knee-pain" no title'],
    ['an empty title', { 'knee-pain': '' }, 'articleTitles gives "knee-pain" no title'],
    [
      'a title over the limit',
      { 'knee-pain': 'K'.repeat(statusTitleLength + 1) },
      'articleTitles gives "knee-pain" no title'
    ],
    ['a title with a line break', { 'knee-pain': 'Knee\npain' }, 'articleTitles gives "knee-pain" no title'],
    [
      'too many titles',
      Object.fromEntries(Array.from({ length: statusTitlesMax + 1 }, (_, index) => [`a-${index}`, 'A'])),
      `articleTitles has ${statusTitlesMax + 1} titles; at most ${statusTitlesMax}`
    ]
  ])('are refused when they are %s', (_what, value, problem) => {
    expect(articleTitlesProblem(value)).toContain(problem)
  })

  it('may be absent, as in status files written before kiosks carried them', () => {
    expect(articleTitlesProblem(undefined)).toBeNull()
    expect(articleTitlesProblem({ 'knee-pain': 'Knee pain' })).toBeNull()
  })

  it('name an article with its id in the fleet report, the latest status winning, or the id alone', () => {
    const status = (writtenAt: string, articleTitles: Record<string, string>) =>
      ({ file: 'x', status: { writtenAt, articleTitles } as KioskStatus }) as const
    const titles = fleetArticleTitles([
      status('2026-11-24T10:00:00.000Z', { 'knee-pain': 'Knee pain (new)' }),
      status('2026-11-23T10:00:00.000Z', { 'knee-pain': 'Knee pain (old)', flu: 'Flu' }),
      { file: 'y', problem: 'unreadable' }
    ])
    expect(titledArticle(titles, 'knee-pain')).toBe('Knee pain (new) (knee-pain)')
    expect(titledArticle(titles, 'flu')).toBe('Flu (flu)')
    expect(titledArticle(titles, 'gone')).toBe('gone')
  })
})

describe('the fleet report with titles', { timeout: 60_000 }, () => {
  let shared: string
  let data: string
  beforeEach(async () => {
    shared = await mkdtemp(join(tmpdir(), 'kiosk-fleet-titles-share-'))
    data = await mkdtemp(join(tmpdir(), 'kiosk-fleet-titles-data-'))
  })
  afterEach(async () => {
    await rm(shared, { recursive: true, force: true })
    await rm(data, { recursive: true, force: true })
  })

  it("names each article by the title the kiosk's status file carries, with its id", async () => {
    const core = await startTestCore(data, { stationLabel: 'Room 1' }, { now: () => now })
    for (let index = 0; index < 6; index += 1)
      await core.feedbackStore.append(
        feedbackRecord({
          station: 'Room 1',
          articleId: 'baclofen-piriformis-syndrome',
          time: '2026-11-20T10:00:00.000Z'
        })
      )
    const records = (await core.feedbackStore.read()).records.slice()
    const exported = await core.staff.exportTo(shared, 'share', 'csv', records, { kind: 'all' }, false)
    if (!exported.ok) throw new Error('the export failed')
    const status = await core.staff.kioskStatus()
    expect(status.articleTitles?.['baclofen-piriformis-syndrome']).toBe(
      'Baclofen for Piriformis Syndrome: Can It Provide Relief?'
    )
    await writeStatusFile(shared, status)
    const out = join(shared, 'fleet.html')
    await writeFleetReport(shared, out, now)
    const html = await readFile(out, 'utf8')
    expect(html).toContain('Baclofen for Piriformis Syndrome: Can It Provide Relief? (baclofen-piriformis-syndrome)')
  })

  it('leaves out a status file whose titles cannot be trusted, naming the problem', async () => {
    const core = await startTestCore(data, { stationLabel: 'Room 1' }, { now: () => now })
    const status = await core.staff.kioskStatus()
    await writeFile(
      join(shared, 'Room-1.status.json'),
      JSON.stringify({ ...status, articleTitles: { 'knee-pain': '<script>x</script>\u0007' } })
    )
    const found = await scanFleetFolder(shared)
    expect(found.statuses).toEqual([
      { file: 'Room-1.status.json', problem: expect.stringContaining('articleTitles gives "knee-pain" no title') }
    ])
  })
})
