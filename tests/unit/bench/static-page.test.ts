import { describe, expect, it } from 'vitest'
import { staticSnapshot, withoutScripts } from '../../../bench/static-page'

const served = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Waiting Room Kiosk</title>
    <link rel="modulepreload" crossorigin href="./assets/index-C2FcRyZU.js">
    <script type="module" crossorigin src="./assets/start-after-first-frame.js" data-app="./assets/index-C2FcRyZU.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-CfgiQOiD.css">
    <link rel="preload" href="./assets/latin-400.woff2" as="font" type="font/woff2" crossorigin="">
  </head>
  <body>
    <div id="app"><div class="screen" data-first-screen inert><h1 elementtiming="title-card">Knee pain</h1></div></div>
    <SCRIPT>console.log("</div>")</SCRIPT>
  </body>
</html>
`

describe('the static copy of a page, the floor of benchmarks 2 and 3', () => {
  const copy = withoutScripts(served)

  it('takes out every script and module preload, however it is written', () => {
    expect(copy).not.toMatch(/script|modulepreload|console\.log/i)
  })

  it('leaves every other byte as the harness served it: the first screen, style sheet and font preloads', () => {
    const expected = served
      .replace('<link rel="modulepreload" crossorigin href="./assets/index-C2FcRyZU.js">', '')
      .replace(/<script type="module"[^\n]*<\/script>/, '')
      .replace('<SCRIPT>console.log("</div>")</SCRIPT>', '')
    expect(copy).toBe(expected)
  })

  it('gives a page saved from a live document its doctype back, so it is laid out in standards mode', () => {
    const snapshot = staticSnapshot('<html><head><script src="a.js"></script></head><body><p>Hi</p></body></html>')
    expect(snapshot).toBe('<!doctype html>\n<html><head></head><body><p>Hi</p></body></html>')
  })
})
