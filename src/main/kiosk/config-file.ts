import { readFile } from 'node:fs/promises'
import { type ConfigOutcome, defaultConfig, parseConfig } from '../../shared/config'

/** Reads the config file; a missing file means defaults, and a broken one never stops the kiosk. */
export async function readConfigFile(path: string): Promise<ConfigOutcome> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: defaultConfig(), problems: [] }
    return { config: defaultConfig(), problems: [{ key: '(file)', message: `cannot read ${path}: ${String(error)}` }] }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return {
      config: defaultConfig(),
      problems: [{ key: '(file)', message: `${path} is not valid JSON (${(error as Error).message}); using defaults` }]
    }
  }
  return parseConfig(raw)
}
