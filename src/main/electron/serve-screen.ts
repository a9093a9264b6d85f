import ElectronStore from 'electron-store'
import { renderFirstScreen } from '../../renderer/src/first-screen'
import { pageWithFirstScreen } from '../kiosk/first-screen-page'
import type { OpenJsonFile } from '../kiosk/json-file'
import type { KioskCore } from '../kiosk/kiosk-core'
import { serveAppScheme } from './app-protocol'
import { isAppUrl } from './app-url'
import { closeLibraryChannels, registerIpc } from './ipc'
import { lockDownSession } from './window'

/** The kiosk's JSON files through electron-store: the service's options are conf options, only the place is added. */
export const openElectronStore: OpenJsonFile = (cwd, name, options) =>
  new ElectronStore({ ...options, cwd, name } as unknown as ConstructorParameters<typeof ElectronStore>[0])

/**
 * Puts the screen's side of a core in place: the session locked down, `app://` serving the renderer with its first
 * screen and the preview's pictures, and the handler table behind the sender check. The kiosk's window and the
 * self-test's share it, so the self-test checks the very wiring a kiosk runs.
 */
export function serveScreen(core: KioskCore, devServerUrl: string | undefined, rendererFolder: string): void {
  closeLibraryChannels()
  lockDownSession(devServerUrl)
  serveAppScheme(
    rendererFolder,
    () => core.content().root,
    (html) =>
      pageWithFirstScreen(html, core.handlers, renderFirstScreen, { now: () => new Date(), logError: core.logError }),
    () => core.contentPacks.previewRoot()
  )
  registerIpc(core.handlers, (url) => isAppUrl(url, devServerUrl), core.logError)
}
