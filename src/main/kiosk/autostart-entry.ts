/** Quotes one argument for a desktop entry's Exec line, as the Desktop Entry Specification asks. */
function quoteExec(argument: string): string {
  if (!/[\s"'\\><~|&;$*?#()`]/.test(argument)) return argument
  return `"${argument.replace(/([\\"`$])/g, '\\$1')}"`
}

/** The XDG autostart entry that starts the kiosk when the Linux session logs in. */
export function autostartDesktopEntry(executable: string, name = 'Waiting Room Kiosk'): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name}`,
    'Comment=Patient-education kiosk for the waiting room',
    `Exec=${quoteExec(executable)}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    ''
  ].join('\n')
}

/** The file name of the autostart entry in ~/.config/autostart. */
export const autostartFileName = 'waiting-room-kiosk.desktop'
