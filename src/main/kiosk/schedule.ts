/** A daily time of day, "HH:MM" in the PC's local time. */
export const timeOfDayPattern = /^([01]\d|2[0-3]):([0-5]\d)$/

/** The next moment after `now` at the given local time of day (today if still ahead, else tomorrow). */
export function nextDailyRun(now: Date, timeOfDay: string): Date {
  const match = timeOfDayPattern.exec(timeOfDay)
  if (!match) throw new Error(`"${timeOfDay}" is not a time written HH:MM`)
  const next = new Date(now)
  next.setHours(Number(match[1]), Number(match[2]), 0, 0)
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1)
  return next
}

/** When to try a failed scheduled export again: every 15 minutes, but never past the next regular run. */
export function retryAt(now: Date, nextRegular: Date, minutes = 15): Date | null {
  const retry = new Date(now.getTime() + minutes * 60_000)
  return retry.getTime() < nextRegular.getTime() ? retry : null
}
