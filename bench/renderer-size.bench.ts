import { readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { init, parse } from 'es-module-lexer'
import { buildRenderer } from './browser'
import { type Benchmark, round } from './result'

const root = resolve(import.meta.dirname, '..')
const renderer = join(root, 'out/renderer')
const assets = join(renderer, 'assets')
const kilobytes = (bytes: number) => round(bytes / 1024)

/** The files the page names: its scripts (the loader and the app it starts), module preloads and style sheets. */
function namedByPage(html: string): string[] {
  const names: string[] = []
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1]
    const rel = attribute('rel')
    if (tag.startsWith('<link') && rel !== 'stylesheet' && rel !== 'modulepreload') continue
    for (const name of [attribute('src'), attribute('href'), attribute('data-app')])
      if (name) names.push(resolve(renderer, name))
  }
  return names
}

/**
 * What a patient's screen loads before anyone asks for more: the page's own files and every module they import
 * statically, followed through the chunks. Dynamic imports (staff mode) are where the patient path stops.
 */
async function patientPath(): Promise<string[]> {
  await init
  const found = new Set<string>()
  const queue = namedByPage(await readFile(join(renderer, 'index.html'), 'utf8'))
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (found.has(file)) continue
    found.add(file)
    if (!file.endsWith('.js')) continue
    const [imports] = parse(await readFile(file, 'utf8'))
    for (const { n: name, d: dynamic } of imports)
      if (dynamic === -1 && name?.startsWith('.')) queue.push(resolve(file, '..', name))
  }
  return [...found]
}

/** Benchmark 1: what the kiosk's screen costs to load, as gzip would send it over the wire (and as a rough proxy for parse work). */
const rendererSize: Benchmark = async () => {
  // Measures the production build as it is now, not whatever an earlier build left behind.
  buildRenderer()
  const gzipped = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length
  const sizeOf = async (files: string[]) => {
    let total = 0
    for (const file of files) total += await gzipped(file)
    return total
  }
  const all = (await readdir(assets)).map((name) => join(assets, name))
  const path = await patientPath()
  const missing = path.filter((file) => !all.includes(file))
  if (missing.length > 0) throw new Error(`index.html names files the build lacks: ${missing.join(', ')}`)
  const patientJs = await sizeOf(path.filter((file) => file.endsWith('.js')))
  const patientCss = await sizeOf(path.filter((file) => file.endsWith('.css')))
  const total = await sizeOf(all.filter((file) => /\.(js|css)$/.test(file)))
  let woff2 = 0
  for (const file of all.filter((name) => name.endsWith('.woff2'))) woff2 += (await readFile(file)).length
  const onDemand = all.filter((file) => /\.(js|css)$/.test(file) && !path.includes(file))
  return {
    number: 1,
    name: 'Renderer size',
    method:
      'electron-vite production build, then files gzipped at level 9 and summed. The patient path, which has the ' +
      'budget, is what the first screen and the patient screens load: the files index.html names (the loader that ' +
      'starts the app after the first frame, the app entry, its style sheet) and every module they import ' +
      'statically, followed with es-module-lexer; what is imported dynamically stops it. The total adds every ' +
      `other .js and .css of out/renderer/assets (${onDemand.map((file) => relative(assets, file).replace(/-[\w-]{8}\./, '.')).join(', ')}). Fonts (Atkinson Hyperlegible, latin and latin-ext, ` +
      'regular and bold) are listed apart as raw woff2 bytes: they are already compressed, and the kiosk reads them ' +
      'from disk.',
    measurements: [
      {
        id: 'renderer-patient-gzip',
        label: 'patient path: loader, app and its static imports, CSS; gzip',
        value: kilobytes(patientJs + patientCss),
        unit: 'KB',
        budget: 54
      },
      { id: 'renderer-patient-js-gzip', label: 'of which JS', value: kilobytes(patientJs), unit: 'KB', budget: null },
      {
        id: 'renderer-patient-css-gzip',
        label: 'of which CSS',
        value: kilobytes(patientCss),
        unit: 'KB',
        budget: null
      },
      {
        id: 'renderer-total-gzip',
        label: 'everything, staff mode loaded on demand included; gzip',
        value: kilobytes(total),
        unit: 'KB',
        budget: null
      },
      { id: 'renderer-fonts', label: 'fonts (woff2, apart)', value: kilobytes(woff2), unit: 'KB', budget: null }
    ]
  }
}

export default rendererSize
