/** What one check found: passed (with what it saw), or failed with what is wrong and what IT should do. */
export type CheckResult = { ok: true; detail?: string } | { ok: false; problem: string; advice: string }

/** One check of `--self-test`: a name IT reads, and a probe that looks at the real machine. */
export interface SelfTestCheck {
  name: string
  run: () => Promise<CheckResult>
}

/** How long a probe may take before it counts as failed, unless the run says otherwise. */
export const defaultCheckSeconds = 20

/** The marks IT looks for: a tick for a check passed, a cross for one failed. */
export const passMark = '✓'
export const failMark = '✗'

/** One line of the checklist: "✓ name (detail)" or "✗ name: what is wrong — what to do". */
export function formatCheck(name: string, result: CheckResult): string {
  if (result.ok) return `${passMark} ${name}${result.detail ? ` (${result.detail})` : ''}`
  return `${failMark} ${name}: ${result.problem} — ${result.advice}`
}

/** A check that failed, from whatever its probe threw. */
function thrown(error: unknown): CheckResult {
  const message = error instanceof Error ? error.message : String(error)
  return { ok: false, problem: message, advice: 'see the log and docs/DEPLOYMENT.md (A8)' }
}

/** Runs a probe, failed after `seconds` if it has not answered (a probe that hangs must not hang the self-test). */
async function withTimeout(check: SelfTestCheck, seconds: number): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<CheckResult>((done) => {
    timer = setTimeout(
      () =>
        done({
          ok: false,
          problem: `no answer within ${seconds} s`,
          advice: 'run --self-test again; if it stays, restart the PC and see the log'
        }),
      seconds * 1000
    )
  })
  try {
    return await Promise.race([check.run().catch(thrown), timedOut])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Runs every check in order, one at a time (they share the window), printing a line for each as it ends, then a
 * summary; resolves to exit code 0 only when every check passed, else 1.
 */
export async function runSelfTest(
  checks: readonly SelfTestCheck[],
  print: (line: string) => void,
  seconds: number = defaultCheckSeconds
): Promise<number> {
  let failed = 0
  for (const check of checks) {
    const result = await withTimeout(check, seconds)
    if (!result.ok) failed += 1
    print(formatCheck(check.name, result))
  }
  print(
    failed === 0
      ? `Self-test passed: all ${checks.length} checks.`
      : `Self-test failed: ${failed} of ${checks.length} checks (marked ${failMark}).`
  )
  return failed === 0 ? 0 : 1
}

/** What `stat` tells of a path, as much as a folder check needs. */
export type FolderStat = (path: string) => Promise<{ isDirectory: () => boolean }>

/**
 * Whether a configured folder (content, export, status) can be reached from this PC: not configured passes with a
 * note, a share that is away or a file in its place fails with advice naming the config key.
 */
export async function checkFolder(key: string, path: string | null, stat: FolderStat): Promise<CheckResult> {
  if (path === null) return { ok: true, detail: `not configured ("${key}" in config.json)` }
  const found = await stat(path).then(
    (info) => (info.isDirectory() ? 'folder' : 'not-folder'),
    (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unreachable'
  )
  if (found === 'folder') return { ok: true, detail: path }
  if (found === 'not-folder')
    return { ok: false, problem: `${path} is a file, not a folder`, advice: `correct "${key}" in config.json` }
  return {
    ok: false,
    problem: `${path} cannot be reached (${found})`,
    advice: `check that the share is online and this account may use it, or correct "${key}" in config.json`
  }
}

/** Whether the voices the screen found read each language aloud (a voice "en-GB" reads "en"). */
export function checkVoices(
  voiceLanguages: readonly string[],
  languages: readonly string[],
  platform: string = process.platform
): CheckResult {
  const spoken = new Set(voiceLanguages.map((language) => language.toLowerCase().split(/[-_]/)[0]))
  const missing = languages.filter((language) => !spoken.has(language.toLowerCase().split('-')[0] ?? language))
  if (missing.length === 0) return { ok: true, detail: `${voiceLanguages.length} voices for ${languages.join(', ')}` }
  return {
    ok: false,
    problem: `no voice for ${missing.join(', ')} (Listen is not offered in it)`,
    advice:
      platform === 'win32'
        ? "install the language's speech voice in Windows Settings > Time & language > Speech"
        : 'install speech-dispatcher and espeak-ng (docs/DEPLOYMENT.md)'
  }
}
