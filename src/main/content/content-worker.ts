// The reading worker: reads and parses one article file per message, off the main process's thread, so a file that
// parses slowly costs only this thread, which the main process ends when the file's time is up.
import { parentPort } from 'node:worker_threads'
import { readArticle } from './article-reading'
import type { ReadRequest, ReadReply } from './content-reader'

const port = parentPort
if (port) {
  port.on('message', (request: ReadRequest) => {
    void readArticle(request.root, request.path).then(
      (reading) => port.postMessage({ id: request.id, reading } satisfies ReadReply),
      (error: unknown) => port.postMessage({ id: request.id, error: String(error) } satisfies ReadReply)
    )
  })
  port.postMessage('ready')
}
