import type { ClinicHours } from '../../../shared/display-schedule'
import { defaultNoticeEnd } from '../../../shared/notice'

/** How an end time reads on the staff screen. */
export type EndLabel = { kind: 'clinic-closes'; time: Date } | { kind: 'end-of-day' } | { kind: 'at'; time: Date }

/** An end time staff can pick: the default (end of clinic hours, or of the day), or a while from now. */
export type EndChoice = { kind: 'default'; label: EndLabel } | { kind: 'for'; minutes: number }

/** What an end time is, seen from `now`: the end of the day, the end of clinic hours, or another time. */
export function endLabelOf(end: Date, now: Date, hours: ClinicHours | null): EndLabel {
  if (end.getTime() === new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime())
    return { kind: 'end-of-day' }
  if (end.getTime() === defaultNoticeEnd(now, hours).getTime()) return { kind: 'clinic-closes', time: end }
  return { kind: 'at', time: end }
}

/** The instant a while of `minutes` from `now` ends. */
export const minutesFrom = (now: Date, minutes: number): Date => new Date(now.getTime() + minutes * 60_000)
