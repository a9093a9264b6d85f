import { powerSaveBlocker } from 'electron'

let blocker: number | null = null

/** Keeps the display awake (inside clinic hours) or lets the system sleep it (outside them). */
export function keepDisplayAwake(on: boolean): void {
  if (on && blocker === null) blocker = powerSaveBlocker.start('prevent-display-sleep')
  if (!on && blocker !== null) {
    powerSaveBlocker.stop(blocker)
    blocker = null
  }
}
