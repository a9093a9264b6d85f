import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../src/shared/csp'

describe('content security policy', () => {
  it.each(['index.html', 'front-desk.html'])('is the same in %s as the one the app and harness send', (page) => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../src/renderer', page), 'utf8')
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1]
    expect(meta).toBe(contentSecurityPolicy)
  })

  it('allows nothing from outside the app and no inline or evaluated script', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })
})
