/** How this copy of the kiosk was delivered, as far as starting it again is concerned. */
export type LauncherKind = 'installed' | 'windows-portable' | 'appimage'

/** The file that starts this copy of the kiosk again, at login and on "Restart the app". */
export interface Launcher {
  kind: LauncherKind
  executable: string
}

/**
 * Windows' portable build unpacks itself into a new temporary folder at every start and names its own .exe in
 * PORTABLE_EXECUTABLE_FILE; an AppImage runs from a temporary mount and names its file in APPIMAGE. Either way the
 * running executable is gone after the kiosk exits, so login and restart must use the file that stays.
 */
export function kioskLauncher(
  platform: string,
  environment: Record<string, string | undefined>,
  executablePath: string
): Launcher {
  const portable = environment['PORTABLE_EXECUTABLE_FILE']
  if (platform === 'win32' && portable) return { kind: 'windows-portable', executable: portable }
  const appImage = environment['APPIMAGE']
  if (platform === 'linux' && appImage) return { kind: 'appimage', executable: appImage }
  return { kind: 'installed', executable: executablePath }
}

/** What setting auto-start comes to on this system. */
export type AutostartPlan =
  | { kind: 'login-item'; openAtLogin: boolean; path: string }
  | { kind: 'desktop-entry'; executable: string }
  | { kind: 'remove-entry'; reason?: string }

/**
 * A login item on Windows and macOS (on the launcher's file), an XDG autostart entry on Linux. An AppImage gets no
 * entry: on Ubuntu 23.10 and later AppArmor stops it at start (no unprivileged user namespaces, and no SUID sandbox
 * helper inside the image), so the supported Linux install is the .deb (docs/DEPLOYMENT.md).
 */
export function autostartPlan(platform: string, launcher: Launcher, on: boolean): AutostartPlan {
  if (platform === 'win32' || platform === 'darwin') {
    return { kind: 'login-item', openAtLogin: on, path: launcher.executable }
  }
  if (!on) return { kind: 'remove-entry' }
  if (launcher.kind === 'appimage') {
    return {
      kind: 'remove-entry',
      reason:
        'auto-start is not set up for an AppImage, which AppArmor stops on Ubuntu 23.10 and later; install the .deb instead'
    }
  }
  return { kind: 'desktop-entry', executable: launcher.executable }
}
