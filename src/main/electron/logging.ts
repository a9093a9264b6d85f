import { join } from 'node:path'
import log from 'electron-log/main'

/**
 * Logs main's messages to `logs/main.log` in the data folder (rotated at 5 MB to main.old.log), and reports uncaught
 * errors to `onUncaught` after logging them: an error in main is logged and survived. electron-log's `initialize()`
 * is not called: it would add a second preload to the session (`window.__electronLog`) and an IPC channel with no
 * sender check, and main's logging needs neither. With `toConsole` false (a command-line run) nothing goes to the
 * console: the command prints its own lines there.
 */
export function startLogging(
  dataFolder: string,
  onUncaught: (error: Error) => void,
  { toConsole }: { toConsole: boolean }
): typeof log {
  log.transports.file.resolvePathFn = () => join(dataFolder, 'logs', 'main.log')
  log.transports.file.maxSize = 5 * 1024 * 1024
  // Main's log lines never go to the page (in development electron-log sends them to every window).
  log.transports.ipc.level = false
  if (!toConsole) log.transports.console.level = false
  log.errorHandler.startCatching({ showDialog: false, onError: ({ error }) => onUncaught(error) })
  return log
}
