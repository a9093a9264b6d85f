import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  chooseDataFolder,
  describeDataFolder,
  folderProbes,
  machineDataFolder,
  readOnlyFolderProbes,
  type DataFolderInputs
} from '../../../src/main/kiosk/data-folder'

const windowsUser = 'C:\\Users\\kiosk\\AppData\\Roaming\\Waiting Room Kiosk'
const windowsMachine = 'C:\\ProgramData\\Waiting Room Kiosk'
const linuxUser = '/home/kiosk/.config/Waiting Room Kiosk'

/** A PC where the given folders exist, and all of them but `readOnly` can be written by this account. */
function inputs(
  platform: string,
  environment: Record<string, string>,
  folders: string[] = [],
  readOnly: string[] = []
): DataFolderInputs {
  return {
    platform,
    environment,
    perUserFolder: platform === 'win32' ? windowsUser : linuxUser,
    isFolder: (path) => folders.includes(path),
    isWritable: (path) => !readOnly.includes(path)
  }
}

describe('choosing the data folder', () => {
  it("uses this account's own folder when nothing else is set up", () => {
    expect(chooseDataFolder(inputs('win32', { ProgramData: 'C:\\ProgramData' }))).toEqual({
      path: windowsUser,
      source: 'user',
      passedOver: []
    })
    expect(chooseDataFolder(inputs('linux', {}))).toEqual({ path: linuxUser, source: 'user', passedOver: [] })
  })

  it('uses the machine-wide folder when IT has created it, so every account and the command line share it', () => {
    expect(chooseDataFolder(inputs('win32', { ProgramData: 'C:\\ProgramData' }, [windowsMachine]))).toEqual({
      path: windowsMachine,
      source: 'machine',
      passedOver: []
    })
    expect(chooseDataFolder(inputs('linux', {}, ['/var/lib/waiting-room-kiosk']))).toEqual({
      path: '/var/lib/waiting-room-kiosk',
      source: 'machine',
      passedOver: []
    })
  })

  it('puts KIOSK_DATA_DIR before the machine-wide folder', () => {
    const choice = chooseDataFolder(
      inputs('win32', { ProgramData: 'C:\\ProgramData', KIOSK_DATA_DIR: 'D:\\KioskData' }, [windowsMachine])
    )
    expect(choice).toEqual({ path: 'D:\\KioskData', source: 'environment', passedOver: [] })
    expect(chooseDataFolder(inputs('linux', { KIOSK_DATA_DIR: '/srv/kiosk' })).source).toBe('environment')
  })

  it('refuses a relative KIOSK_DATA_DIR, says so, and takes the next choice instead of stopping', () => {
    const choice = chooseDataFolder(
      inputs('win32', { ProgramData: 'C:\\ProgramData', KIOSK_DATA_DIR: 'data' }, [windowsMachine])
    )
    expect(choice).toEqual({
      path: windowsMachine,
      source: 'machine',
      passedOver: [{ path: 'data', reason: 'relative' }]
    })
    expect(describeDataFolder(choice).join('\n')).toContain('KIOSK_DATA_DIR "data" is not a full path')
    // A path without a drive is relative to whatever drive Windows is on: refused too.
    expect(chooseDataFolder(inputs('win32', { KIOSK_DATA_DIR: '\\KioskData' })).source).toBe('user')
    expect(chooseDataFolder(inputs('linux', { KIOSK_DATA_DIR: './data' })).passedOver).toEqual([
      { path: './data', reason: 'relative' }
    ])
  })

  it('passes over a folder this account cannot write to, and says which', () => {
    const choice = chooseDataFolder(
      inputs('win32', { ProgramData: 'C:\\ProgramData' }, [windowsMachine], [windowsMachine])
    )
    expect(choice).toEqual({
      path: windowsUser,
      source: 'user',
      passedOver: [{ path: windowsMachine, reason: 'not-writable' }]
    })
    expect(describeDataFolder(choice).join('\n')).toContain(`${windowsMachine} exists, but this account cannot write`)
  })

  it('ignores an empty KIOSK_DATA_DIR', () => {
    expect(chooseDataFolder(inputs('linux', { KIOSK_DATA_DIR: '  ' }))).toEqual({
      path: linuxUser,
      source: 'user',
      passedOver: []
    })
  })

  it('tells in one line which folder is in use and why', () => {
    expect(describeDataFolder({ path: '/srv/kiosk', source: 'environment', passedOver: [] })).toEqual([
      'Data folder: /srv/kiosk (set by KIOSK_DATA_DIR)'
    ])
    expect(describeDataFolder({ path: windowsMachine, source: 'machine', passedOver: [] })[0]).toContain('machine-wide')
    expect(describeDataFolder({ path: linuxUser, source: 'user', passedOver: [] })[0]).toContain("this account's own")
  })
})

describe('the machine-wide data folder', () => {
  it('is %ProgramData%\\Waiting Room Kiosk on Windows, and /var/lib/waiting-room-kiosk on Linux', () => {
    expect(machineDataFolder('win32', { ProgramData: 'C:\\ProgramData' })).toBe(windowsMachine)
    expect(machineDataFolder('win32', { PROGRAMDATA: 'E:\\ProgramData' })).toBe('E:\\ProgramData\\Waiting Room Kiosk')
    expect(machineDataFolder('win32', {})).toBeNull()
    expect(machineDataFolder('linux', {})).toBe('/var/lib/waiting-room-kiosk')
    expect(machineDataFolder('darwin', {})).toBeNull()
  })
})

describe('the folder probes', () => {
  it('find a real folder that can be written, and nothing where there is no folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-probe-'))
    try {
      expect(folderProbes.isFolder(folder)).toBe(true)
      expect(folderProbes.isWritable(folder)).toBe(true)
      expect(folderProbes.isFolder(join(folder, 'missing'))).toBe(false)
      expect(folderProbes.isWritable(join(folder, 'missing'))).toBe(false)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('the checks --self-test makes of the data folder', () => {
  it('ask for write rights without writing: the folder keeps its files and its mtime', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kiosk-read-only-probe-'))
    try {
      const before = (await stat(folder)).mtimeMs
      expect(readOnlyFolderProbes.isFolder(folder)).toBe(true)
      expect(readOnlyFolderProbes.isWritable(folder)).toBe(true)
      expect(await readdir(folder)).toEqual([])
      expect((await stat(folder)).mtimeMs).toBe(before)
      expect(readOnlyFolderProbes.isWritable(join(folder, 'missing'))).toBe(false)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
