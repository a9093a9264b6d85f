/** When the clinic is open: the days of the week (0 Sunday … 6 Saturday) and the hours, in the PC's local time. */
export interface ClinicHours {
  days: number[]
  open: string
  close: string
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

/** Whether the display should be awake now: always without clinic hours, otherwise only while the clinic is open. */
export function isDisplayAwake(now: Date, hours: ClinicHours | null): boolean {
  if (!hours) return true
  if (!hours.days.includes(now.getDay())) return false
  const minute = now.getHours() * 60 + now.getMinutes()
  return minute >= minutesOf(hours.open) && minute < minutesOf(hours.close)
}

/**
 * Burn-in protection: where the whole screen sits, a few pixels off centre, moving one step every few minutes around
 * a small square, so no edge stays on the same pixels for hours.
 */
export function burnInOffset(now: Date, stepMinutes = 5, radius = 4): { x: number; y: number } {
  const path = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [-1, 1],
    [-1, 0],
    [-1, -1],
    [0, -1],
    [1, -1]
  ] as const
  const step = Math.floor(now.getTime() / (stepMinutes * 60_000)) % path.length
  const [x, y] = path[step] ?? [0, 0]
  return { x: x * radius, y: y * radius }
}
