/** A display as the kiosk needs to know it (Electron's screen module gives these). */
export interface DisplayInfo {
  id: number
  /** The monitor's name as the system gives it (Windows: "DELL P2418HT"); may be empty. */
  label: string
  bounds: { x: number; y: number; width: number; height: number }
}

/** Which display, and why: the configured one, the one the window was on, or the primary one. */
export interface DisplayChoice {
  display: DisplayInfo
  why: 'configured' | 'current' | 'primary'
  /** The configured display, when it is not connected now. */
  missing?: number | string
}

/** Displays from left to right, then top to bottom: the order `display: 1, 2, …` counts in. */
function fromTheLeft(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y)
}

function configured(displays: readonly DisplayInfo[], setting: number | string): DisplayInfo | undefined {
  if (typeof setting === 'number') return fromTheLeft(displays)[setting - 1]
  const name = setting.trim().toLowerCase()
  return displays.find((display) => display.label.trim().toLowerCase() === name)
}

/**
 * The display the kiosk window belongs on, whenever displays are added, removed or changed: the configured one
 * (`display` in the config) when it is connected; else the one the window was on, so a touch monitor that is not the
 * primary display is not abandoned; else the primary one.
 */
export function chooseDisplay(
  displays: readonly DisplayInfo[],
  setting: number | string | null,
  currentId: number | null,
  primaryId: number
): DisplayChoice {
  const missing = setting === null ? {} : { missing: setting }
  if (setting !== null) {
    const wanted = configured(displays, setting)
    if (wanted) return { display: wanted, why: 'configured' }
  }
  const current = displays.find((display) => display.id === currentId)
  if (current) return { display: current, why: 'current', ...missing }
  const primary = displays.find((display) => display.id === primaryId) ?? displays[0]
  if (!primary) throw new Error('there is no display at all')
  return { display: primary, why: 'primary', ...missing }
}
