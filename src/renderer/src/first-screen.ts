import { render } from 'svelte/server'
import type { Playlist, ReaderSettings } from '../../shared/domain'
import type { Notice } from '../../shared/notice'
import FirstScreen from './screens/FirstScreen.svelte'

/**
 * The kiosk's first screen as HTML, for the main process to put inside index.html (see FirstScreen.svelte). This file
 * is built with the main process, for the server; the renderer bundle never contains it.
 */
export function renderFirstScreen(playlist: Playlist, settings: ReaderSettings, notice: Notice | null = null): string {
  return render(FirstScreen, { props: { playlist, settings, notice } }).body
}
