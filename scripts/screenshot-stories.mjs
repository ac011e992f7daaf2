/* global window */
// Screenshots of every story and docs page of the built Storybook, for a
// person to look at: `npm run build-storybook`, then
// `node scripts/screenshot-stories.mjs [outDir]` (default /tmp/shots).
// Each story's play function runs first; the shot shows where it left the
// page. Console errors, page errors and failed plays are listed, and the
// exit code is 1 if there was any. Not part of `npm test`.
import { createServer } from 'node:http'
import { mkdir, readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'

const root = resolve('storybook-static')
const outDir = resolve(process.argv[2] ?? '/tmp/shots')
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'))
const only = process.env.ONLY
const entries = Object.values(index.entries).filter(
  (entry) =>
    (entry.type === 'story' || entry.type === 'docs') &&
    (!only || entry.id.includes(only)),
)

const server = createServer(async (request, response) => {
  // Chromium asks for /favicon.ico on its own; the built site has an SVG.
  if (request.url === '/favicon.ico') return response.writeHead(204).end()
  const path = normalize(
    decodeURIComponent(new URL(request.url, 'http://x').pathname),
  )
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
  try {
    const body = await readFile(file)
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    })
    response.end(body)
  } catch {
    console.log(`     404 ${request.url}`)
    response.writeHead(404).end()
  }
})
await new Promise((done) => server.listen(0, '127.0.0.1', done))
const base = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: chromiumArgs,
})
await mkdir(outDir, { recursive: true })
const problems = []

for (const entry of entries) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  const errors = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) {
      errors.push(`http ${response.status()}: ${response.url()}`)
    }
  })
  // Hear the end of the play function from Storybook's own channel.
  await page.addInitScript(() => {
    const listen = () => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__
      if (!channel) return setTimeout(listen, 10)
      channel.on('storyFinished', (event) => (window.__storyFinished = event))
      channel.on(
        'docsRendered',
        () => (window.__storyFinished = { status: 'success' }),
      )
      channel.on('playFunctionThrewException', (error) => {
        window.__playError = error?.message ?? String(error)
      })
    }
    listen()
  })
  const mode = entry.type === 'story' ? 'story' : 'docs'
  await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=${mode}`)
  try {
    await page.waitForFunction(() => window.__storyFinished, null, {
      timeout: 60_000,
    })
  } catch {
    errors.push('the story did not finish within 60 s')
  }
  const playError = await page.evaluate(() => window.__playError)
  if (playError) errors.push(`play: ${playError}`)
  // Let toasts and the last frame settle before the shot.
  await page.waitForTimeout(300)
  const file = join(outDir, `${entry.id}.png`)
  await page.screenshot({ path: file, fullPage: true })
  console.log(`${errors.length ? 'FAIL' : 'ok  '} ${entry.id} -> ${file}`)
  for (const error of errors) console.log(`     ${error}`)
  if (errors.length) problems.push(entry.id)
  await page.close()
}

await browser.close()
server.close()
console.log(
  problems.length
    ? `${problems.length} of ${entries.length} pages had errors.`
    : `${entries.length} pages, no console errors.`,
)
process.exit(problems.length ? 1 : 0)
