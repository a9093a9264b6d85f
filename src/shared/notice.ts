import type { ClinicHours } from './display-schedule'

/** The most a front-desk notice may say: one calm line or two on a patient's screen. */
export const noticeMaxLength = 120

/** The furthest ahead a notice's end time may be set. */
export const noticeMaxDays = 7

/** A short notice from the front desk ("The clinic is running about 20 minutes late"), shown until its end time. */
export interface Notice {
  /** What patients read, already scrubbed of personal details. */
  text: string
  /** When it stops showing, as an ISO 8601 instant. */
  endsAt: string
}

/** What staff send to put a notice up; with no end time it lasts until the end of today's clinic hours. */
export interface NoticeInput {
  text: string
  /** An ISO 8601 instant, or null for the default end (see `defaultNoticeEnd`). */
  endsAt: string | null
}

/**
 * When a notice put up now ends unless staff choose otherwise: when the clinic closes today, if it is open today and
 * has not closed yet; otherwise (no clinic hours, a closed day, after closing) at the end of the local day.
 */
export function defaultNoticeEnd(now: Date, hours: ClinicHours | null): Date {
  if (hours && hours.days.includes(now.getDay())) {
    const [hour = 0, minute = 0] = hours.close.split(':').map(Number)
    const close = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, minute)
    if (close > now) return close
  }
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1)
}

/** Whether a notice is still to be shown at `now`. */
export function isNoticeCurrent(notice: Notice, now: Date): boolean {
  return now.getTime() < Date.parse(notice.endsAt)
}
