/** The kiosk's own options, and whether each takes a value (`--export D:\x` or `--export=D:\x`). */
export const kioskOptions: Readonly<Record<string, 'value' | 'switch'>> = {
  '--export': 'value',
  '--format': 'value',
  '--since': 'value',
  '--all': 'switch',
  '--set-pin': 'value',
  '--check-content': 'value',
  '--import-article': 'value',
  '--report': 'value',
  '--out': 'value',
  '--self-test': 'switch'
}

/**
 * Switches that Chromium, Electron or whoever starts the kiosk may pass, allowed with or without `=value`: the
 * Electron installer's `--updated` after an update, `--no-sandbox` for Linux, Chromium's logging and GPU switches,
 * the inspector and remote debugging (`npm run dev`, Playwright's `_electron.launch`), and Wayland's ozone switches.
 */
export const passThroughSwitches: readonly string[] = [
  '--updated',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-logging',
  '--log-file',
  '--v',
  '--vmodule',
  '--inspect',
  '--inspect-brk',
  '--remote-debugging-port',
  '--ozone-platform',
  '--ozone-platform-hint',
  '--enable-features',
  '--disable-features'
]

/** Node's preload switch, which Playwright's `_electron.launch` puts before the app with a file after it. */
const preloadSwitches = ['-r', '--require']

/** Longest argument compared for a suggestion, so a hostile argument cannot make the comparison slow. */
const comparedLength = 64

/** Edit distance with transpositions (`exprot` is one step from `export`), over at most `comparedLength` characters. */
function editDistance(left: string, right: string): number {
  const a = left.slice(0, comparedLength)
  const b = right.slice(0, comparedLength)
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i] as number[]
      const above = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      row[j] = best
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}

/** The kiosk option an unknown one was most likely meant to be, or null when none is close. */
export function nearestOption(argument: string): string | null {
  // Case, underscores and a missing dash are the usual slips: `--Export`, `--set_pin`, `-export`.
  const name = argument.split('=')[0]?.toLowerCase().replace(/_/g, '-').replace(/^-*/, '--') ?? ''
  let best: { option: string; distance: number } | null = null
  for (const option of Object.keys(kioskOptions)) {
    const distance = editDistance(name, option)
    if (distance <= 2 && (best === null || distance < best.distance)) best = { option, distance }
  }
  return best?.option ?? null
}

/** What is wrong with an argument the kiosk does not know, with a suggestion when one is close. */
function refusal(argument: string): string {
  const shown = argument.length > comparedLength ? `${argument.slice(0, comparedLength)}…` : argument
  const nearest = nearestOption(argument)
  return `unknown option "${shown}"${nearest ? `: did you mean ${nearest}?` : ''}`
}

/**
 * The first argument that is neither the kiosk's own, a value after one of its options, an allowed pass-through
 * switch, nor a plain path (the app's folder in development); null when all are known. A bare word that is one of the
 * kiosk's options without its dashes (`export`) is refused too, as it is a slip, not a path.
 */
export function unknownArgument(argv: readonly string[]): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? ''
    const name = argument.split('=')[0] ?? ''
    if (kioskOptions[name] !== undefined) {
      // A value follows unless it is inline or missing (the parser says which option lacks it).
      if (kioskOptions[name] === 'value' && !argument.includes('=') && !(argv[index + 1] ?? '--').startsWith('--'))
        index += 1
      continue
    }
    if (passThroughSwitches.includes(name)) continue
    if (preloadSwitches.includes(argument)) {
      index += 1
      continue
    }
    if (argument.startsWith('-')) return refusal(argument)
    if (kioskOptions[`--${argument.toLowerCase()}`] !== undefined) return refusal(argument)
  }
  return null
}
