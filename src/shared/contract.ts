import type { Playlist, ReaderSettings } from './domain'
import type { FeedbackInput } from './feedback'
import type { Result } from './result'

/** Every IPC channel, as `area:verb`, with what goes in and what comes out. */
export interface Contract {
  'content:playlist': { in: void; out: Result<Playlist> }
  'kiosk:settings': { in: void; out: Result<ReaderSettings> }
  'feedback:submit': { in: FeedbackInput; out: Result<{ id: string }> }
}

/** A channel name of the contract. */
export type Channel = keyof Contract

/** The method the preload exposes for each channel: `window.kiosk[method]` invokes `channel`. */
export const kioskMethods = {
  playlist: 'content:playlist',
  settings: 'kiosk:settings',
  submitFeedback: 'feedback:submit'
} as const satisfies Record<string, Channel>

/** A method name of `window.kiosk`. */
export type KioskMethod = keyof typeof kioskMethods

type MethodOf<C extends Channel> = Contract[C]['in'] extends void
  ? () => Promise<Contract[C]['out']>
  : (input: Contract[C]['in']) => Promise<Contract[C]['out']>

/** The API the renderer sees, identical whether it is backed by the preload or by the web-mode harness. */
export type KioskApi = { [M in KioskMethod]: MethodOf<(typeof kioskMethods)[M]> }

/** All channels, for registration and for checking that nothing is missing. */
export const channels: readonly Channel[] = Object.values(kioskMethods)
