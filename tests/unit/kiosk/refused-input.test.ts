import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { type Channel, channels } from '../../../src/shared/contract'
import { ok } from '../../../src/shared/result'
import { dispatch, type HandlerTable } from '../../../src/main/kiosk/handlers'

const context = { senderUrl: 'app://kiosk/index.html' }
const trusted = () => true
/** A handler for every channel that accepts whatever reaches it: only the input check is under test here. */
const table = Object.fromEntries(
  channels.map((channel) => [channel, async () => ok('handled')])
) as unknown as HandlerTable

const feedback = { articleId: 'hand-washing', sectionId: null, rating: 3, comment: null, language: 'en' }
const exportInput = { destinationId: 'drive-1', format: 'csv', range: { kind: 'all' } }
const visit = {
  articleId: 'hand-washing',
  visits: 1,
  finished: 0,
  feedback: 0,
  sections: [{ sectionId: 'why-it-matters', reached: 1, shown: 2, time: [1, 1, 0, 0] }]
}
const sectionOf = (changes: Record<string, unknown>) => ({ ...visit, sections: [{ ...visit.sections[0], ...changes }] })

/** What `dispatch` answers for a payload it refuses: the message IT and developers read. */
async function refusal(channel: Channel, payload: unknown): Promise<string> {
  const result = await dispatch(table, channel, payload, context, trusted)
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(payload)}`)
  expect(result.error.code).toBe('invalid-input')
  return result.error.message
}

// For every channel, refused inputs and the words that say which field and why.
const refused: Array<[Channel, unknown, string]> = [
  ['content:playlist', { all: true }, 'content:playlist: input must be empty (got an object)'],
  ['kiosk:settings', 'x', 'kiosk:settings: input must be empty (got text)'],
  ['feedback:submit', { ...feedback, rating: 7 }, 'feedback:submit: rating must be 1, 2 or 3 (got 7)'],
  ['feedback:submit', { ...feedback, rating: '3' }, 'feedback:submit: rating must be 1, 2 or 3 (got "3")'],
  ['feedback:submit', { ...feedback, articleId: undefined }, 'feedback:submit: articleId is missing'],
  [
    'feedback:submit',
    { ...feedback, articleId: '../../etc' },
    'feedback:submit: articleId must be an article id (lower-case words and digits joined by hyphens, at most 100 characters)'
  ],
  [
    'feedback:submit',
    { ...feedback, sectionId: 4 },
    'feedback:submit: sectionId must be a section id (lower-case words and digits joined by hyphens) or null (got 4)'
  ],
  [
    'feedback:submit',
    { ...feedback, comment: 'x'.repeat(501) },
    'feedback:submit: comment must be at most 500 characters (got 501)'
  ],
  ['feedback:submit', { ...feedback, comment: ['x'] }, 'feedback:submit: comment must be text or null (got a list)'],
  ['feedback:submit', { ...feedback, language: 'zz' }, 'feedback:submit: language must be en or es (got "zz")'],
  [
    'feedback:submit',
    { ...feedback, extra: 1, more: 2 },
    'feedback:submit: input has fields it does not take: "extra", "more"'
  ],
  ['feedback:submit', undefined, 'feedback:submit: input is missing'],
  ['feedback:submit', null, 'feedback:submit: input must be an object (got null)'],
  [
    'feedback:submit',
    { rating: 0 },
    'feedback:submit: articleId is missing; sectionId is missing; rating must be 1, 2 or 3 (got 0); comment is missing; ' +
      'language is missing'
  ],
  ['staff:status', [], 'staff:status: input must be empty (got a list)'],
  [
    'staff:create-pin',
    { setupCode: '12345678', pin: '12', confirmation: 'abcd' },
    'staff:create-pin: pin must be 4 to 8 digits; confirmation must be 4 to 8 digits'
  ],
  ['staff:create-pin', { setupCode: '12345678', pin: '2468' }, 'staff:create-pin: confirmation is missing'],
  [
    'staff:create-pin',
    { setupCode: 'one two', pin: '2468', confirmation: '2468' },
    'staff:create-pin: setupCode must be digits only, at most 12'
  ],
  ['staff:unlock', { pin: '12a4' }, 'staff:unlock: pin must be digits only, at most 8'],
  ['staff:unlock', { pin: 2468 }, 'staff:unlock: pin must be digits only, at most 8 (got a number)'],
  ['staff:touch', 1, 'staff:touch: input must be empty (got 1)'],
  ['staff:end', true, 'staff:end: input must be empty (got true or false)'],
  ['staff:summary', null, 'staff:summary: input must be empty (got null)'],
  ['staff:destinations', {}, 'staff:destinations: input must be empty (got an object)'],
  ['staff:pick-folder', 'C:\\', 'staff:pick-folder: input must be empty (got text)'],
  [
    'staff:export',
    { ...exportInput, range: { kind: 'dates', from: '2026-13-01', to: '2026-11-30' } },
    'staff:export: range.from must be a date written YYYY-MM-DD'
  ],
  [
    'staff:export',
    { ...exportInput, format: 'xls', range: { kind: 'weird' } },
    'staff:export: format must be csv or json (got "xls"); range.kind must be all, unexported or dates (got "weird")'
  ],
  [
    'staff:export',
    { ...exportInput, destinationId: 'E:\\' },
    'staff:export: destinationId must be the id of a destination staff:destinations offered'
  ],
  ['staff:export', { ...exportInput, range: undefined }, 'staff:export: range is missing'],
  ['staff:export', { ...exportInput, range: 5 }, 'staff:export: range must be an object (got 5)'],
  [
    'staff:export',
    { ...exportInput, range: { kind: 'dates', from: '2026-11-01' } },
    'staff:export: range.to is missing'
  ],
  [
    'staff:clear-exported',
    { exportId: 'latest' },
    'staff:clear-exported: exportId must be the exportId staff:export answered with (a UUID)'
  ],
  ['staff:reload-content', { force: true }, 'staff:reload-content: input must be empty (got an object)'],
  ['staff:restart', 0, 'staff:restart: input must be empty (got 0)'],
  ['staff:quit', 'now', 'staff:quit: input must be empty (got text)'],
  [
    'staff:change-pin',
    { current: '2468', pin: '13579', confirmation: '1357x' },
    'staff:change-pin: confirmation must be 4 to 8 digits'
  ],
  ['staff:change-pin', { pin: '13579', confirmation: '13579' }, 'staff:change-pin: current is missing'],
  ['kiosk:notice', { text: 'hello' }, 'kiosk:notice: input must be empty (got an object)'],
  ['staff:set-notice', { text: '   ', endsAt: null }, 'staff:set-notice: text is empty: write the notice first'],
  [
    'staff:set-notice',
    { text: 'Running late', endsAt: 'tonight' },
    'staff:set-notice: endsAt must be a date and time such as 2026-11-24T18:30:00Z, or null'
  ],
  ['staff:set-notice', { text: 'x'.repeat(121), endsAt: null }, 'staff:set-notice: text is longer than 120 characters'],
  ['staff:set-notice', { endsAt: null }, 'staff:set-notice: text is missing'],
  ['staff:clear-notice', 1, 'staff:clear-notice: input must be empty (got 1)'],
  [
    'engagement:record',
    sectionOf({ shown: 3 }),
    'engagement:record: sections.0.time must count each view once: the 4 time counts must add up to shown'
  ],
  [
    'engagement:record',
    sectionOf({ shown: 100_000, time: [100_000, 0, 0, 0] }),
    'engagement:record: sections.0.shown must be a whole number from 0 to 500 (got 100000); sections.0.time.0 must be a whole number from 0 to 500 (got 100000)'
  ],
  ['engagement:record', { ...visit, visits: 2 }, 'engagement:record: visits must be 0 or 1 (got 2)'],
  [
    'engagement:record',
    sectionOf({ reached: 1, shown: 0, time: [0, 0, 0, 0] }),
    'engagement:record: sections.0.reached must not be 1 unless the section was shown'
  ],
  [
    'engagement:record',
    { ...visit, sections: [visit.sections[0], visit.sections[0]] },
    'engagement:record: sections must name each section once'
  ],
  ['engagement:record', { ...visit, visits: 0, sections: [] }, 'engagement:record: input counts nothing'],
  [
    'engagement:record',
    { ...visit, day: '2026-11-24', time: '10:15' },
    'engagement:record: input has fields it does not take: "day", "time"'
  ],
  [
    'engagement:record',
    sectionOf({ sectionId: '../x' }),
    'engagement:record: sections.0.sectionId must be a section id (lower-case words and digits joined by hyphens)'
  ],
  ['content:version', { version: 'abc' }, 'content:version: input must be empty (got an object)'],
  ['staff:content-status', 'E:\\', 'staff:content-status: input must be empty (got text)'],
  [
    'staff:scan-content',
    { driveId: 'E:\\content' },
    'staff:scan-content: driveId must be the id of a USB drive staff:content-status offered (got "E:\\\\content")'
  ],
  ['staff:scan-content', {}, 'staff:scan-content: driveId is missing'],
  [
    'staff:preview-article',
    { scanId: 'latest', language: 'english', articleId: '../../etc/passwd' },
    'staff:preview-article: scanId must be the scanId staff:scan-content answered with (a UUID); language must be ' +
      'a language code such as "en" or "es" (got "english"); articleId must be an article id (lower-case words and ' +
      'digits joined by hyphens)'
  ],
  [
    'staff:install-content',
    { scanId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', force: true },
    'staff:install-content: input has a field it does not take: "force"'
  ],
  ['staff:undo-content', { to: 'bundled' }, 'staff:undo-content: input must be empty (got an object)'],
  [
    'kiosk:log-error',
    { where: 'reader-section', message: 'x'.repeat(301) },
    'kiosk:log-error: message must be an error message on one line, at most 300 characters'
  ],
  [
    'kiosk:log-error',
    { where: 'reader-section', message: 'TypeError: one\nforged log line' },
    'kiosk:log-error: message must be an error message on one line, at most 300 characters'
  ],
  [
    'kiosk:log-error',
    { where: 'reader-section', message: '' },
    'kiosk:log-error: message must be an error message on one line, at most 300 characters'
  ],
  [
    'kiosk:log-error',
    { where: 'reader-section', message: 42 },
    'kiosk:log-error: message must be an error message on one line, at most 300 characters (got 42)'
  ],
  [
    'kiosk:log-error',
    { where: 'x'.repeat(41), message: 'TypeError: boom' },
    'kiosk:log-error: where must be the name of a part of the screen (lower-case words joined by hyphens, at most 40)'
  ],
  [
    'kiosk:log-error',
    { where: '../Reader Section', message: 'TypeError: boom' },
    'kiosk:log-error: where must be the name of a part of the screen (lower-case words joined by hyphens, at most 40)'
  ],
  ['kiosk:log-error', { where: 'window' }, 'kiosk:log-error: message is missing'],
  [
    'kiosk:log-error',
    { where: 'window', message: 'TypeError: boom', stack: 'at x' },
    'kiosk:log-error: input has a field it does not take: "stack"'
  ],
  ['kiosk:log-error', ['window', 'boom'], 'kiosk:log-error: input must be an object (got a list)']
]

// One valid input per channel: the words must not come at the price of refusing what is right.
const accepted: Record<Channel, unknown> = {
  'content:playlist': undefined,
  'kiosk:settings': undefined,
  'feedback:submit': feedback,
  'staff:status': undefined,
  'staff:create-pin': { setupCode: '12345678', pin: '2468', confirmation: '2468' },
  'staff:unlock': { pin: '2468' },
  'staff:touch': undefined,
  'staff:end': undefined,
  'staff:summary': undefined,
  'staff:destinations': undefined,
  'staff:pick-folder': undefined,
  'staff:export': { ...exportInput, range: { kind: 'dates', from: '2026-11-01', to: '2026-11-30' } },
  'staff:clear-exported': { exportId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' },
  'staff:reload-content': undefined,
  'staff:restart': undefined,
  'staff:quit': undefined,
  'staff:change-pin': { current: '2468', pin: '13579', confirmation: '13579' },
  'kiosk:notice': undefined,
  'staff:set-notice': { text: 'The clinic is running about 20 minutes late', endsAt: '2026-11-24T18:30:00Z' },
  'staff:clear-notice': undefined,
  'engagement:record': visit,
  'content:version': undefined,
  'staff:content-status': undefined,
  'staff:scan-content': { driveId: 'drive-1' },
  'staff:preview-article': {
    scanId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    language: 'es',
    articleId: 'hand-washing'
  },
  'staff:install-content': { scanId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' },
  'staff:undo-content': undefined,
  'kiosk:log-error': { where: 'reader-section', message: "TypeError: Cannot read properties of null (reading 'text')" }
}

describe('refused input', () => {
  it('is tried on every channel of the contract', () => {
    expect([...new Set(refused.map(([channel]) => channel))].sort()).toEqual([...channels].sort())
  })

  it.each(
    refused.map(([channel, payload, message]) => [channel, JSON.stringify(payload)?.slice(0, 80), payload, message])
  )('%s refuses %s saying which field and why', async (channel, _shown, payload, message) => {
    expect(await refusal(channel as Channel, payload)).toBe(message)
  })

  it.each(Object.entries(accepted))('%s still accepts a valid input', async (channel, payload) => {
    expect(await dispatch(table, channel, payload, context, trusted)).toEqual({ ok: true, value: 'handled' })
  })

  it('is logged in main with the same words', async () => {
    const log = vi.fn()
    await dispatch(table, 'feedback:submit', { ...feedback, rating: 7 }, context, trusted, log)
    expect(log).toHaveBeenCalledWith('refused input', 'feedback:submit: rating must be 1, 2 or 3 (got 7)')
  })

  it('names every problem within a length a log line can hold, saying how many more there were', async () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`field${index}`, index]))
    const message = await refusal('feedback:submit', { ...many, rating: 9 })
    expect(message.length).toBeLessThanOrEqual(300)
    expect(message).toMatch(/^feedback:submit: articleId is missing; /)
    expect(message).toContain('rating must be 1, 2 or 3 (got 9)')
    expect(message).toContain('input has fields it does not take: "field0", "field1", "field2" and 197 more')
    const long = await refusal('feedback:submit', { [`${'k'.repeat(500)}`]: 1, ...feedback, rating: 9 })
    expect(long.length).toBeLessThanOrEqual(300)
  })

  it('never repeats a PIN or a comment it refuses, whatever was typed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Z0-9]{6,12}$/), async (typed) => {
        const messages = [
          await refusal('staff:unlock', { pin: `${typed}x` }),
          await refusal('staff:create-pin', { setupCode: `${typed}x`, pin: `${typed}x`, confirmation: typed }),
          await refusal('staff:change-pin', { current: `${typed}x`, pin: `${typed}x`, confirmation: typed }),
          await refusal('feedback:submit', { ...feedback, comment: `${typed}${'y'.repeat(500)}` })
        ]
        for (const message of messages) expect(message).not.toContain(typed)
      }),
      { numRuns: 200 }
    )
  })
})
