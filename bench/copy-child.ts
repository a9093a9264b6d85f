import { copyWithOneFsync } from './copy-floor'

/** What one copy run reports to the benchmark that started it. */
export interface CopyRun {
  ok: boolean
  message: string
  bytes: number
  milliseconds: number
}

/**
 * The floor of benchmark 6 in a fresh Node process, as each export runs in one: copies the file given first to the
 * path given second with one fsync, timed, and sends the figures to the parent.
 */
async function main(): Promise<void> {
  const [source, destination] = process.argv.slice(2)
  if (!source || !destination) throw new Error('usage: copy-child <source> <destination>')
  const started = performance.now()
  const bytes = await copyWithOneFsync(source, destination)
  const run: CopyRun = { ok: true, message: destination, bytes, milliseconds: performance.now() - started }
  process.send?.(run)
}

await main()
