import { isDisplayAwake } from '../../shared/display-schedule'
import type { Playlist, ReaderSettings } from '../../shared/domain'
import type { Notice } from '../../shared/notice'
import type { ErrorLogger, HandlerTable } from './handlers'

/** Renders the kiosk's first screen to HTML: `renderFirstScreen` from src/renderer/src/first-screen.ts. */
export type FirstScreenRenderer = (playlist: Playlist, settings: ReaderSettings, notice: Notice | null) => string

/** The empty mount point of index.html, which the first screen is put inside. */
export const appMountPoint = '<div id="app"></div>'

/**
 * index.html with the first screen (the first title card, under the front desk's notice if there is one) already in
 * it, so a slow PC paints it before the app's script has loaded and run; the app replaces it when it mounts. It asks
 * the handler table what the renderer would ask (so hidden, overdue articles stay hidden, and an ended notice too). When anything goes wrong the page is served as it is, and the app shows what
 * it always did, including its friendly error: the first screen is a head start, never a requirement.
 */
export async function pageWithFirstScreen(
  page: string,
  handlers: Pick<HandlerTable, 'content:playlist' | 'kiosk:settings'> & Partial<Pick<HandlerTable, 'kiosk:notice'>>,
  render: FirstScreenRenderer,
  { now, logError }: { now: () => Date; logError: ErrorLogger }
): Promise<string> {
  if (!page.includes(appMountPoint)) {
    logError('the first screen was not rendered', new Error(`index.html has no ${appMountPoint}`))
    return page
  }
  try {
    const context = { senderUrl: undefined }
    const [playlist, settings, notice] = await Promise.all([
      handlers['content:playlist'](undefined, context),
      handlers['kiosk:settings'](undefined, context),
      handlers['kiosk:notice']?.(undefined, context)
    ])
    // No articles or no settings: the app explains that itself, in the patient's language.
    if (!playlist.ok || !settings.ok) return page
    // Outside clinic hours the app darkens the screen; an article must not flash up first.
    if (!isDisplayAwake(now(), settings.value.clinicHours)) return page
    // The front desk's notice too, so the screen does not move when the app draws it; without it the app still will.
    const screen = render(playlist.value, settings.value, notice?.ok ? notice.value : null)
    return page.replace(appMountPoint, () => `<div id="app">${screen}</div>`)
  } catch (error) {
    logError('the first screen was not rendered', error)
    return page
  }
}
