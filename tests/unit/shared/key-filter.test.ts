import { describe, expect, it } from 'vitest'
import { isBlockedKey, isClosingKey, isDeveloperQuitKey, type KeyInput } from '../../../src/shared/key-filter'

const key = (keyName: string, modifiers: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: keyName,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...modifiers
})

describe('kiosk key filter', () => {
  it.each([
    ['F5 reload', key('F5')],
    ['Ctrl+R reload', key('r', { control: true })],
    ['Ctrl+Shift+R hard reload', key('R', { control: true, shift: true })],
    ['Cmd+R reload', key('r', { meta: true })],
    ['F12 devtools', key('F12')],
    ['Ctrl+Shift+I devtools', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I devtools', key('i', { meta: true, alt: true })],
    ['Ctrl+Shift+J console', key('J', { control: true, shift: true })],
    ['Ctrl+P print', key('p', { control: true })],
    ['Ctrl+F find', key('f', { control: true })],
    ['Ctrl+N new window', key('n', { control: true })],
    ['Ctrl+T new tab', key('t', { control: true })],
    ['Ctrl+W close', key('w', { control: true })],
    ['Cmd+Q quit', key('q', { meta: true })],
    ['Alt+F4 close', key('F4', { alt: true })],
    ['Ctrl+F4 close', key('F4', { control: true })],
    ['Ctrl+plus zoom', key('+', { control: true })],
    ['Ctrl+minus zoom', key('-', { control: true })],
    ['Ctrl+0 zoom reset', key('0', { control: true })],
    ['F11 full screen', key('F11')],
    ['Alt+Left back', key('ArrowLeft', { alt: true })],
    ['browser back key', key('BrowserBack')]
  ])('blocks %s', (_name, input) => {
    expect(isBlockedKey(input)).toBe(true)
  })

  it.each([
    ['a letter', key('a')],
    ['a capital', key('A', { shift: true })],
    ['a digit', key('5')],
    ['space', key(' ')],
    ['backspace', key('Backspace')],
    ['Enter', key('Enter')],
    ['Tab for focus', key('Tab')],
    ['arrows', key('ArrowRight')],
    ['Ctrl+A', key('a', { control: true })],
    ['a key release of a blocked key', { ...key('F5'), type: 'keyUp' }]
  ])('lets %s through', (_name, input) => {
    expect(isBlockedKey(input)).toBe(false)
  })
})

describe('the keys that close a window on a PC not set up as a kiosk', () => {
  it('are Alt+F4, Ctrl+W and Ctrl+Q (Cmd on a Mac), pressed', () => {
    for (const input of [
      key('F4', { alt: true }),
      key('w', { control: true }),
      key('Q', { control: true }),
      key('w', { meta: true })
    ])
      expect(isClosingKey(input), input.key).toBe(true)
  })

  it('are not reload, zoom or developer keys, nor a key release', () => {
    for (const input of [
      key('F5'),
      key('r', { control: true }),
      key('q', { control: true, shift: true }),
      key('+', { control: true }),
      { ...key('F4', { alt: true }), type: 'keyUp' }
    ])
      expect(isClosingKey(input), input.key).toBe(false)
  })
})

describe("the developers' way out", () => {
  it('is Ctrl+Shift+Q, or Cmd+Shift+Q on a Mac, pressed', () => {
    expect(isDeveloperQuitKey(key('Q', { control: true, shift: true }))).toBe(true)
    expect(isDeveloperQuitKey(key('q', { meta: true, shift: true }))).toBe(true)
  })

  it('is nothing else: not Ctrl+Q, Alt+F4 or a released key', () => {
    expect(isDeveloperQuitKey(key('q', { control: true }))).toBe(false)
    expect(isDeveloperQuitKey(key('F4', { alt: true }))).toBe(false)
    expect(isDeveloperQuitKey(key('Q', { shift: true }))).toBe(false)
    expect(isDeveloperQuitKey({ ...key('Q', { control: true, shift: true }), type: 'keyUp' })).toBe(false)
  })
})
