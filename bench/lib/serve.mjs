// A static server for bench/dist on 127.0.0.1. The COOP/COEP headers make the
// page cross-origin isolated, without which performance.now() is coarsened
// to 100 µs.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** Serves `dir`; resolves with the base URL and a `close()` function. */
export async function serve(dir) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const file = path.join(dir, path.normalize(url.pathname))
    const target = url.pathname.endsWith('/') ? `${file}index.html` : file
    if (!target.startsWith(dir)) return end(response, 403)
    try {
      const body = await readFile(target)
      const type = TYPES[path.extname(target)] ?? 'application/octet-stream'
      response.writeHead(200, { ...ISOLATION, 'Content-Type': type })
      response.end(body)
    } catch {
      end(response, 404)
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

function end(response, status) {
  response.writeHead(status, ISOLATION)
  response.end()
}
