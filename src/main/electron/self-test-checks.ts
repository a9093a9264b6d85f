import { constants } from 'node:fs'
import { access, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { BrowserWindow, net, screen } from 'electron'
import { contentSecurityPolicy } from '../../shared/csp'
import type { FeedbackInput } from '../../shared/feedback'
import { checkFolder, checkVoices, type CheckResult, type SelfTestCheck } from '../cli/self-test'
import type { KioskCore } from '../kiosk/kiosk-core'
import { setUpFromStaffFile } from '../kiosk/kiosk-setup'
import { appEntryUrl } from './app-url'
import { backgroundColour, lockDownContents } from './window'

/** What the self-test's window and checks need: the core on a temporary data folder, and the clinic's own folder. */
export interface SelfTestSetup {
  /** Built over a temporary data folder, never the clinic's; its config is the clinic's, read only. */
  core: KioskCore
  /** The clinic's data folder, checked for write rights without writing in it. */
  clinicDataFolder: string
  preload: string
}

/** Larger than any staff file the kiosk writes; beyond it the file is not read. */
const staffFileLimit = 64 * 1024

const failed = (problem: string, advice: string): CheckResult => ({ ok: false, problem, advice })
const windowMissing = failed('the window did not open', 'see the first check')

/** Voice languages, waiting up to 3 s for Chromium to list them (it lists none until its speech service answers). */
const voicesScript = `new Promise((done) => {
  const languages = () => speechSynthesis.getVoices().map((voice) => voice.lang)
  if (languages().length > 0) return done(languages())
  speechSynthesis.addEventListener('voiceschanged', () => done(languages()), { once: true })
  setTimeout(() => done(languages()), 3000)
})`

/** Opens a hidden window like the kiosk's (same preload, sandbox and lock-down) on the app page. */
function openTestWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    backgroundColor: backgroundColour,
    title: 'Waiting Room Kiosk self-test',
    webPreferences: {
      // Reviewed: the kiosk's own preload, which exposes only the contract's invoke wrappers.
      preload /* eng-disable PRELOAD_JS_CHECK */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    }
  })
  lockDownContents(window.webContents, undefined)
  return window
}

/**
 * The checks of `--self-test`, each looking at what only the real machine can show, and `close`, which destroys the
 * window the checks opened. Nothing here writes the clinic's data folder.
 */
export function selfTestChecks(setup: SelfTestSetup): { checks: SelfTestCheck[]; close: () => void } {
  const { core } = setup
  let window: BrowserWindow | null = null
  const inPage = async <T>(script: string): Promise<T> => {
    if (!window) throw new Error('the window did not open')
    return (await window.webContents.executeJavaScript(script)) as T
  }
  const checks: SelfTestCheck[] = [
    {
      name: 'The window opens and loads the screen from app://',
      run: async () => {
        window = openTestWindow(setup.preload)
        await window.loadURL(appEntryUrl)
        return { ok: true, detail: window.webContents.getURL() }
      }
    },
    {
      name: 'The screen is served with its content security policy',
      run: async () => {
        const response = await net.fetch(appEntryUrl)
        const policy = response.headers.get('content-security-policy')
        if (response.status !== 200)
          return failed(`app://kiosk/index.html answered ${response.status}`, 'reinstall the app')
        if (policy !== contentSecurityPolicy)
          return failed("the page came without the kiosk's content security policy", 'reinstall the app')
        return { ok: true }
      }
    },
    {
      name: 'The screen talks to the kiosk (IPC round trip)',
      run: async () => {
        if (!window) return windowMissing
        const answer = await inPage<{ ok: boolean; value?: { articles: unknown[] } }>('window.kiosk.playlist()')
        if (!answer.ok || !answer.value) return failed('the playlist did not come back', 'see the log')
        return {
          ok: true,
          detail: `${answer.value.articles.length} article${answer.value.articles.length === 1 ? '' : 's'} on screen`
        }
      }
    },
    {
      name: 'Feedback is written and read back (in a temporary folder)',
      run: async () => {
        if (!window) return windowMissing
        const article = core.content().playlist.articles[0]
        if (!article) return failed('there is no article to give feedback on', 'run --check-content on the content')
        const input: FeedbackInput = {
          articleId: article.id,
          sectionId: null,
          rating: 3,
          comment: null,
          language: article.language as FeedbackInput['language']
        }
        const answer = await inPage<{ ok: boolean; value?: { id: string }; error?: { message: string } }>(
          `window.kiosk.submitFeedback(${JSON.stringify(input)})`
        )
        if (!answer.ok || !answer.value) return failed(answer.error?.message ?? 'refused', 'see the log')
        const id = answer.value.id
        const reading = await core.feedbackStore.read()
        if (!reading.records.some((record) => record.id === id))
          return failed('the feedback was not there when read back', 'check the disk and see the log')
        return { ok: true }
      }
    },
    {
      name: 'The data folder can be written',
      run: async () => {
        const folder = setup.clinicDataFolder
        const exists = await stat(folder).then(
          (found) => found.isDirectory(),
          () => false
        )
        if (!exists)
          return failed(
            `${folder} is not there yet`,
            'create it as in docs/DEPLOYMENT.md (A3), or start the kiosk once'
          )
        // Asked of the system, not tried with a file, so the clinic's folder is not touched.
        const writable = await access(folder, constants.W_OK).then(
          () => true,
          () => false
        )
        return writable
          ? { ok: true, detail: folder }
          : failed(`${folder} cannot be written`, 'give the kiosk account modify rights on it (A3)')
      }
    },
    {
      name: 'This PC is set up as a kiosk (a staff PIN is set)',
      run: async () => {
        const file = join(setup.clinicDataFolder, 'staff.json')
        // A staff file is a few hundred bytes; a larger one is read as damaged, which also counts as set up.
        const size = await stat(file).then(
          (found) => found.size,
          () => null
        )
        const text = size === null ? null : size > staffFileLimit ? '' : await readFile(file, 'utf8')
        return setUpFromStaffFile(text)
          ? { ok: true, detail: 'the window is locked full screen and starts at sign-in with autoStart' }
          : failed(
              'no staff PIN yet, so the kiosk opens as an ordinary window anyone can close and does not start at sign-in',
              'set the PIN with --set-pin or the setup code (A5)'
            )
      }
    },
    {
      name: 'The content folder can be reached',
      run: () => checkFolder('contentFolder', core.config.contentFolder, stat)
    },
    {
      name: 'The export folder can be reached',
      run: () => checkFolder('exportFolder', core.config.exportFolder, stat)
    },
    {
      name: 'The status folder can be reached',
      run: () => checkFolder('statusFolder', core.config.statusFolder, stat)
    },
    {
      name: 'A display and touch are found',
      run: async () => {
        const displays = screen.getAllDisplays()
        if (displays.length === 0) return failed('no display found', 'connect the screen and start the PC again')
        const touch = displays.map((display) => display.touchSupport)
        const names = displays.map((display) => display.label || `display ${display.id}`).join(', ')
        if (touch.includes('available')) return { ok: true, detail: `${names}; touch available` }
        if (touch.every((support) => support === 'unavailable'))
          return failed(`no touch screen among ${names}`, "connect the touch screen's USB cable and its driver")
        return { ok: true, detail: `${names}; the system does not say whether touch works: tap the screen to check` }
      }
    },
    {
      name: 'Read-aloud voices for each language',
      run: async () => {
        if (!window) return windowMissing
        const playlist = core.content().playlist
        const languages = [
          ...new Set([core.config.language, ...playlist.translations.map((article) => article.language)])
        ]
        return checkVoices(await inPage<string[]>(voicesScript), languages)
      }
    },
    {
      name: "The clock's time zone",
      run: async () => {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
        const time = new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
        return { ok: true, detail: `${zone}, now ${time}: check that this is the clinic's` }
      }
    }
  ]
  return {
    checks,
    close: () => {
      if (window && !window.isDestroyed()) window.destroy()
    }
  }
}
