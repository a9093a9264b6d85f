// The weight files carry unicode-range for each subset, so only the subsets a screen uses are loaded (Latin for
// English and Spanish); the per-subset files have no range, which made Chromium fetch both subsets for every text.
import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import './styles/global.css'
import { mount } from 'svelte'
import App from './App.svelte'
import { connectKiosk } from './lib/api'
import { ScreenErrors } from './lib/state/screen-errors'

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

// The main process may have sent the first screen inside the page (FirstScreen.svelte), so a slow PC shows it before
// this script has run; it stays until the app draws its own reader in its place.
const firstScreen = [...target.childNodes]
const api = connectKiosk()
// Watching starts before the app mounts, so an error while it starts is logged in main too.
const errors = new ScreenErrors((report) => api.logError(report))
errors.watch(window)
mount(App, {
  target,
  props: {
    api,
    errors,
    firstScreen: firstScreen.length > 0,
    onready: () => {
      firstScreen.forEach((node) => node.remove())
      // From here a touch does something; the first-paint benchmark reports this moment beside the paint.
      performance.mark('kiosk:ready')
    }
  }
})
