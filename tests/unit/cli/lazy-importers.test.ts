import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')

/** The modules a file imports statically (`import … from`, `import '…'`, `export … from`), not with `import()`. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const statements = /^\s*(?:import|export)\s+(?:[^'"`;()]*?\sfrom\s+)?['"]([^'"]+)['"]/gm
  return [...source.matchAll(statements)].map((match) => match[1] ?? '')
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(candidate) && candidate.match(/\.(ts|svelte)$/)) return candidate
  }
  return null
}

/** Every file and package the kiosk loads at start, following static imports from an entry point. */
function startGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    if (!/\.(ts|svelte)$/.test(file)) return
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) {
        const local = resolveLocal(file, specifier)
        if (local) visit(local)
      } else {
        packages.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '')
        )
      }
    }
  }
  visit(entry)
  return { files, packages }
}

describe('the importers load only when someone imports', () => {
  const importerPackages = [
    '@mozilla/readability',
    'linkedom',
    'mammoth',
    'hast-util-from-html',
    'hast-util-to-mdast',
    'mdast-util-to-markdown',
    'franc-min',
    'iso-639-3',
    'iconv-lite'
  ]

  it('keeps them out of what the kiosk loads at start (the CLI imports them with import())', () => {
    const { files, packages } = startGraph(resolve(root, 'src/main/index.ts'))
    expect(files).toContain(resolve(root, 'src/main/cli/cli.ts'))
    expect([...files].map((file) => relative(root, file)).filter((file) => file.includes('importers'))).toEqual([])
    expect(importerPackages.filter((name) => packages.has(name))).toEqual([])
  })

  it('keeps them out of the renderer', () => {
    const { files, packages } = startGraph(resolve(root, 'src/renderer/src/main.ts'))
    expect(files.size).toBeGreaterThan(3)
    expect([...files].map((file) => relative(root, file)).filter((file) => file.startsWith('src/main/'))).toEqual([])
    expect(importerPackages.filter((name) => packages.has(name))).toEqual([])
  })
})
