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

/**
 * Preloads the two faces the first screen uses (Latin, regular and bold), so they arrive with the script instead of
 * after the first layout has asked for them; text then paints once, in its own font.
 */
function preloadFonts(): Plugin {
  return {
    name: 'kiosk-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        Object.keys(context.bundle ?? {})
          .filter((file) => /atkinson-hyperlegible-latin-(400|700)-normal-.*\.woff2$/.test(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `./${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head' as const
          }))
    }
  }
}

export default defineConfig({
  main: {
    // The first screen is a renderer component rendered to HTML in main (src/renderer/src/first-screen.ts).
    // Its styles are already in the renderer's CSS, so the server build carries none.
    plugins: [svelte({ emitCss: false, compilerOptions: { css: 'external' } })],
    build: {
      externalizeDeps: { exclude: ['electron-store'] },
      rollupOptions: {
        input: { index: resolve('src/main/index.ts'), 'first-screen': resolve('src/renderer/src/first-screen.ts') }
      }
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
    plugins: [svelte(), devCsp(), preloadFonts()],
    build: {
      assetsInlineLimit: 0,
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html'), 'front-desk': resolve('src/renderer/front-desk.html') }
      }
    }
  }
})
