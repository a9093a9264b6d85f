import { resolve } from 'node:path'
import { render } from 'svelte/server'
import { describe, expect, it } from 'vitest'
import { defaultConfig, readerSettings } from '../../../src/shared/config'
import type { Article, Playlist } from '../../../src/shared/domain'
import { loadContent } from '../../../src/main/content/content-service'
import { renderFirstScreen } from '../../../src/renderer/src/first-screen'
import SectionBody from '../../../src/renderer/src/lib/ui/SectionBody.svelte'

const contentOf = (folder: string) =>
  loadContent({
    bundledFolder: resolve(import.meta.dirname, '../../fixtures/content', folder),
    externalFolder: null,
    language: 'en',
    playlist: []
  })

describe('the first screen, rendered for the server', async () => {
  const { playlist } = await contentOf('translated')
  const english = readerSettings(defaultConfig())
  const first = playlist.articles[0] as Article

  it("shows the first article's title card, its title marked for Element Timing, and no section yet", () => {
    const html = renderFirstScreen(playlist, english)
    expect(html).toMatch(new RegExp(`<h1[^>]*elementtiming="title-card"[^>]*>\\s*${first.title}\\s*</h1>`))
    expect(html).toContain(`>${first.summary}</p>`)
    expect(html).toContain('Touch the screen to start reading')
    // The sections are the app's to show, after the card.
    expect(html).not.toContain(`data-section-id=`)
  })

  it("shows the front desk's notice above the card, in a polite live region, when there is one", () => {
    expect(renderFirstScreen(playlist, english)).not.toContain('data-testid="notice"')
    const html = renderFirstScreen(playlist, english, { text: 'Running <late>', endsAt: '2026-11-24T18:00:00Z' })
    expect(html).toMatch(/aria-live="polite"[^>]*>.*From the front desk:.*Running &lt;late>/s)
    expect(html.indexOf('data-testid="notice"')).toBeLessThan(html.indexOf('data-testid="title-card"'))
  })

  it('cannot be pressed and says it is the first screen, so the page script can replace it', () => {
    expect(renderFirstScreen(playlist, english)).toMatch(
      /^<!--\[--><div class="screen frame" data-first-screen="" inert="">/
    )
  })

  it('has no style attribute and no script, which the CSP would refuse', () => {
    const html = renderFirstScreen(playlist, english)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).not.toMatch(/<script/i)
  })

  it('opens in the kiosk language, with the translated article and the interface in it', () => {
    const spanish = playlist.translations.find((article) => article.language === 'es') as Article
    const original = playlist.articles.find((article) => article.id === spanish.id) as Article
    const translatedFirst: Playlist = {
      ...playlist,
      articles: [original, ...playlist.articles.filter((article) => article !== original)]
    }
    const html = renderFirstScreen(translatedFirst, { ...english, language: 'es' })
    expect(html).toContain(spanish.title)
    expect(html).toMatch(/<h1 id="title-card-title" lang="es"/)
    expect(html).not.toContain(original.title)
    // The interface speaks Spanish too, and offers English in its own words.
    expect(html).toContain('Toque la pantalla para empezar a leer')
    expect(html).toContain('Read in English')
  })

  it('escapes what articles say, so a stray tag in a title or summary stays text', () => {
    const hostile: Playlist = {
      ...playlist,
      articles: [{ ...first, title: 'Fever <script>alert(1)</script>', summary: '"quoted" & <b>bold</b>' }],
      translations: []
    }
    const html = renderFirstScreen(hostile, english)
    expect(html).toContain('Fever &lt;script>alert(1)&lt;/script>')
    expect(html).toContain('"quoted" &amp; &lt;b>bold&lt;/b>')
    expect(html).not.toMatch(/<script|<img|<b>/)
  })
})

// The first screen is a title card now; a section's body is rendered by the same component on the page, and Svelte's
// server renderer escapes exactly as its client does, so the section's escaping is checked here.
describe("a section's body, rendered for the server", async () => {
  const { playlist } = await contentOf('translated')
  const section = (playlist.articles[0] as Article).sections[0] as Article['sections'][number]

  it('escapes what articles say, tables included, so a stray tag in content stays text', () => {
    const hostile = {
      ...section,
      title: '<img src=x onerror=alert(1)>',
      blocks: [
        { type: 'paragraph' as const, inlines: [{ text: '"quoted" & <b>bold</b>' }] },
        {
          type: 'table' as const,
          header: [[{ text: 'When" onclick="alert(1)' }]],
          rows: [[[{ text: '<script>cell</script>' }]]]
        }
      ]
    }
    const html = render(SectionBody, { props: { section: hostile } }).body
    expect(html).toContain('&lt;img src=x onerror=alert(1)>')
    expect(html).toContain('"quoted" &amp; &lt;b>bold&lt;/b>')
    expect(html).toContain('<td data-heading="When&quot; onclick=&quot;alert(1)"')
    expect(html).toContain('&lt;script>cell&lt;/script>')
    expect(html).not.toMatch(/<script|<img|<b>/)
  })
})
