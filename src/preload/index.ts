import { contextBridge, ipcRenderer } from 'electron'
import { type KioskApi, kioskMethods } from '../shared/contract'

/** One method per contract operation, each a plain invoke of its channel; nothing else reaches the page. */
const kiosk = Object.freeze(
  Object.fromEntries(
    Object.entries(kioskMethods).map(([method, channel]) => [
      method,
      (input?: unknown) => ipcRenderer.invoke(channel, input)
    ])
  )
) as KioskApi

contextBridge.exposeInMainWorld('kiosk', kiosk)
