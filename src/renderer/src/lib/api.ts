import { type Channel, type KioskApi, kioskMethods } from '../../../shared/contract'
import { fail } from '../../../shared/result'

declare global {
  interface Window {
    /** Set by the preload inside Electron; absent in a plain browser. */
    kiosk?: KioskApi
  }
}

/** Calls the web-mode harness, which serves the same handler table as the Electron main process. */
function harnessCall(channel: Channel) {
  return async (input?: unknown) => {
    try {
      const response = await fetch(`api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input })
      })
      return (await response.json()) as unknown
    } catch (error) {
      return fail('internal', `the kiosk service did not answer: ${String(error)}`)
    }
  }
}

/** The kiosk API: the preload's bridge inside Electron, the loopback harness in a plain browser (tests and demos). */
export function connectKiosk(): KioskApi {
  if (window.kiosk) return window.kiosk
  return Object.fromEntries(
    Object.entries(kioskMethods).map(([method, channel]) => [method, harnessCall(channel)])
  ) as KioskApi
}
