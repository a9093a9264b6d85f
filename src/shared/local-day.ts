/** The clinic's calendar day (the PC's local time zone) of an instant, as YYYY-MM-DD. */
export function localDay(time: Date | string): string {
  const date = typeof time === 'string' ? new Date(time) : time
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/** The local calendar day `days` after a YYYY-MM-DD day. */
export function shiftDay(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number)
  return localDay(new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days, 12))
}
