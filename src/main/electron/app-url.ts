import { extname, isAbsolute, normalize, relative, resolve } from 'node:path'
import { imageExtensions } from '../../shared/article-schema'

/** The privileged scheme the renderer is served from, instead of file://, so its origin is the app alone. */
export const appScheme = 'app'
/** The host of every app URL. */
export const appHost = 'kiosk'
/** The page the window loads. */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`
/** The calm page shown when the screen keeps crashing. */
export const frontDeskUrl = `${appScheme}://${appHost}/front-desk.html`

function parse(url: string | undefined): URL | null {
  if (!url) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for the app's own pages, and for the dev server while developing; nothing else may call IPC or be loaded. */
export function isAppUrl(url: string | undefined, devServerUrl?: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true
  const dev = parse(devServerUrl)
  return dev !== null && parsed.origin === dev.origin
}

/** True for requests the window may make: the app's files, the dev server and its websocket while developing. */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (isAppUrl(url, devServerUrl)) return true
  const parsed = parse(url)
  const dev = parse(devServerUrl)
  if (!parsed || !dev) return parsed?.protocol === 'devtools:'
  return (parsed.protocol === 'ws:' && parsed.host === dev.host) || parsed.protocol === 'devtools:'
}

/**
 * Which folder an app URL is served from: content files (article images), the pictures of articles staff preview
 * from a USB stick (staged in the data folder, not yet installed), or the renderer bundle.
 */
export type AppRoute = { folder: 'renderer' | 'content' | 'preview'; path: string }

/** Maps an app URL path to a folder and a relative path, or null when it tries to leave its folder. */
export function routeAppPath(pathname: string): AppRoute | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const clean = decoded.replace(/^\/+/, '')
  for (const folder of ['content', 'preview'] as const) {
    if (!clean.startsWith(`${folder}/`)) continue
    // Only pictures come from content folders (a network share, a stick): never a script or a page.
    const path = clean.slice(folder.length + 1)
    return imageExtensions.has(extname(path).toLowerCase()) ? { folder, path } : null
  }
  return { folder: 'renderer', path: clean === '' ? 'index.html' : clean }
}

/**
 * The file an app route names: inside the renderer bundle, the content on screen, or the preview's staged folder
 * (none when no stick is under review), with the same refusal of anything that climbs out.
 */
export function routeFile(
  route: AppRoute,
  roots: { renderer: string; content: string; preview: string | null }
): string | null {
  const root = roots[route.folder]
  return root === null ? null : resolveInside(root, route.path)
}

/** Joins a relative path onto a folder, refusing anything that would climb out of it. */
export function resolveInside(root: string, path: string): string | null {
  const target = resolve(root, normalize(path))
  const inside = relative(root, target)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return target
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.json': 'application/json'
}

/**
 * The Content-Type of an app file, by its extension: the app names it itself rather than leave it to the platform's
 * MIME tables, since with `nosniff` a wrong type stops a script or a font from loading.
 */
export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}
