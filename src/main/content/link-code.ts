import QRCode from 'qrcode'
import { type LinkCode, linkCodeSchema } from '../../shared/take-home'

// The QR code is made here, in main, with the qrcode library's SVG output, so the patients' renderer bundle does not
// carry a QR encoder; the renderer gets only a size and a path, checked by a strict schema, and draws them itself.

/** Modules of white around the code: the QR standard's quiet zone, without which phones fail to find it. */
const quietZone = 4

/** The QR code of an article's `link`, or why it could not be made. */
export async function linkCodeOf(link: string): Promise<LinkCode | { problem: string }> {
  try {
    const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: quietZone })
    const size = /viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]
    const path = /<path stroke="#000000" d="([^"]*)"/.exec(svg)?.[1]
    const checked = linkCodeSchema.safeParse({ size: Number(size), path })
    if (checked.success) return checked.data
    return { problem: `"link" could not be drawn as a QR code (the qrcode library's output was not as expected)` }
  } catch (error) {
    return { problem: `"link" could not be drawn as a QR code: ${error instanceof Error ? error.message : String(error)}` }
  }
}
