import type { ConfigProblem, KioskConfig } from '../../shared/config'
import { readConfigFile } from './config-file'
import { type ContentState, loadContent } from './content-library'
import { createHandlers, type HandlerTable } from './handlers'

/** The kiosk's services without any window: what the Electron app and the web-mode harness both run. */
export interface KioskCore {
  config: KioskConfig
  configProblems: ConfigProblem[]
  content: () => ContentState
  reloadContent: () => Promise<ContentState>
  handlers: HandlerTable
}

/** Where the core finds its files. */
export interface CorePaths {
  configFile: string
  bundledContentFolder: string
}

/** Reads the config and the content and builds the handler table over them. */
export async function startKioskCore(paths: CorePaths): Promise<KioskCore> {
  const { config, problems: configProblems } = await readConfigFile(paths.configFile)
  const load = () =>
    loadContent({
      bundledFolder: paths.bundledContentFolder,
      externalFolder: config.contentFolder,
      language: config.language,
      playlist: config.playlist
    })
  let content = await load()
  return {
    config,
    configProblems,
    content: () => content,
    reloadContent: async () => (content = await load()),
    handlers: createHandlers({ config: () => config, content: () => content })
  }
}
