import type { ClinicHours } from '../../shared/display-schedule'
import {
  defaultNoticeEnd,
  isNoticeCurrent,
  type Notice,
  type NoticeInput,
  noticeMaxDays,
  noticeMaxLength
} from '../../shared/notice'
import { fail, ok, type Result } from '../../shared/result'
import { scrubComment } from '../feedback/scrub'
import { type JsonFile, type JsonFileOptions, type OpenJsonFile, openOrSetAside } from '../kiosk/json-file'

interface NoticeFileData extends Record<string, unknown> {
  notice: Notice | null
}

const noticeFileOptions = (): JsonFileOptions<NoticeFileData> => ({
  schema: {
    notice: {
      type: ['object', 'null'],
      properties: { text: { type: 'string' }, endsAt: { type: 'string' } },
      required: ['text', 'endsAt'],
      additionalProperties: false
    }
  },
  defaults: { notice: null },
  migrations: {},
  projectVersion: '1.0.0',
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false
})

/** Where the notice board keeps its one notice, and what it needs to know. */
export interface NoticeBoardOptions {
  /** The kiosk's data folder; the notice is `notice.json` in it, apart from feedback, so no export can carry it. */
  dataFolder: string
  openJsonFile: OpenJsonFile
  now: () => Date
  /** The clinic's hours, for the default end time. */
  clinicHours: () => ClinicHours | null
  /** The kiosk's language, which staff write in; it steers the scrubber as a patient's language does. */
  language?: () => string
  logError: (message: string, error: unknown) => void
}

/**
 * The same scrubbing as patients' comments, through this one function, so a change to how scrubbing is called (it
 * may become asynchronous) is made here alone.
 */
async function scrubbed(text: string, language: string | undefined): Promise<string> {
  return scrubComment(text, language === undefined ? {} : { language })
}

/**
 * The front desk's notice board: one short notice, kept in a small file of its own so it survives a reload and a
 * restart, handed out only until its end time.
 */
export class NoticeBoard {
  readonly #options: NoticeBoardOptions
  readonly #file: JsonFile<NoticeFileData>

  constructor(options: NoticeBoardOptions) {
    this.#options = options
    const { file, setAside } = openOrSetAside(
      options.openJsonFile,
      options.dataFolder,
      'notice',
      noticeFileOptions(),
      options.now
    )
    this.#file = file
    if (setAside) options.logError('the notice file was damaged', new Error('kept aside; no notice is shown'))
  }

  /** The notice patients should see now, or null; one whose end time has passed is taken down, never handed out. */
  current(): Notice | null {
    const notice = this.#file.get('notice')
    if (!notice) return null
    if (isNoticeCurrent(notice, this.#options.now())) return notice
    try {
      this.clear()
    } catch (error) {
      // Not handed out either way; the file is tidied at the next chance.
      this.#options.logError('an ended notice could not be taken down', error)
    }
    return null
  }

  /** Puts up a notice in place of any other: scrubbed as comments are, ending when staff said or by default. */
  async set(input: NoticeInput): Promise<Result<Notice>> {
    const now = this.#options.now()
    const endsAt = input.endsAt === null ? defaultNoticeEnd(now, this.#options.clinicHours()) : new Date(input.endsAt)
    if (!(endsAt > now)) return fail('invalid-input', 'staff:set-notice: endsAt must be later than now')
    if (endsAt.getTime() - now.getTime() > noticeMaxDays * 86_400_000)
      return fail('invalid-input', `staff:set-notice: endsAt must be within ${noticeMaxDays} days`)
    const text = await scrubbed(input.text, this.#options.language?.())
    if (text === '') return fail('invalid-input', 'staff:set-notice: text is empty')
    // "[removed]" can be longer than what it replaced; the notice still fits its line.
    const fitted = text.length > noticeMaxLength ? `${text.slice(0, noticeMaxLength - 1).trimEnd()}…` : text
    const notice: Notice = { text: fitted, endsAt: endsAt.toISOString() }
    try {
      this.#file.set('notice', notice)
    } catch (error) {
      this.#options.logError('the notice could not be saved', error)
      return fail('storage-failed', `the notice could not be saved in ${this.#file.path}`)
    }
    return ok(notice)
  }

  /** Takes the notice down. */
  clear(): void {
    this.#file.set('notice', null)
  }
}
