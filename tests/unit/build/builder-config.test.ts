import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const read = (name: string) => parse(readFileSync(resolve(root, name), 'utf8')) as Record<string, unknown>
const packageJson = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Record<string, unknown>

/** electron-builder's own list of what an Electron app needs from Debian, used when a project sets none. */
function electronBuilderDefaultDebDepends(): string[] {
  const fpm = createRequire(import.meta.url)('app-builder-lib/out/targets/FpmTarget.js') as {
    default: { prototype: { getDefaultDepends: (target: string) => string[] } }
  }
  return fpm.default.prototype.getDefaultDepends('deb')
}

describe('electron-builder config', () => {
  const production = read('electron-builder.yml')
  const test = read('electron-builder.test.yml')

  it('builds the Windows installer and portable app, and the Linux deb but no AppImage', () => {
    expect(production['win']).toMatchObject({ target: [{ target: 'nsis' }, { target: 'portable' }] })
    // An AppImage aborts at start on Ubuntu 23.10 and later (AppArmor, no SUID sandbox helper in the image); the deb
    // installs electron-builder's AppArmor profile and the sandbox helper, so it is the supported Linux path.
    expect(production['linux']).toMatchObject({ target: ['deb'] })
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

  it("is valid against electron-builder's own schema, both builds", () => {
    const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as object
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    for (const config of [production, test]) {
      validate(config)
      expect(validate.errors ?? []).toEqual([])
    }
  })

  it('gives the .deb what electron-builder requires of it: a homepage, and a maintainer with an e-mail address', () => {
    // electron-builder refuses to build a deb without a project homepage (or repository URL), and takes the
    // Maintainer field from the author's name and e-mail unless linux.maintainer is set.
    expect(String(packageJson['homepage'])).toMatch(/^https:\/\/\S+$/)
    const author = packageJson['author'] as { name?: string; email?: string }
    expect(author.name).toBeTruthy()
    expect(author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/)
    expect((production['linux'] as Record<string, unknown>)['maintainer']).toBeUndefined()
    expect(packageJson['description']).toBeTruthy()
  })

  it('makes the .deb depend on everything Electron needs on a minimal Debian or Ubuntu', () => {
    const depends = (production['deb'] as { depends?: string[] }).depends ?? []
    // electron-builder's default list (GTK, NSS, ...), and what Chromium links that GTK does not pull in.
    expect(depends).toEqual(expect.arrayContaining([...electronBuilderDefaultDebDepends(), 'libasound2', 'libgbm1']))
  })

  it('recommends the speech packages that make read aloud work on Linux', () => {
    expect((production['deb'] as { recommends?: string[] }).recommends).toEqual(
      expect.arrayContaining(['speech-dispatcher', 'speech-dispatcher-espeak-ng'])
    )
  })
})
