import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const read = (name: string) => parse(readFileSync(resolve(root, name), 'utf8')) as Record<string, unknown>

describe('electron-builder config', () => {
  const production = read('electron-builder.yml')
  const test = read('electron-builder.test.yml')

  it('builds the Windows installer and portable app, and the Linux AppImage and deb', () => {
    expect(production['win']).toMatchObject({ target: [{ target: 'nsis' }, { target: 'portable' }] })
    expect(production['linux']).toMatchObject({ target: ['AppImage', 'deb'] })
  })

  it('flips the production fuses: no run-as-node, no NODE_OPTIONS, no inspector, app only from a checked asar', () => {
    expect(production['asar']).toBe(true)
    expect(production['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('keeps only the inspector arguments on in the test build, which Playwright needs to attach', () => {
    expect(test['extends']).toBe('./electron-builder.yml')
    const differences = Object.entries(test['electronFuses'] as Record<string, boolean>).filter(
      ([fuse, value]) => (production['electronFuses'] as Record<string, boolean>)[fuse] !== value
    )
    expect(differences).toEqual([['enableNodeCliInspectArguments', true]])
  })

  it('ships the built app and the bundled content, and its icon exists', () => {
    expect(production['files']).toContain('out/**')
    expect(production['extraResources']).toEqual([{ from: 'content', to: 'content', filter: ['**/*'] }])
    expect(existsSync(resolve(root, 'build/icon.png'))).toBe(true)
    expect(readFileSync(resolve(root, 'build/icon.png')).subarray(1, 4).toString()).toBe('PNG')
  })

  it('is what npm run dist uses', () => {
    const scripts = (
      JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts
    expect(scripts['dist']).toContain('electron-builder --config electron-builder.yml')
    expect(scripts['dist:test']).toContain('electron-builder --config electron-builder.test.yml')
  })
})
