import { describe, expect, it } from 'vitest'
import { autostartDesktopEntry } from '../../../src/main/kiosk/autostart-entry'

describe('Linux autostart entry', () => {
  it('starts the kiosk binary at login', () => {
    const entry = autostartDesktopEntry('/opt/Waiting-Room-Kiosk/waiting-room-kiosk')
    expect(entry.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=Waiting Room Kiosk',
      'Comment=Patient-education kiosk for the waiting room',
      'Exec=/opt/Waiting-Room-Kiosk/waiting-room-kiosk',
      'X-GNOME-Autostart-enabled=true',
      'Terminal=false',
      ''
    ])
  })

  it('quotes a path with spaces and escapes what the shell would read', () => {
    expect(autostartDesktopEntry('/home/clinic/Kiosk App/kiosk$1.AppImage')).toContain(
      'Exec="/home/clinic/Kiosk App/kiosk\\$1.AppImage"'
    )
  })
})
