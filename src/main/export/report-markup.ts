// The building blocks of the HTML reports: escaping, the page shell with its CSS, and inline SVG charts. No script,
// nothing fetched: a report opens from a USB stick on any PC and prints on A4.

/** Text that is already markup: the only kind `html` puts in unescaped. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe to put in an HTML element or a quoted attribute: the five characters that mean markup escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] as string)
}

function piece(value: unknown): string {
  if (value instanceof Markup) return value.text
  if (Array.isArray(value)) return value.map(piece).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}

/**
 * Markup from a template: every value put in is escaped (a comment, a title, a station label), unless it is Markup
 * made by this function; lists are joined; null, undefined and false put in nothing.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let text = strings[0] ?? ''
  values.forEach((value, index) => (text += piece(value) + (strings[index + 1] ?? '')))
  return new Markup(text)
}

/** A number with thousands grouped, as staff read it. */
export const grouped = (value: number): string => value.toLocaleString('en-GB')

/** A share as a whole percentage. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`

// AAA contrast: the ink is 16:1 on white and the soft ink 10:1; the bars carry their numbers in text beside them.
const style = `
:root { --ink: #1b1b1b; --soft: #3b3b3b; --accent: #0b5563; --accent-soft: #dcebee; --warm: #7a3b00;
  --grey: #4a4a4a; --line: #6b6b6b; --paper: #ffffff; --page: #f7f4ee; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 16px/1.5 'Atkinson Hyperlegible', 'Segoe UI', Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
header.report { border-bottom: 4px solid var(--accent); margin-bottom: 16px; }
h1 { font-size: 30px; margin: 0 0 4px; }
h2 { font-size: 22px; margin: 0 0 8px; color: var(--accent); }
h3 { font-size: 18px; margin: 16px 0 4px; }
h4 { font-size: 16px; margin: 10px 0 2px; }
p { margin: 4px 0; }
.meta { color: var(--soft); margin: 0 0 12px; }
section.card { background: var(--paper); border: 2px solid var(--accent-soft); border-radius: 12px;
  padding: 16px 20px; margin: 0 0 16px; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; padding: 0; list-style: none; }
.totals li { flex: 1 1 160px; border-left: 6px solid var(--accent); padding: 4px 12px; background: var(--page); }
.totals strong { display: block; font-size: 26px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 8px 24px; }
.topic { border-top: 2px solid var(--accent-soft); padding-top: 8px; margin-top: 8px; break-inside: avoid; }
.small { color: var(--soft); font-style: italic; }
.problem { border-left: 6px solid var(--warm); padding-left: 10px; }
.flag { font-weight: 700; color: var(--warm); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--accent-soft); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
ul.comments { padding-left: 20px; margin: 4px 0; }
ul.comments li { white-space: pre-wrap; overflow-wrap: anywhere; }
.when { color: var(--soft); }
dl.status { display: grid; grid-template-columns: minmax(12em, auto) 1fr; gap: 2px 16px; margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; overflow-wrap: anywhere; }
svg { display: block; width: 100%; height: auto; max-width: 720px; }
svg text { fill: var(--ink); font-family: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 4px 0; padding: 0; list-style: none; }
.legend span { display: inline-block; width: 14px; height: 14px; margin-right: 4px; vertical-align: middle;
  border: 1px solid var(--ink); }
footer { color: var(--soft); font-size: 14px; margin-top: 24px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section.card { border: 1px solid var(--line); border-radius: 0; padding: 8px 10px; break-inside: auto; }
  .topic, tr, svg, .totals li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  svg { max-width: 16cm; }
}
`

/**
 * A whole report page: its title, what it covers and its sections, with the CSS inline and a policy that lets the
 * page run no script and fetch nothing, whatever ends up in it.
 */
export function reportPage(title: string, lines: string[], sections: Markup[], footer: string): string {
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta
        http-equiv="Content-Security-Policy"
        content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
      />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      <style>
        ${new Markup(style)}
      </style>
    </head>
    <body>
      <main>
        <header class="report">
          <h1>${title}</h1>
          ${lines.map((line) => html`<p class="meta">${line}</p>`)}
        </header>
        ${sections}
        <footer>${footer}</footer>
      </main>
    </body>
  </html> `}`
}

/** A titled card of the report. */
export const card = (title: string, body: Markup | Markup[]): Markup =>
  html`<section class="card">
    <h2>${title}</h2>
    ${body}
  </section>`

/** Columns of answers per day, oldest first, with the first and last day and the highest count written out. */
export function trendSvg(days: ReadonlyArray<{ day: string; count: number }>, label: string): Markup {
  const width = 700
  const height = 150
  const most = Math.max(1, ...days.map((day) => day.count))
  const column = width / Math.max(1, days.length)
  const total = days.reduce((sum, day) => sum + day.count, 0)
  const columns = days.map((day, index) => {
    const tall = (day.count / most) * (height - 24)
    return html`<rect
      x="${(index * column + 2).toFixed(1)}"
      y="${(height - tall).toFixed(1)}"
      width="${(column - 4).toFixed(1)}"
      height="${tall.toFixed(1)}"
      fill="#0b5563"
      ><title>${day.day}: ${day.count}</title></rect
    >`
  })
  return html`<svg
    viewBox="0 0 ${width} ${height + 30}"
    role="img"
    aria-label="${label}: ${total} in ${days.length} days"
  >
    <line x1="0" y1="${height}" x2="${width}" y2="${height}" stroke="#6b6b6b" stroke-width="2" />
    ${columns}
    <text x="0" y="${height + 24}" font-size="16">${days[0]?.day ?? ''}</text>
    <text x="${width}" y="${height + 24}" font-size="16" text-anchor="end">${days.at(-1)?.day ?? ''}</text>
    <text x="4" y="16" font-size="16">${most} a day at most</text>
  </svg>`
}

/** Horizontal bars, each with its label before it and its value written after it, so colour is never needed. */
export function barsSvg(rows: ReadonlyArray<{ label: string; value: number; text: string }>, label: string): Markup {
  const rowHeight = 30
  const labelWidth = 300
  const barWidth = 300
  const most = Math.max(1, ...rows.map((row) => row.value))
  const bars = rows.map((row, index) => {
    const y = index * rowHeight
    const name = row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label
    return html`<text x="0" y="${y + 20}" font-size="16">${name}</text>
      <rect x="${labelWidth}" y="${y + 5}" width="${barWidth}" height="20" fill="#dcebee" />
      <rect
        x="${labelWidth}"
        y="${y + 5}"
        width="${((row.value / most) * barWidth).toFixed(1)}"
        height="20"
        fill="#0b5563"
      />
      <text x="${labelWidth + barWidth + 8}" y="${y + 20}" font-size="16" font-weight="700">${row.text}</text>`
  })
  return html`<svg
    viewBox="0 0 720 ${rows.length * rowHeight + 4}"
    role="img"
    aria-label="${label}: ${rows.map((row) => `${row.label} ${row.text}`).join(', ')}"
  >
    ${bars}
  </svg>`
}

/** The four time buckets' names and fills (dark to light, and told apart by their order and numbers too). */
export const timeBuckets = [
  { name: 'under 10 s', fill: '#c9dde1' },
  { name: '10–30 s', fill: '#7fa9b2' },
  { name: '30–90 s', fill: '#2f7482' },
  { name: 'over 90 s', fill: '#0b3f49' }
] as const

/** One stacked bar per section: its views by time bucket, as shares, with the count of views written after it. */
export function attentionSvg(
  rows: ReadonlyArray<{ label: string; time: readonly number[] | null }>,
  label: string
): Markup {
  const rowHeight = 30
  const labelWidth = 300
  const barWidth = 300
  const bars = rows.map((row, index) => {
    const y = index * rowHeight
    const name = row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label
    if (row.time === null)
      return html`<text x="0" y="${y + 20}" font-size="16">${name}</text
        ><text x="${labelWidth}" y="${y + 20}" font-size="15" font-style="italic">too few views to show</text>`
    const views = Math.max(
      1,
      row.time.reduce((sum, count) => sum + count, 0)
    )
    let x = labelWidth
    const parts = row.time.map((count, bucket) => {
      const width = (count / views) * barWidth
      const part = html`<rect
        x="${x.toFixed(1)}"
        y="${y + 5}"
        width="${width.toFixed(1)}"
        height="20"
        fill="${timeBuckets[bucket]?.fill ?? '#000'}"
        ><title>${timeBuckets[bucket]?.name}: ${count}</title></rect
      >`
      x += width
      return part
    })
    return html`<text x="0" y="${y + 20}" font-size="16">${name}</text>${parts}
      <text x="${labelWidth + barWidth + 8}" y="${y + 20}" font-size="15">${row.time.join(' / ')}</text>`
  })
  return html`<svg viewBox="0 0 720 ${rows.length * rowHeight + 4}" role="img" aria-label="${label}">${bars}</svg>`
}

/** The legend of the time buckets, in words as well as colours. */
export const attentionLegend = (): Markup =>
  html`<ul class="legend">
    ${timeBuckets.map((bucket) => html`<li><span style="background:${bucket.fill}"></span>${bucket.name}</li>`)}
  </ul>`
