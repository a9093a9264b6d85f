import { ipcMain } from 'electron'
import { channels } from '../../shared/contract'
import { dispatch, type ErrorLogger, type HandlerTable } from '../kiosk/handlers'

/** Registers every channel of the table with ipcMain, behind the sender check and input validation of `dispatch`. */
export function registerIpc(
  table: HandlerTable,
  isTrustedSender: (url: string | undefined) => boolean,
  logError: ErrorLogger
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(table, channel, payload, { senderUrl: event.senderFrame?.url }, isTrustedSender, logError)
    )
  }
}

/**
 * Channels that libraries open for renderers that use them: electron-log's (at import) and electron-store's (at the
 * first store). The kiosk's renderer uses neither, and neither checks its sender, so they are closed: the contract's
 * channels are the only way into main.
 */
export const libraryChannels = ['__ELECTRON_LOG__', 'electron-store-get-data'] as const

/** Removes the libraries' channels (see `libraryChannels`); call it once the stores are open. */
export function closeLibraryChannels(): void {
  for (const channel of libraryChannels) {
    ipcMain.removeHandler(channel)
    ipcMain.removeAllListeners(channel)
  }
}
