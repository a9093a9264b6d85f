import { createReadStream } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Conf from 'conf'
import { contentSecurityPolicy } from '../../src/shared/csp'
import type { FeedbackRecord } from '../../src/shared/feedback'
import { contentTypeOf, routeAppPath, routeFile } from '../../src/main/electron/app-url'
import type { RemovableDrive } from '../../src/main/export/drives'
import { type FirstScreenRenderer, pageWithFirstScreen } from '../../src/main/kiosk/first-screen-page'
import { dispatch } from '../../src/main/kiosk/handlers'
import { type KioskCore, startKioskCore } from '../../src/main/kiosk/kiosk-core'
import { codeInSetupText, setupCodePath } from '../../src/main/staff/setup-code'

/**
 * The web-mode harness: the kiosk's real services and handler table behind a loopback HTTP server, so the renderer
 * runs in a plain browser for tests and demos. Test and dev only; the packaged app never contains it.
 */
export interface WebHarness {
  url: string
  dataFolder: string
  core: KioskCore
  /** The one-time setup code, read from the data folder's setup-code.txt as IT would read it. */
  setupCode: () => Promise<string>
  close: () => Promise<void>
}

/** What a harness runs with; everything has a default that mirrors a fresh kiosk. */
export interface HarnessOptions {
  /** The built renderer; defaults to out/renderer. */
  staticFolder?: string
  /** Bundled content; defaults to the repository's content folder. */
  contentFolder?: string
  /** Written as config.json into the data folder before the core starts. */
  config?: Record<string, unknown>
  /** Defaults to a new temporary folder that `close` removes. */
  dataFolder?: string
  port?: number
  /** Feedback already on the kiosk when it starts, for staff-mode tests and demos. */
  seedRecords?: FeedbackRecord[]
  /** A staff PIN already set, as IT would with --set-pin. */
  staffPin?: string
  /** USB drives plugged in, as the system would list them (a folder stands in for each stick). */
  drives?: RemovableDrive[] | (() => RemovableDrive[])
}

const repository = resolve(import.meta.dirname, '../..')

/**
 * The first-screen renderer as built for the main process: tsx cannot load .svelte files, so the harness uses the
 * build, as it uses the built renderer.
 */
async function firstScreenRenderer(): Promise<FirstScreenRenderer> {
  const built = join(repository, 'out/main/first-screen.js')
  const module = (await import(pathToFileURL(built).href)) as { renderFirstScreen?: FirstScreenRenderer }
  if (!module.renderFirstScreen) throw new Error(`${built} has no renderFirstScreen: run electron-vite build`)
  return module.renderFirstScreen
}

async function readBody(request: IncomingMessage, limit = 256 * 1024): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-security-policy': contentSecurityPolicy })
  response.end(body)
}

/** Starts a harness on 127.0.0.1; its API answers only pages of its own origin, as IPC answers only the app. */
export async function startWebHarness(options: HarnessOptions = {}): Promise<WebHarness> {
  const ownsData = options.dataFolder === undefined
  const dataFolder = options.dataFolder ?? (await mkdtemp(join(tmpdir(), 'kiosk-harness-')))
  if (options.config) await writeFile(join(dataFolder, 'config.json'), JSON.stringify(options.config, null, 2))
  const core = await startKioskCore({
    configFile: join(dataFolder, 'config.json'),
    bundledContentFolder: options.contentFolder ?? join(repository, 'content'),
    dataFolder,
    // electron-store is conf with Electron's paths filled in; with the folder given, conf is the same store.
    openJsonFile: (cwd, name, fileOptions) =>
      new Conf({ ...fileOptions, cwd, configName: name } as unknown as ConstructorParameters<typeof Conf>[0]),
    appVersion: 'web-harness',
    logError: (message, error) => console.error(message, error),
    drives: async () => (typeof options.drives === 'function' ? options.drives() : (options.drives ?? []))
  })
  for (const record of options.seedRecords ?? []) await core.feedbackStore.append(record)
  if (options.staffPin) await core.staffAuth.setPin(options.staffPin)
  const staticFolder = options.staticFolder ?? join(repository, 'out/renderer')
  let origin = ''

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => send(response, 500, 'text/plain', String(error)))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin)
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'POST only')
      let payload: unknown
      try {
        payload = (JSON.parse(await readBody(request)) as { input?: unknown }).input
      } catch {
        payload = Symbol('unreadable')
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
      // The page's origin stands in for the IPC sender frame: other sites on this machine are refused.
      const sender = typeof request.headers.origin === 'string' ? `${request.headers.origin}/` : undefined
      const result = await dispatch(
        core.handlers,
        channel,
        payload,
        { senderUrl: sender },
        (candidate) => candidate === `${origin}/`
      )
      return send(response, 200, 'application/json', JSON.stringify(result))
    }
    const route = routeAppPath(url.pathname)
    // The same routes as the app's protocol handler: the bundle, the content on screen, a stick's preview.
    const file =
      route &&
      routeFile(route, {
        renderer: staticFolder,
        content: core.content().root,
        preview: core.contentPacks.previewRoot()
      })
    if (
      !file ||
      !(await stat(file).then(
        (found) => found.isFile(),
        () => false
      ))
    ) {
      return send(response, 404, 'text/plain', 'not found')
    }
    // The page the window loads gets its first section first, as the app's protocol handler does it.
    const page =
      route.folder === 'renderer' && route.path === 'index.html'
        ? await pageWithFirstScreen(await readFile(file, 'utf8'), core.handlers, await firstScreenRenderer(), {
            now: () => new Date(),
            logError: core.logError
          })
        : null
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-security-policy': contentSecurityPolicy,
      'cache-control': 'no-store'
    })
    if (page !== null) {
      response.end(page)
      return
    }
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response)
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${origin}/`,
    dataFolder,
    core,
    setupCode: async () => {
      const code = codeInSetupText(await readFile(setupCodePath(dataFolder), 'utf8'))
      if (code === null) throw new Error(`no setup code in ${setupCodePath(dataFolder)}`)
      return code
    },
    close: async () => {
      core.stop()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      if (ownsData) await rm(dataFolder, { recursive: true, force: true })
    }
  }
}
