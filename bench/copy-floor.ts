import { open } from 'node:fs/promises'

/** Pieces of a copy: 1 MB, as the exporter writes and verifies in. */
const pieceBytes = 1024 * 1024

/**
 * Copies a file the plainest way that still keeps its promise: read it in 1 MB pieces, write each to the destination,
 * one fsync at the end. No parsing, no hashing, no temporary name: the floor of benchmark 6, what the machine cannot
 * beat to put that many bytes safely on the destination. Not `copyFile`, which may share the blocks instead of
 * copying them (reflink) and then measures nothing. Returns the bytes copied.
 */
export async function copyWithOneFsync(source: string, destination: string): Promise<number> {
  const reading = await open(source, 'r')
  const writing = await open(destination, 'wx')
  try {
    const buffer = Buffer.allocUnsafe(pieceBytes)
    let copied = 0
    for (;;) {
      const { bytesRead } = await reading.read(buffer, 0, pieceBytes, null)
      if (bytesRead === 0) break
      let written = 0
      while (written < bytesRead) written += (await writing.write(buffer, written, bytesRead - written)).bytesWritten
      copied += bytesRead
    }
    await writing.sync()
    return copied
  } finally {
    await reading.close()
    await writing.close()
  }
}
