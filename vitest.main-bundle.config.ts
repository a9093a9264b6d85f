import { defineConfig } from 'vitest/config'

/**
 * The built main bundle under the Electron stand-in (tests/main-bundle). Apart from the unit tests because it needs
 * out/ (npm test runs it after the build); each test file starts the bundle in child processes of its own.
 */
export default defineConfig({
  test: {
    name: 'main-bundle',
    environment: 'node',
    include: ['tests/main-bundle/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
