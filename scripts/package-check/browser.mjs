/* global document -- read inside the page by waitForFunction */
// Serves a built app from a local port and drives it in headless Chromium:
// clicks the button and waits for the result the worker computed.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import { chromium } from 'playwright-core'
import {
  chromiumArgs,
  findChromium,
  findPlaywrightChromium,
  HOW_TO_GET_CHROMIUM,
} from '../chromium.mjs'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
}

export const EXPECTED_TEXT = '9592 primes, counted in a worker'

export async function launchChromium() {
  const executablePath = findChromium() ?? (await findPlaywrightChromium())
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM)
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true })
}

/**
 * Resolves with the text the app rendered once its run ended, and the
 * results of its behaviour checks (test/package/app/behaviours.js).
 */
export async function runAppInBrowser(browser, distDir) {
  const server = await serve(distDir)
  const page = await browser.newPage()
  const problems = []
  page.on('pageerror', (error) => problems.push(`page error: ${error}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`)
    await page.click('#root button', { timeout: 10_000 })
    const ended = await page
      .waitForFunction(
        () => {
          const status = document.querySelector('#result')?.dataset.status
          return status === 'success' || status === 'error'
        },
        undefined,
        { timeout: 20_000 },
      )
      .then(() => true)
      .catch(() => false)
    const text = await page.textContent('#result')
    if (!ended || problems.length > 0) {
      const detail = problems.length ? `\n${problems.join('\n')}` : ''
      throw new Error(`the app did not finish; it shows "${text}"${detail}`)
    }
    await page.click('#behaviours')
    const shown = await page
      .waitForSelector('#behaviours-result', { timeout: 30_000 })
      .catch(() => undefined)
    if (!shown || problems.length > 0) {
      const detail = problems.length ? `:\n${problems.join('\n')}` : ''
      throw new Error(`the behaviour checks did not finish${detail}`)
    }
    const behaviours = JSON.parse(await shown.textContent())
    return { text, behaviours }
  } finally {
    await page.close()
    await new Promise((resolve) => server.close(resolve))
  }
}

function serve(root) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost')
    const file = path.join(root, path.normalize(decodeURIComponent(pathname)))
    if (!file.startsWith(root)) return send(response, 403, 'forbidden')
    try {
      const body = await readFile(file)
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
      response.writeHead(200, { 'content-type': type })
      response.end(body)
    } catch {
      send(response, 404, 'not found')
    }
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

function send(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain' })
  response.end(text)
}
