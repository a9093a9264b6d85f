import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

/** The production CSP lives in index.html; the dev server needs inline styles and its websocket, so only `serve` relaxes it. */
function devCsp(): Plugin {
  return {
    name: 'kiosk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(
        /content="default-src 'none';([^"]*)"/,
        (_match, rest: string) =>
          `content="default-src 'none';${rest.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")}"`
      )
  }
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['electron-store'] }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot `require` anything but electron, so it is one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    plugins: [svelte(), devCsp()],
    build: {
      assetsInlineLimit: 0,
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html'), 'front-desk': resolve('src/renderer/front-desk.html') }
      }
    }
  }
})
