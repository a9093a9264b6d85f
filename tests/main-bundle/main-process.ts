import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { RecordedCall, StandInDisplay } from './stand-in/electron'
import type { Command } from './stand-in/register'

const repository = resolve(import.meta.dirname, '../..')
/** The built main bundle under test: what electron-vite build wrote, as the packaged app runs it. */
export const mainBundle = join(repository, 'out/main/index.js')

/** How to start the bundle: the kiosk's own arguments and environment, and the stand-in's settings. */
export interface StartOptions {
  args?: string[]
  /** KIOSK_DATA_DIR and the like; nothing of the test runner's own environment leaks in but PATH and HOME. */
  environment?: Record<string, string>
  packaged?: boolean
  singleInstanceLockTaken?: boolean
  failingUrls?: string[]
  displays?: StandInDisplay[]
}

/** The bundle running under the stand-in, and a way to send it commands. */
export interface MainProcess {
  send: <T = unknown>(command: Command) => Promise<T>
  calls: () => Promise<RecordedCall[]>
  /** What the process printed so far. */
  output: () => string
  /** What the process printed to stderr so far. */
  errors: () => string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
  /** A temporary folder of this run (the stand-in's appData, with the per-user data folder, lives inside it). */
  folder: string
  stop: () => Promise<void>
}

/** Starts out/main/index.js in Node with the Electron stand-in in place of `electron`. */
export async function startMain(options: StartOptions = {}): Promise<MainProcess> {
  if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run electron-vite build first`)
  const folder = await mkdtemp(join(tmpdir(), 'kiosk-main-bundle-'))
  const recordFile = join(folder, 'calls.jsonl')
  const child = fork(mainBundle, options.args ?? [], {
    cwd: repository,
    execArgv: ['--import', 'tsx', '--import', join(import.meta.dirname, 'stand-in/register.ts')],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: folder,
      XDG_CONFIG_HOME: join(folder, 'config'),
      ...options.environment,
      STAND_IN_APP_DATA: join(folder, 'app-data'),
      STAND_IN_RECORD_FILE: recordFile,
      STAND_IN_PACKAGED: options.packaged ? '1' : '0',
      STAND_IN_LOCK_TAKEN: options.singleInstanceLockTaken ? '1' : '0',
      STAND_IN_FAILING_URLS: JSON.stringify(options.failingUrls ?? []),
      ...(options.displays ? { STAND_IN_DISPLAYS: JSON.stringify(options.displays) } : {})
    },
    silent: true
  })
  let output = ''
  let errors = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    errors += chunk.toString()
  })
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const waiting = new Map<number, { done: (value: unknown) => void; failed: (error: Error) => void }>()
  child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const reply = waiting.get(message.id)
    waiting.delete(message.id)
    if (message.ok) reply?.done(message.value)
    else reply?.failed(new Error(message.error))
  })
  void exited.then(() => {
    for (const reply of waiting.values()) reply.failed(new Error(`the main process exited:\n${output}`))
  })
  let nextId = 1
  const send = <T>(command: Command) =>
    new Promise<T>((done, failed) => {
      const id = nextId++
      waiting.set(id, { done: done as (value: unknown) => void, failed })
      child.send({ ...command, id })
    })
  return {
    send,
    calls: async () =>
      (await readFile(recordFile, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as RecordedCall),
    output: () => output,
    errors: () => errors,
    exited,
    folder,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill()
        await exited
      }
      await rm(folder, { recursive: true, force: true })
    }
  }
}

/** Waits until `check` holds for the recorded calls (the app works on later turns after `ready`). */
export async function waitForCalls(
  main: MainProcess,
  check: (calls: RecordedCall[]) => boolean,
  what: string
): Promise<RecordedCall[]> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const calls = await main.calls()
    if (check(calls)) return calls
    if (
      (await Promise.race([main.exited.then(() => true), new Promise((done) => setTimeout(done, 50, false))])) === true
    )
      throw new Error(`the main process exited before ${what}:\n${main.output()}`)
  }
  throw new Error(`timed out waiting for ${what}:\n${main.output()}`)
}

/** Sets a staff PIN with `--set-pin`, as IT does, so the next start finds a PC set up as a kiosk (locked down). */
export async function setUpAsKiosk(dataFolder: string): Promise<void> {
  const setPin = await startMain({ args: ['--set-pin', '482913'], environment: { KIOSK_DATA_DIR: dataFolder } })
  const code = await setPin.exited
  await setPin.stop()
  if (code !== 0) throw new Error(`--set-pin exited ${String(code)}:\n${setPin.output()}`)
}
