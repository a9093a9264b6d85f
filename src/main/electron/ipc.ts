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
