import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  appEntryUrl,
  contentTypeOf,
  isAllowedRequest,
  isAppUrl,
  resolveInside,
  routeAppPath,
  routeFile
} from '../../../src/main/electron/app-url'

const dev = 'http://localhost:5173/'

describe('app URLs', () => {
  it('trusts the app page, and the dev server only while developing', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true)
    expect(isAppUrl('app://kiosk/assets/index.js')).toBe(true)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('file:///C:/Windows/win.ini')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    expect(isAppUrl(undefined)).toBe(false)
  })

  it('lets the window load only the app, never the network', () => {
    expect(isAllowedRequest('app://kiosk/assets/font.woff2')).toBe(true)
    expect(isAllowedRequest('https://fonts.example.com/font.woff2')).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:8080/')).toBe(false)
    expect(isAllowedRequest('file:///etc/passwd')).toBe(false)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('ws://evil.example/', dev)).toBe(false)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true)
  })

  it('routes content paths to the content folder and everything else to the renderer', () => {
    expect(routeAppPath('/')).toEqual({ folder: 'renderer', path: 'index.html' })
    expect(routeAppPath('/assets/index.js')).toEqual({ folder: 'renderer', path: 'assets/index.js' })
    expect(routeAppPath('/content/en/images/knee%20joint.png')).toEqual({
      folder: 'content',
      path: 'en/images/knee joint.png'
    })
    expect(routeAppPath('/content/en/knee.md')).toBeNull()
    expect(routeAppPath('/content/evil.js')).toBeNull()
    expect(routeAppPath('/%E0%A4%A')).toBeNull()
    expect(routeAppPath('/a%00b')).toBeNull()
  })

  it('serves the chunks the renderer loads on demand (staff mode) from the renderer folder, as the app itself', () => {
    expect(routeAppPath('/assets/staff-mode-Byr9BMad.js')).toEqual({
      folder: 'renderer',
      path: 'assets/staff-mode-Byr9BMad.js'
    })
    expect(routeAppPath('/assets/staff-mode-DiCiV_Xu.css')).toEqual({
      folder: 'renderer',
      path: 'assets/staff-mode-DiCiV_Xu.css'
    })
    expect(isAllowedRequest('app://kiosk/assets/staff-mode-Byr9BMad.js')).toBe(true)
  })

  it("serves a stick's staged pictures under preview/ while staff review it, and nothing else from there", () => {
    const roots = { renderer: resolve('/app/renderer'), content: resolve('/data/content/a'), preview: null }
    const picture = routeAppPath('/preview/en/images/hands.svg')
    expect(picture).toEqual({ folder: 'preview', path: 'en/images/hands.svg' })
    expect(routeAppPath('/preview/en/hand-washing.md')).toBeNull()
    expect(routeAppPath('/preview/../../main/index.js')).not.toEqual(expect.objectContaining({ folder: 'preview' }))
    // No stick under review: nothing is served from preview/.
    expect(picture && routeFile(picture, roots)).toBeNull()
    const staged = resolve('/data/content/installed/.staging-1')
    expect(picture && routeFile(picture, { ...roots, preview: staged })).toBe(join(staged, 'en/images/hands.svg'))
    expect(routeFile({ folder: 'preview', path: '../../../etc/passwd' }, { ...roots, preview: staged })).toBeNull()
  })

  it('never resolves a path outside its folder', () => {
    const root = resolve('/srv/kiosk/renderer')
    expect(resolveInside(root, 'assets/x.js')).toBe(join(root, 'assets/x.js'))
    expect(resolveInside(root, '../main/index.js')).toBeNull()
    expect(resolveInside(root, '../../../../etc/passwd')).toBeNull()
    expect(resolveInside(root, '/etc/passwd')).toBeNull()
    expect(resolveInside(root, '')).toBeNull()
  })
})

describe('content types of app files', () => {
  it('names the type of every kind of file the app serves, whatever the case of the extension', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('assets/index-abc.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeOf('assets/font.woff2')).toBe('font/woff2')
    expect(contentTypeOf('en/images/KNEE.PNG')).toBe('image/png')
    expect(contentTypeOf('en/images/hands.svg')).toBe('image/svg+xml')
    expect(contentTypeOf('en/images/x.jpeg')).toBe('image/jpeg')
  })

  it('sends anything else as opaque bytes, which nosniff keeps from running', () => {
    expect(contentTypeOf('notes.md')).toBe('application/octet-stream')
    expect(contentTypeOf('no-extension')).toBe('application/octet-stream')
  })
})
