import { readFile, stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { contentSecurityPolicy } from '../../shared/csp'
import { appHost, appScheme, contentTypeOf, routeAppPath, routeFile } from './app-url'

/** Must run before the app is ready: makes app:// a standard, secure scheme with fetch support. */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/**
 * Serves app:// from the renderer bundle, the live content folder and the preview of a stick's articles, with the
 * CSP on every response. The page the window loads goes through `entryPage` first, which puts the first screen in it
 * (kiosk/first-screen-page.ts).
 */
export function serveAppScheme(
  rendererFolder: string,
  contentFolder: () => string,
  entryPage: (html: string) => Promise<string>,
  previewFolder: () => string | null = () => null
): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url)
    const route = url.host === appHost ? routeAppPath(url.pathname) : null
    const file =
      route && routeFile(route, { renderer: rendererFolder, content: contentFolder(), preview: previewFolder() })
    if (
      !file ||
      !(await stat(file).then(
        (found) => found.isFile(),
        () => false
      ))
    ) {
      return new Response('Not found', { status: 404 })
    }
    const security = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' }
    if (route.folder === 'renderer' && route.path === 'index.html') {
      const page = await entryPage(await readFile(file, 'utf8'))
      return new Response(page, { headers: { ...security, 'Content-Type': 'text/html; charset=utf-8' } })
    }
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    for (const [name, value] of Object.entries(security)) headers.set(name, value)
    headers.set('Content-Type', contentTypeOf(file))
    return new Response(response.body, { status: response.status, headers })
  })
}
