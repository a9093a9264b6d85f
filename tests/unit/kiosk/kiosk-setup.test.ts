import { describe, expect, it } from 'vitest'
import { isSetUpAsKiosk, kioskMode, setUpFromStaffFile } from '../../../src/main/kiosk/kiosk-setup'

describe('whether a PC is set up as a kiosk', () => {
  it('is not set up while there is no PIN and no reset demanded: an author or IT can leave', () => {
    expect(isSetUpAsKiosk({ hasPin: false, resetRequired: false })).toBe(false)
    expect(kioskMode({ hasPin: false, resetRequired: false }, true, true)).toEqual({
      locked: false,
      registerAutostart: false
    })
  })

  it('is set up once a PIN exists: locked, and auto-start registered when configured and packaged', () => {
    expect(kioskMode({ hasPin: true, resetRequired: false }, true, true)).toEqual({
      locked: true,
      registerAutostart: true
    })
  })

  it('stays locked when the damaged staff file demands a reset, so a patient never gets out', () => {
    expect(kioskMode({ hasPin: false, resetRequired: true }, true, true)).toEqual({
      locked: true,
      registerAutostart: true
    })
  })

  it('registers auto-start only with autoStart on and in the packaged app, but locks either way', () => {
    expect(kioskMode({ hasPin: true, resetRequired: false }, false, true)).toEqual({
      locked: true,
      registerAutostart: false
    })
    expect(kioskMode({ hasPin: true, resetRequired: false }, true, false)).toEqual({
      locked: true,
      registerAutostart: false
    })
  })
})

describe('whether a PC is set up, read from its staff.json by the self-test', () => {
  it('is not set up with no staff file, or one without a PIN', () => {
    expect(setUpFromStaffFile(null)).toBe(false)
    expect(setUpFromStaffFile('{"pinHash":null,"resetRequired":false,"setupCodeHash":"scrypt$1$1$1$a$b"}')).toBe(false)
  })

  it('is set up with a PIN, a demanded reset, or a damaged file (which demands a reset at the next start)', () => {
    expect(setUpFromStaffFile('{"pinHash":"scrypt$32768$8$1$a$b","resetRequired":false}')).toBe(true)
    expect(setUpFromStaffFile('{"pinHash":null,"resetRequired":true}')).toBe(true)
    expect(setUpFromStaffFile('{"pinHash": ')).toBe(true)
    expect(setUpFromStaffFile('[]')).toBe(true)
    expect(setUpFromStaffFile('null')).toBe(true)
  })
})
