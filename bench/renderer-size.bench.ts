import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildRenderer } from './browser'
import { type Benchmark, round } from './result'

const root = resolve(import.meta.dirname, '..')
const assets = join(root, 'out/renderer/assets')
const kilobytes = (bytes: number) => round(bytes / 1024)

/** Benchmark 1: what the kiosk's screen costs to load, as gzip would send it over the wire (and as a rough proxy for parse work). */
const rendererSize: Benchmark = async () => {
  // Measures the production build as it is now, not whatever an earlier build left behind.
  buildRenderer()
  const files = await readdir(assets)
  const gzipped = async (name: string) => gzipSync(await readFile(join(assets, name)), { level: 9 }).length
  const sizeOf = async (pattern: RegExp) => {
    let total = 0
    for (const name of files.filter((file) => pattern.test(file))) total += await gzipped(name)
    return total
  }
  const js = await sizeOf(/\.js$/)
  const css = await sizeOf(/\.css$/)
  let woff2 = 0
  for (const name of files.filter((file) => file.endsWith('.woff2')))
    woff2 += (await readFile(join(assets, name))).length
  return {
    number: 1,
    name: 'Renderer size',
    method:
      'electron-vite production build, then every .js and .css file of out/renderer/assets gzipped at level 9 and ' +
      'summed. Fonts (Atkinson Hyperlegible, latin and latin-ext, regular and bold) are listed apart as raw woff2 ' +
      'bytes: they are already compressed, and the kiosk reads them from disk.',
    measurements: [
      { id: 'renderer-js-css-gzip', label: 'JS + CSS, gzip', value: kilobytes(js + css), unit: 'KB', budget: 54 },
      { id: 'renderer-js-gzip', label: 'of which JS', value: kilobytes(js), unit: 'KB', budget: null },
      { id: 'renderer-css-gzip', label: 'of which CSS', value: kilobytes(css), unit: 'KB', budget: null },
      { id: 'renderer-fonts', label: 'fonts (woff2, apart)', value: kilobytes(woff2), unit: 'KB', budget: null }
    ]
  }
}

export default rendererSize
