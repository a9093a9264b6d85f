import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { type ArticleReading, articleFileOf, readArticle } from './article-reading'
import { contentLimits } from './content-limits'

/** A message to the reading worker: read this article of this folder. */
export interface ReadRequest {
  id: number
  root: string
  path: string
}

/** The worker's answer to one request. */
export type ReadReply = { id: number; reading: ArticleReading } | { id: number; error: string }

/** How the reading worker is started: from its built script, or from code that loads its TypeScript source. */
type WorkerScript = { url: URL } | { code: string }

/**
 * Where the reading worker is. Run from TypeScript (vitest, tsx) it is the source file beside this one, which a small
 * bootstrap imports after registering tsx's loader in the worker (a `--import` flag in a worker's execArgv does not
 * reach its entry on Node 20). Built, it is `out/main/content-worker.js` (electron.vite.config.ts), found from this
 * module, which Rollup may have put in `out/main/` itself or in a chunk folder under it.
 */
function workerScript(): WorkerScript | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    // tsx's export map gives `require` its CommonJS build; the worker imports the ES module beside it.
    const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
    const entry = new URL('./content-worker.ts', here).href
    return { code: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })` }
  }
  for (const candidate of ['./content-worker.js', '../content-worker.js']) {
    const url = new URL(candidate, here)
    if (existsSync(fileURLToPath(url))) return { url }
  }
  return null
}

/** How long the worker may take to load the parser before files are read without it: generous, as tsx compiles it. */
const startupMilliseconds = 60_000

/** A read waiting for the worker, and what to do with its answer. */
interface Job {
  request: ReadRequest
  budget: number
  settle: (reading: ArticleReading) => void
}

/** A reading that refuses the file with one problem. */
function refused(root: string, path: string, message: string): ArticleReading {
  const file = articleFileOf(root, path)
  return { file, outcome: { article: null, problems: [{ file, line: 0, message }] }, shown: [], digest: '' }
}

/** Seconds in words for a message: "3 s", "0.5 s". */
function seconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(1))} s`
}

/**
 * Reads article files in a worker thread, one at a time, each within a time budget. A file over its budget is refused
 * as "took too long to read": the worker is ended mid-file, a fresh one starts, and the next file goes on. Should no
 * worker start at all, files are read on the calling thread, where the linear scans still bound them.
 */
export class ContentReader {
  #worker: Worker | null = null
  #ready: Promise<boolean> | null = null
  #queue: Job[] = []
  /** The job under way; its timer is null until the job has been sent to a worker that started. */
  #current: { job: Job; timer: NodeJS.Timeout | null } | null = null
  #nextId = 1
  #inProcess = false
  readonly #script: () => WorkerScript | null

  constructor(script: () => WorkerScript | null = workerScript) {
    this.#script = script
  }

  /** Reads one article file of a folder within `budget` milliseconds. */
  read(root: string, path: string, budget: number = contentLimits.readMilliseconds): Promise<ArticleReading> {
    if (this.#inProcess) return readArticle(root, path)
    return new Promise((settle) => {
      this.#queue.push({ request: { id: this.#nextId++, root, path }, budget, settle })
      void this.#pump()
    })
  }

  /** Ends the worker; a later read starts a new one. */
  async close(): Promise<void> {
    const worker = this.#worker
    this.#worker = null
    this.#ready = null
    if (worker) await worker.terminate()
  }

  /** Starts the worker and resolves true once its modules have loaded, or false if it cannot start. */
  #start(): Promise<boolean> {
    const script = this.#script()
    if (!script) return Promise.resolve(false)
    let worker: Worker
    try {
      // A file that makes the parser build a huge tree ends the worker, not the kiosk.
      const resourceLimits = { maxOldGenerationSizeMb: 512 }
      worker =
        'code' in script
          ? new Worker(script.code, { eval: true, resourceLimits })
          : new Worker(script.url, { resourceLimits })
    } catch {
      return Promise.resolve(false)
    }
    this.#worker = worker
    return new Promise((started) => {
      // A worker that never says it is ready (its modules cannot load, say from inside an asar) counts as not started.
      const startup = setTimeout(() => {
        started(false)
        void worker.terminate()
      }, startupMilliseconds)
      worker.once('message', (first) => {
        clearTimeout(startup)
        if (first !== 'ready') return started(false)
        worker.on('message', (reply: ReadReply) => this.#answer(worker, reply))
        started(true)
      })
      // After start-up an error is followed by 'exit', where the file being read is refused.
      worker.on('error', () => {
        clearTimeout(startup)
        started(false)
      })
      worker.on('exit', () => this.#stopped(worker))
    })
  }

  /** Sends the next job once nothing is under way, starting a worker when there is none. */
  async #pump(): Promise<void> {
    if (this.#current || this.#queue.length === 0) return
    const job = this.#queue.shift() as Job
    this.#current = { job, timer: null }
    this.#ready ??= this.#start()
    const ready = await this.#ready
    const worker = this.#worker
    if (!ready || !worker) {
      // No worker can run here: read in this thread from now on, so content still loads.
      this.#inProcess = true
      await this.close()
      const waiting = [job, ...this.#queue]
      this.#queue = []
      this.#current = null
      for (const next of waiting) next.settle(await readArticle(next.request.root, next.request.path))
      return
    }
    worker.ref()
    const timer = setTimeout(() => {
      const { root, path } = job.request
      // Ending the worker is the only way to stop a parse that is under way; the next file gets a fresh one.
      void this.close()
      this.#finish(
        refused(
          root,
          path,
          `took too long to read (more than ${seconds(job.budget)}) and was left out; the rest of the folder was read. ` +
            'Look in it for long runs of [ ] ( ) * _ or | marks, or split it into shorter articles'
        )
      )
    }, job.budget)
    this.#current = { job, timer }
    worker.postMessage(job.request)
  }

  #answer(worker: Worker, reply: ReadReply): void {
    if (worker !== this.#worker || this.#current?.job.request.id !== reply.id) return
    const { root, path } = this.#current.job.request
    this.#finish('reading' in reply ? reply.reading : refused(root, path, `could not be read: ${reply.error}`))
  }

  /** The worker ended by itself (out of memory, a crash): the file it was reading is refused and a new one starts. */
  #stopped(worker: Worker): void {
    if (worker !== this.#worker) return
    this.#worker = null
    this.#ready = null
    const current = this.#current
    // A worker that failed to start is the start-up's business (#pump reads without it), not the job's.
    if (current?.timer) {
      const { root, path } = current.job.request
      this.#finish(refused(root, path, 'could not be read: reading it used more memory than an article may'))
    }
  }

  /** Settles the current job and moves on; the worker stops holding the process open while it has nothing to do. */
  #finish(reading: ArticleReading): void {
    const current = this.#current
    if (!current) return
    if (current.timer) clearTimeout(current.timer)
    this.#current = null
    current.job.settle(reading)
    if (this.#queue.length === 0) this.#worker?.unref()
    void this.#pump()
  }
}

/** The reader every content folder is loaded through. */
export const contentReader = new ContentReader()
