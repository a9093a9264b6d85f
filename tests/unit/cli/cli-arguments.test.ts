import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCliArguments } from '../../../src/main/cli/cli-arguments'
import { nearestOption, passThroughSwitches } from '../../../src/main/cli/known-options'

// IT's scheduled task must fail on a typo: an argument taken for "no command" would start the full-screen kiosk.
describe('unknown command-line options', () => {
  it.each([
    [['--exprot', 'D:\\x'], '--export'],
    [['--Export', 'D:\\x'], '--export'],
    [['--set_pin', '482913'], '--set-pin'],
    [['-export', 'D:\\x'], '--export'],
    [['--chek-content', 'content'], '--check-content'],
    [['--export', 'D:\\x', '--fromat', 'json'], '--format'],
    [['export', 'D:\\x'], '--export']
  ])('refuses %j and suggests %s', (argv, nearest) => {
    const command = parseCliArguments(argv)
    expect(command.kind).toBe('error')
    const message = command.kind === 'error' ? command.message : ''
    expect(message).toContain(`did you mean ${nearest}?`)
    expect(message).toContain('Usage:')
  })

  it('refuses an unknown option with no near kiosk option, naming it', () => {
    const command = parseCliArguments(['--fullscreen-off'])
    expect(command).toMatchObject({ kind: 'error' })
    expect(command.kind === 'error' && command.message).toMatch(/^unknown option "--fullscreen-off"\nUsage:/)
  })

  it('starts the kiosk with what Electron, the installer, the launcher and the test tools pass', () => {
    const launches = [
      [],
      ['--updated'],
      ['--no-sandbox', '.'],
      ['--inspect=5858', '--remote-debugging-port=9222'],
      // Playwright's _electron.launch, as the main process sees it after the development slice.
      ['/tmp/loader.js', '--no-sandbox', '--inspect=0', '--remote-debugging-port=0', '/work/app'],
      ['-r', '/tmp/loader.js', '--no-sandbox', '/work/app'],
      ['--enable-logging=stderr', '--v=1', '--ozone-platform-hint=auto', '--disable-gpu']
    ]
    for (const argv of launches) expect(parseCliArguments(argv), JSON.stringify(argv)).toEqual({ kind: 'none' })
  })

  it('still reads the values after its own options, even ones that look like words', () => {
    expect(parseCliArguments(['--export', 'export', '--format', 'json'])).toMatchObject({
      kind: 'export',
      folder: 'export'
    })
    expect(parseCliArguments(['--set-pin', '4829'])).toEqual({ kind: 'set-pin', pin: '4829' })
  })

  it('lets every pass-through switch through with and without a value', () => {
    for (const name of passThroughSwitches) {
      expect(parseCliArguments([name])).toEqual({ kind: 'none' })
      expect(parseCliArguments([`${name}=1`])).toEqual({ kind: 'none' })
    }
  })

  it('suggests nothing for an option far from all of its own', () => {
    expect(nearestOption('--kiosk-mode-please')).toBeNull()
  })

  it('answers any argument list quickly with a command or an error, never throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 2000 }), fc.constantFrom('--export', '-', '--', '=')), {
          maxLength: 30
        }),
        (argv) => {
          const started = performance.now()
          const command = parseCliArguments(argv)
          expect(['none', 'error', 'export', 'set-pin', 'check-content', 'import-article', 'report']).toContain(
            command.kind
          )
          expect(performance.now() - started).toBeLessThan(250)
        }
      ),
      { numRuns: 500 }
    )
  })
})
