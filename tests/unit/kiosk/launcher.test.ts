import { describe, expect, it } from 'vitest'
import { autostartPlan, kioskLauncher } from '../../../src/main/kiosk/launcher'

const installedWindows = 'C:\\Program Files\\Waiting Room Kiosk\\Waiting Room Kiosk.exe'
const unpackedPortable = 'C:\\Users\\kiosk\\AppData\\Local\\Temp\\2abc\\Waiting Room Kiosk.exe'
const portableFile = 'D:\\Kiosk\\Waiting Room Kiosk 0.1.0.exe'
const installedLinux = '/opt/Waiting Room Kiosk/waiting-room-kiosk'

describe('the executable that starts this copy of the kiosk again', () => {
  it('is the running executable for an installed kiosk', () => {
    expect(kioskLauncher('win32', {}, installedWindows)).toEqual({ kind: 'installed', executable: installedWindows })
    expect(kioskLauncher('linux', {}, installedLinux)).toEqual({ kind: 'installed', executable: installedLinux })
  })

  it("is the portable .exe itself, not the temporary folder it unpacked to, for Windows' portable build", () => {
    expect(kioskLauncher('win32', { PORTABLE_EXECUTABLE_FILE: portableFile }, unpackedPortable)).toEqual({
      kind: 'windows-portable',
      executable: portableFile
    })
  })

  it('is the AppImage file, not its temporary mount, for an AppImage', () => {
    const mounted = '/tmp/.mount_WaitinXYZ/waiting-room-kiosk'
    expect(kioskLauncher('linux', { APPIMAGE: '/home/kiosk/Kiosk.AppImage' }, mounted)).toEqual({
      kind: 'appimage',
      executable: '/home/kiosk/Kiosk.AppImage'
    })
  })

  it('ignores variables of other platforms', () => {
    expect(kioskLauncher('linux', { PORTABLE_EXECUTABLE_FILE: portableFile }, installedLinux).kind).toBe('installed')
    expect(kioskLauncher('win32', { APPIMAGE: '/x.AppImage' }, installedWindows).kind).toBe('installed')
  })
})

describe('starting the kiosk at login', () => {
  it("registers Windows' login item on the portable .exe, which is still there after a reboot", () => {
    const launcher = kioskLauncher('win32', { PORTABLE_EXECUTABLE_FILE: portableFile }, unpackedPortable)
    expect(autostartPlan('win32', launcher, true)).toEqual({
      kind: 'login-item',
      openAtLogin: true,
      path: portableFile
    })
    expect(autostartPlan('win32', launcher, false)).toEqual({
      kind: 'login-item',
      openAtLogin: false,
      path: portableFile
    })
  })

  it('writes the XDG entry for the installed .deb executable on Linux', () => {
    expect(autostartPlan('linux', kioskLauncher('linux', {}, installedLinux), true)).toEqual({
      kind: 'desktop-entry',
      executable: installedLinux
    })
    expect(autostartPlan('linux', kioskLauncher('linux', {}, installedLinux), false)).toEqual({ kind: 'remove-entry' })
  })

  it('never writes an entry that starts an AppImage, which aborts on Ubuntu 23.10 and later, and says why', () => {
    const plan = autostartPlan(
      'linux',
      kioskLauncher('linux', { APPIMAGE: '/home/kiosk/Kiosk.AppImage' }, '/tmp/m/k'),
      true
    )
    expect(plan.kind).toBe('remove-entry')
    expect(plan).toMatchObject({ reason: expect.stringContaining('.deb') })
  })
})
