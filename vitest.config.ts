import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Real scrypt hashes, disk writes and electron-store files: seconds on a busy 2-core machine, where the
          // default 5 s ceiling failed tests that are not about speed at all.
          testTimeout: 30_000,
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/first-screen/**', 'tests/unit/renderer/**'],
          server: { deps: { inline: ['electron-store'] } }
        }
      },
      {
        // The first screen is rendered by Svelte for the server, as the main process renders it.
        plugins: [svelte({ emitCss: false, compilerOptions: { css: 'external' } })],
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/unit/first-screen/**/*.test.ts']
        }
      },
      {
        // Renderer state classes use runes, so they are compiled by Svelte for the browser and run in Node.
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'node',
          include: ['tests/unit/renderer/**/*.test.ts']
        }
      }
    ]
  }
})
