import type { FeedbackRecord } from '../../shared/feedback'

function byTime(a: FeedbackRecord, b: FeedbackRecord): number {
  return a.time.localeCompare(b.time)
}

const indexBits = 2 ** 20

/** The number written in `text` from `from` to `to` in ASCII digits; NaN if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - 0x30
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
  }
  return value
}

/** The minute since 1970 of a stored time (`YYYY-MM-DDTHH:MM:00.000Z`) read digit by digit, or NaN for anything else. */
function minuteOf(time: string): number {
  if (time.length !== 24 || time.charCodeAt(10) !== 0x54 || !time.endsWith(':00.000Z')) return Number.NaN
  const year = digits(time, 0, 4)
  const month = digits(time, 5, 7)
  const day = digits(time, 8, 10)
  const hour = digits(time, 11, 13)
  const minute = digits(time, 14, 16)
  // Out-of-range fields (month 13, 30 February, minute 99) would roll over; those go to the text comparison instead.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59)) return Number.NaN
  return Date.UTC(year, month - 1, day, hour, minute) / 60_000
}

/**
 * Records in time order, those of the same time in the order given: as sorting with byTime, but by sorting numbers
 * (the minute and the place, packed into one) rather than comparing texts, a few milliseconds for 100k records.
 */
export function sortedByTime(records: readonly FeedbackRecord[]): FeedbackRecord[] {
  if (records.length >= indexBits) return [...records].sort(byTime)
  const keys = new Float64Array(records.length)
  for (let index = 0; index < records.length; index += 1) {
    const minute = minuteOf((records[index] as FeedbackRecord).time)
    // Anything but a stored time from 1970 on is left to the text comparison.
    if (!Number.isInteger(minute) || minute < 0 || minute >= 2 ** 32) return [...records].sort(byTime)
    keys[index] = minute * indexBits + index
  }
  keys.sort()
  return Array.from(keys, (key) => records[key % indexBits] as FeedbackRecord)
}
