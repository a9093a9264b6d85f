import { posix } from 'node:path'

/** A drive a USB stick or card shows up as, by the name people see on it. */
export interface RemovableDrive {
  label: string
  path: string
}

/** Reads `Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2' | ConvertTo-Json` (one object, or a list). */
export function parseWindowsDrives(json: string): RemovableDrive[] {
  if (json.trim() === '') return []
  const parsed = JSON.parse(json) as unknown
  const disks = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{ DeviceID?: unknown; VolumeName?: unknown }>
  return disks
    .filter(
      (disk): disk is { DeviceID: string; VolumeName?: unknown } =>
        typeof disk.DeviceID === 'string' && /^[A-Z]:$/.test(disk.DeviceID)
    )
    .map((disk) => ({
      label:
        typeof disk.VolumeName === 'string' && disk.VolumeName.trim()
          ? `${disk.VolumeName.trim()} (${disk.DeviceID})`
          : `USB drive (${disk.DeviceID})`,
      path: `${disk.DeviceID}\\`
    }))
}

function unescapeMount(field: string): string {
  return field.replace(/\\(\d{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)))
}

/** Reads /proc/mounts for drives mounted where desktops put removable media (/media, /run/media). */
export function parseLinuxMounts(mounts: string): RemovableDrive[] {
  return mounts
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length >= 3 && /^\/dev\//.test(fields[0] ?? ''))
    .map((fields) => unescapeMount(fields[1] ?? ''))
    .filter((mount) => /^\/(run\/)?media\/.+/.test(mount))
    .map((mount) => ({ label: posix.basename(mount), path: mount }))
}

/** Lists /Volumes entries other than the start-up disk (which is a link to /). */
export function parseMacVolumes(entries: Array<{ name: string; isSymbolicLink: boolean }>): RemovableDrive[] {
  return entries
    .filter((entry) => !entry.isSymbolicLink && !entry.name.startsWith('.'))
    .map((entry) => ({ label: entry.name, path: posix.join('/Volumes', entry.name) }))
}

/** Lists the removable drives plugged in now, the way this system reports them; none where it cannot tell. */
export async function listRemovableDrives(platform: NodeJS.Platform = process.platform): Promise<RemovableDrive[]> {
  if (platform === 'win32') {
    const { execFile } = await import('node:child_process')
    const script =
      "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2' | Select-Object DeviceID,VolumeName | ConvertTo-Json"
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-Command', script],
        { timeout: 10_000, windowsHide: true },
        (error, stdout) => (error ? reject(error) : resolve(stdout))
      )
    )
    return parseWindowsDrives(output)
  }
  const { readFile, readdir } = await import('node:fs/promises')
  if (platform === 'linux') return parseLinuxMounts(await readFile('/proc/mounts', 'utf8'))
  if (platform === 'darwin') {
    const entries = await readdir('/Volumes', { withFileTypes: true })
    return parseMacVolumes(entries.map((entry) => ({ name: entry.name, isSymbolicLink: entry.isSymbolicLink() })))
  }
  return []
}
