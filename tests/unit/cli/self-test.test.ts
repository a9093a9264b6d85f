import { describe, expect, it, vi } from 'vitest'
import { parseCliArguments } from '../../../src/main/cli/cli-arguments'
import {
  checkFolder,
  checkVoices,
  formatCheck,
  runSelfTest,
  type FolderStat,
  type SelfTestCheck
} from '../../../src/main/cli/self-test'

const passing = (name: string, detail?: string): SelfTestCheck => ({
  name,
  run: async () => ({ ok: true, ...(detail ? { detail } : {}) })
})

async function run(checks: SelfTestCheck[], seconds?: number) {
  const lines: string[] = []
  const code = await runSelfTest(checks, (line) => lines.push(line), seconds)
  return { code, lines }
}

describe('the self-test checklist', () => {
  it('prints a tick for each check passed and exits 0 only when all passed', async () => {
    const result = await run([passing('The window opens', 'app://kiosk/index.html'), passing('The clock')])
    expect(result.lines).toEqual([
      '✓ The window opens (app://kiosk/index.html)',
      '✓ The clock',
      'Self-test passed: all 2 checks.'
    ])
    expect(result.code).toBe(0)
  })

  it('prints a cross with what is wrong and what to do, runs the rest, and exits 1', async () => {
    const result = await run([
      { name: 'The export folder', run: async () => ({ ok: false, problem: 'X: is away', advice: 'mount X:' }) },
      passing('The clock')
    ])
    expect(result.lines).toEqual([
      '✗ The export folder: X: is away — mount X:',
      '✓ The clock',
      'Self-test failed: 1 of 2 checks (marked ✗).'
    ])
    expect(result.code).toBe(1)
  })

  it('counts a probe that throws as failed, naming the error, and goes on', async () => {
    const result = await run([{ name: 'IPC', run: () => Promise.reject(new Error('no handler')) }, passing('Clock')])
    expect(result.lines[0]).toMatch(/^✗ IPC: no handler — /)
    expect(result.lines[1]).toBe('✓ Clock')
    expect(result.code).toBe(1)
  })

  it('fails a probe that hangs once its time is up, and goes on to the next', async () => {
    vi.useFakeTimers()
    try {
      const running = run([{ name: 'Voices', run: () => new Promise(() => {}) }, passing('Clock')], 5)
      await vi.advanceTimersByTimeAsync(5000)
      const result = await running
      expect(result.lines[0]).toMatch(/^✗ Voices: no answer within 5 s — /)
      expect(result.lines[1]).toBe('✓ Clock')
      expect(result.code).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('formats a pass without detail as the name alone', () => {
    expect(formatCheck('The clock', { ok: true })).toBe('✓ The clock')
  })
})

describe('a configured folder checked by the self-test', () => {
  const folder: FolderStat = async () => ({ isDirectory: () => true })
  const file: FolderStat = async () => ({ isDirectory: () => false })
  const away: FolderStat = async () => {
    throw Object.assign(new Error('gone'), { code: 'ENOENT' })
  }

  it('passes for a folder, and for no folder configured, saying so', async () => {
    expect(await checkFolder('exportFolder', '\\\\srv\\exports', folder)).toEqual({
      ok: true,
      detail: '\\\\srv\\exports'
    })
    expect(await checkFolder('statusFolder', null, away)).toMatchObject({
      ok: true,
      detail: expect.stringContaining('not configured')
    })
  })

  it('fails for a share that is away or a file, naming the path and the config key', async () => {
    expect(await checkFolder('exportFolder', 'X:\\exports', away)).toEqual({
      ok: false,
      problem: 'X:\\exports cannot be reached (ENOENT)',
      advice: 'check that the share is online and this account may use it, or correct "exportFolder" in config.json'
    })
    expect(await checkFolder('contentFolder', 'C:\\a.txt', file)).toMatchObject({
      ok: false,
      advice: 'correct "contentFolder" in config.json'
    })
  })
})

describe('read-aloud voices checked by the self-test', () => {
  it('passes when a voice reads each language, a regional voice counting for its language', () => {
    expect(checkVoices(['en-GB', 'es-ES', 'es-MX'], ['en', 'es'])).toEqual({ ok: true, detail: '3 voices for en, es' })
  })

  it('fails naming each language without a voice, with what to install on the platform', () => {
    const windows = checkVoices(['en-US'], ['en', 'es', 'vi'], 'win32')
    expect(windows).toMatchObject({ ok: false, problem: expect.stringContaining('no voice for es, vi') })
    expect(windows.ok ? '' : windows.advice).toContain('Speech')
    const linux = checkVoices([], ['en'], 'linux')
    expect(linux.ok ? '' : linux.advice).toContain('speech-dispatcher')
  })
})

describe('--self-test on the command line', () => {
  it('is a command of its own, with no value, that goes with no other command', () => {
    expect(parseCliArguments(['--self-test'])).toEqual({ kind: 'self-test' })
    expect(parseCliArguments(['--self-test', '--export', 'D:\\x'])).toMatchObject({ kind: 'error' })
    expect(parseCliArguments(['--self-test', '--out', 'x.html'])).toMatchObject({ kind: 'error' })
    expect(parseCliArguments(['--self_test'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('did you mean --self-test?')
    })
  })
})
