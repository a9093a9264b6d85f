import { z } from 'zod'

// An article may name a page on the clinic's own website (`link:` in its front matter); the kiosk shows it as a QR
// code and as short text, for the patient to open at home. The kiosk itself never opens it.

/** The longest `link` accepted: longer addresses make a QR code too dense to scan from half a metre. */
export const linkMaxLength = 120

/** Printable ASCII without spaces: what a browser shows once an address is copied, and what every scanner reads alike. */
const printableAscii = /^[\x21-\x7E]+$/

/** A site name such as clinic.example.org: letters, digits and hyphens, at least two parts (no bare IP or localhost). */
const siteName = /^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*$/

/**
 * Why a `link` cannot be shown, in words for an author (the front matter check puts "link" and the line before it),
 * or null when it can: https only, no user name or password, a real site name, at most `linkMaxLength` characters.
 */
export function linkProblem(link: string): string | null {
  if (link.length > linkMaxLength)
    return `is ${link.length} characters long; a link may have at most ${linkMaxLength}: use the page's short address`
  if (!printableAscii.test(link))
    return "must be one web address without spaces or accented letters (copy it from the browser's address bar)"
  if (!/^https:\/\//i.test(link)) {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(link)?.[0]
    return scheme
      ? `must start with https:// (a "${scheme.toLowerCase()}" address is not shown to patients)`
      : 'must be a whole web address starting with https://, such as https://clinic.example.org/knee-pain'
  }
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return "is not a web address that can be read; copy it from the browser's address bar"
  }
  if (url.username !== '' || url.password !== '') return 'must not hold a user name or password'
  if (!siteName.test(url.hostname)) return `must name a website such as clinic.example.org (not "${url.hostname}")`
  return null
}

/** The `link` front matter key: a page on the clinic's website, checked by `linkProblem`. */
export const linkSchema = z
  .string({ error: 'must be a web address starting with https://' })
  .superRefine((link, context) => {
    const problem = linkProblem(link)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

/**
 * The dark modules of a QR code as the SVG path the qrcode library draws (one stroked run per "M…h…" or "m…h…"),
 * in a square of `size` modules that includes its quiet zone. The tokens start with distinct letters, so the check
 * is linear.
 */
const qrPath = /^M\d{1,3} \d{1,3}\.5h\d{1,3}(?:[Mm]\d{1,3} \d{1,3}(?:\.5)?h\d{1,3})*$/

/** A take-home QR code as main makes it and the renderer draws it: numbers and a path, never markup. */
export const linkCodeSchema = z.strictObject({
  /** Modules on each side, quiet zone included: QR versions 1 to 40 with 4 modules of white around. */
  size: z.int().min(29).max(185),
  path: z.string().max(40_000).regex(qrPath)
})

/** A take-home QR code: see `linkCodeSchema`. */
export type LinkCode = z.infer<typeof linkCodeSchema>
