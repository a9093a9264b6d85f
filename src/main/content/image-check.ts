import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { posix } from 'node:path'
import { imageSize } from 'image-size'
import { SaxesParser } from 'saxes'
import { contentLimits, sizeInWords } from './content-limits'

/** A picture the kiosk can show, with a digest of its bytes; or why not. */
export type ImageCheck = { digest: string } | { problem: string }

/** What each file extension must hold, as image-size names the format it finds in the bytes. */
const formatOf: Record<string, string> = {
  '.png': 'png',
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.webp': 'webp',
  '.gif': 'gif',
  '.svg': 'svg'
}
const formatNames: Record<string, { name: string; extension: string }> = {
  png: { name: 'a PNG picture', extension: '.png' },
  jpg: { name: 'a JPEG picture', extension: '.jpg' },
  webp: { name: 'a WebP picture', extension: '.webp' },
  gif: { name: 'a GIF picture', extension: '.gif' },
  svg: { name: 'an SVG drawing', extension: '.svg' },
  bmp: { name: 'a BMP picture', extension: '.bmp' },
  tiff: { name: 'a TIFF picture', extension: '.tiff' },
  heif: { name: 'a HEIC photo (as iPhones save them)', extension: '.heic' },
  ico: { name: 'an icon file', extension: '.ico' }
}

/**
 * Why an SVG drawing cannot be shown, or null: it must be well-formed XML with an <svg> root, and hold no script (a
 * <script> or <foreignObject>, an "on…" event attribute, or a javascript: link). The kiosk shows pictures with <img>,
 * where scripts never run, but a drawing from a stick should not carry one at all.
 */
export function svgProblem(text: string): string | null {
  const parser = new SaxesParser({ position: true })
  let problem: string | null = null
  let root: string | null = null
  const where = () => `line ${parser.line}`
  parser.on('opentag', (tag) => {
    root ??= tag.local ?? tag.name
    const name = (tag.local ?? tag.name).toLowerCase()
    if (problem) return
    if (name === 'script' || name === 'foreignobject') {
      problem = `has a script in it (a <${tag.name}> element at ${where()})`
      return
    }
    for (const [attribute, value] of Object.entries(tag.attributes)) {
      const text = typeof value === 'string' ? value : value.value
      if (/^on/i.test(attribute)) problem = `has a script in it (an "${attribute}" at ${where()})`
      else if (/href$/i.test(attribute) && /^\s*(javascript|data|https?):/i.test(text))
        problem = `links to something outside it ("${attribute}" at ${where()})`
      if (problem) return
    }
  })
  try {
    parser.write(text).close()
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[^:]*:\d+:\d+: /, '') : String(error)
    return `is not a well-formed SVG file (line ${parser.line}: ${reason}): save it again from the drawing program`
  }
  if (problem) return problem
  return root === 'svg' ? null : 'is not an SVG drawing (its first element is not <svg>)'
}

/**
 * Reads a picture an article shows and measures it before it is accepted: at most `contentLimits.imageBytes`
 * (checked before reading), its bytes really the format its name says (a text file named .png is refused), at most
 * `contentLimits.imagePixels` on each side, and an SVG without script. `src` is how the article names it.
 */
export async function checkImage(path: string, src: string): Promise<ImageCheck> {
  const named = `image "${src}"`
  const { size } = await stat(path)
  if (size > contentLimits.imageBytes) {
    return {
      problem:
        `${named} is ${sizeInWords(size)}; a picture may be at most ${sizeInWords(contentLimits.imageBytes)}: save ` +
        'it smaller (a kiosk screen needs at most 1920 pixels across)'
    }
  }
  const bytes = await readFile(path)
  const expected = formatOf[posix.extname(path).toLowerCase()] ?? ''
  if (expected === 'svg') {
    // An SVG is text: it is checked as XML, whatever size it declares (image-size needs a width or a viewBox).
    const problem = svgProblem(bytes.toString('utf8'))
    return problem ? { problem: `${named} ${problem}` } : { digest: createHash('sha256').update(bytes).digest('hex') }
  }
  let found: { type?: string; width?: number; height?: number } | null
  try {
    found = imageSize(bytes)
  } catch {
    found = null
  }
  if (!found?.type) {
    return {
      problem: `${named} is not a picture the kiosk can read: its content is not ${formatNames[expected]?.name ?? 'a picture'}. Save it again as PNG or JPEG`
    }
  }
  if (found.type !== expected) {
    const actual = formatNames[found.type]
    const renamed = posix.basename(src, posix.extname(src)) + (actual?.extension ?? '')
    // A format the kiosk shows just needs its right name; any other must be saved again as one it shows.
    const fix = Object.values(formatOf).includes(found.type)
      ? `rename it to ${renamed} (and its link)`
      : 'save it again as PNG or JPEG'
    return { problem: `${named} is ${actual?.name ?? `a ${found.type} file`} named ${posix.extname(src)}: ${fix}` }
  }
  const { width = 0, height = 0 } = found
  if (width > contentLimits.imagePixels || height > contentLimits.imagePixels) {
    return {
      problem: `${named} is ${width}×${height} pixels; a picture may be at most ${contentLimits.imagePixels} pixels on each side: make it smaller`
    }
  }
  if (width === 0 || height === 0) return { problem: `${named} has no size (0 pixels): save it again` }
  return { digest: createHash('sha256').update(bytes).digest('hex') }
}
