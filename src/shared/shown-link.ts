/** A take-home link as patients read it under its QR code: without "https://", "www." or a trailing slash. */
export function shownLink(link: string): string {
  return link
    .replace(/^https:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '')
}
