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

/**
 * The loader index.html runs instead of the app bundle, as the browser gets it (shipped without comments: every byte
 * counts against benchmark 1). It imports the bundle named in its data-app attribute once a frame has been drawn;
 * should the bundle fail to load, the first screen stays and the page tries again in 10 s, as after a crash.
 */
const startAfterFirstFrame =
  "const app=new URL(document.querySelector('script[data-app]').dataset.app,document.baseURI).href;" +
  'requestAnimationFrame(()=>setTimeout(()=>import(app).catch(()=>setTimeout(()=>location.reload(),1e4))))\n'

/**
 * Lets the first screen (which main puts in the page, see FirstScreen.svelte) paint before the app's script runs.
 * Chromium runs a page's module script as soon as the page is parsed, before its first frame, so the app's start-up
 * (75-120 ms at 4x CPU slowdown) held back that picture in about a third of cold starts. The built page now preloads
 * the app bundle and starts it from a three-line loader after the first frame. The bundle itself, and its CSS, which
 * stays render-blocking in the head, are unchanged; only the production build is affected.
 */
function paintBeforeScript(): Plugin {
  const loader = 'assets/start-after-first-frame.js'
  return {
    name: 'kiosk-paint-before-script',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: loader, source: startAfterFirstFrame })
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        if (!context.filename.endsWith('index.html')) return html
        const entry = /<script type="module" crossorigin src="(\.\/assets\/index-[^"]+\.js)"><\/script>/
        const found = entry.exec(html)
        if (!found) throw new Error('kiosk-paint-before-script: index.html has no app script to defer')
        return html.replace(
          entry,
          `<link rel="modulepreload" crossorigin href="${found[1]}">\n` +
            `    <script type="module" crossorigin src="./${loader}" data-app="${found[1]}"></script>`
        )
      }
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
        // The reading worker is its own entry, out/main/content-worker.js, which content-reader.ts starts per folder.
        input: {
          index: resolve('src/main/index.ts'),
          'first-screen': resolve('src/renderer/src/first-screen.ts'),
          'content-worker': resolve('src/main/content/content-worker.ts')
        }
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
    plugins: [svelte(), devCsp(), preloadFonts(), paintBeforeScript()],
    build: {
      assetsInlineLimit: 0,
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html'), 'front-desk': resolve('src/renderer/front-desk.html') }
      }
    }
  }
})
