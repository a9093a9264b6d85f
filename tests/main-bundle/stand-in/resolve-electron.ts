/**
 * Module-resolution hooks (node:module `register`) that answer `import ... from 'electron'` with the stand-in that
 * register.ts put on globalThis, so the real electron package (whose index.js would start a download) is never loaded.
 */
let names: string[] = []

/** Receives the names the stand-in exports. */
export function initialize(data: { names: string[] }): void {
  names = data.names
}

type Next<T> = (value: string, context: unknown) => Promise<T>

/** Sends 'electron' to the stand-in. */
export async function resolve(specifier: string, context: unknown, next: Next<unknown>): Promise<unknown> {
  if (specifier === 'electron') return { url: 'stand-in:electron', shortCircuit: true }
  return next(specifier, context)
}

/** The stand-in as an ES module: its default export and one named export per Electron module it imitates. */
export async function load(url: string, context: unknown, next: Next<unknown>): Promise<unknown> {
  if (url !== 'stand-in:electron') return next(url, context)
  const source = [
    'const standIn = globalThis.__electronStandIn',
    'const electron = standIn.module()',
    'export default electron',
    ...names.map((name) => `export const ${name} = electron.${name}`),
    // Electron emits ready once the main script has run; this module is evaluated just before it does.
    'setImmediate(() => standIn.becomeReady())'
  ].join('\n')
  return { format: 'module', source, shortCircuit: true }
}
