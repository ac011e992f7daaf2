/* global window */
// `npm run bench`: builds the library and the bench page, drives headless
// Chromium through every scenario (contenders interleaved, round after
// round, after a warm-up round), measures bundle sizes, and writes
// docs/BENCHMARKS.md. `--only=id,id` runs some scenarios (and writes no
// report); `--no-build` reuses bench/dist; `--verbose` logs every round;
// `--report` rewrites the report from the last results
// (bench/dist/results.json).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs'
import { buildLibrary, buildPage, OUT_DIR, ROOT } from './lib/build.mjs'
import { writeReport } from './lib/report.mjs'
import { scenarios } from './lib/scenarios.mjs'
import { serve } from './lib/serve.mjs'
import { measureSizes } from './lib/sizes.mjs'

const RESULTS = path.join(OUT_DIR, 'results.json')
const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice(7)
  .split(',')

/** Contender order for round `round`: rotated, so none is always first. */
function rotate(list, round) {
  const shift = round % list.length
  return [...list.slice(shift), ...list.slice(0, shift)]
}

async function runScenario(context, scenario) {
  const rounds = {}
  for (const name of scenario.contenders) rounds[name] = []
  if (scenario.warmUp !== false) {
    for (const name of scenario.contenders) {
      const result = await scenario.measure(context, name, scenario.warmUpArgs)
      if (verbose) console.log(scenario.id, 'warm-up', name, result)
    }
  }
  for (let round = 0; round < scenario.rounds; round++) {
    for (const name of rotate(scenario.contenders, round)) {
      const result = await scenario.measure(context, name)
      if (verbose) console.log(scenario.id, round, name, result)
      rounds[name].push(result)
    }
  }
  return rounds
}

async function machine(browser) {
  const cpus = os.cpus()
  return {
    date: new Date().toISOString(),
    command: 'npm run bench',
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    loadAverage: os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', '),
    node: process.version,
    chromium: browser.version(),
    playwright: JSON.parse(
      await readFile(
        path.join(ROOT, 'node_modules/playwright-core/package.json'),
        'utf8',
      ),
    ).version,
  }
}

async function runBrowser() {
  const server = await serve(OUT_DIR)
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs,
  })
  try {
    const page = await browser.newPage()
    page.on('pageerror', (error) => console.error('page error:', error))
    await page.goto(server.url)
    await page.waitForFunction(() => 'bench' in window)
    if (!(await page.evaluate(() => window.bench.crossOriginIsolated))) {
      throw new Error('the bench page is not cross-origin isolated')
    }
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const results = { machine: await machine(browser), scenarios: {} }
    for (const scenario of scenarios) {
      if (only && !only.includes(scenario.id)) continue
      const started = performance.now()
      results.scenarios[scenario.id] = await runScenario(
        { page, cdp },
        scenario,
      )
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      console.log(`${scenario.title}: ${seconds} s`)
    }
    return results
  } finally {
    await browser.close()
    await server.close()
  }
}

async function main() {
  if (args.includes('--report')) {
    const results = JSON.parse(await readFile(RESULTS, 'utf8'))
    await writeReport(results)
    return
  }
  const started = performance.now()
  if (!args.includes('--no-build')) {
    buildLibrary()
    await buildPage()
  }
  const results = await runBrowser()
  results.sizes = await measureSizes()
  results.machine.seconds = Math.round((performance.now() - started) / 1000)
  await mkdir(path.dirname(RESULTS), { recursive: true })
  await writeFile(RESULTS, JSON.stringify(results, null, 2))
  if (!only) await writeReport(results)
  console.log(`done in ${results.machine.seconds} s`)
}

await main()
