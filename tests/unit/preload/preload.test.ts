import { beforeEach, describe, expect, it, vi } from 'vitest'
import { kioskMethods } from '../../../src/shared/contract'

const exposed = vi.hoisted(() => new Map<string, unknown>())
const invoke = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: 'answer' })))

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: { invoke }
  }
  return { ...electron, default: electron }
})

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear()
    vi.resetModules()
    await import('../../../src/preload/index')
  })

  it('exposes only window.kiosk, with exactly one method per contract operation', () => {
    expect([...exposed.keys()]).toEqual(['kiosk'])
    const kiosk = exposed.get('kiosk') as Record<string, unknown>
    expect(Object.keys(kiosk).sort()).toEqual(Object.keys(kioskMethods).sort())
    expect(Object.isFrozen(kiosk)).toBe(true)
  })

  it('invokes each method on its own channel and returns the answer', async () => {
    const kiosk = exposed.get('kiosk') as Record<string, (input?: unknown) => Promise<unknown>>
    for (const [method, channel] of Object.entries(kioskMethods)) {
      invoke.mockClear()
      await expect(kiosk[method]?.()).resolves.toEqual({ ok: true, value: 'answer' })
      expect(invoke).toHaveBeenCalledWith(channel, undefined)
    }
  })
})
