// Checks the package users get, not our source: builds it, lints the
// manifest (publint) and the types (attw), packs it with npm, installs the
// tarball in a clean folder outside the repo with only the peers beside it,
// then imports every entry point in plain Node, type-checks a consumer, and
// builds a small app with Vite and with webpack 5 whose worker result must
// reach the page in headless Chromium, where the app then checks progress,
// status calls, errors, kill, timeout, crash, transfer and bad input with the
// worker script that bundler emitted. Last, Jest 29 runs a component test
// with the inline pool in its jsdom environment, as a Jest user would.
//
// KEEP_PACKAGE_CHECK=1 keeps the temporary folder for a look afterwards.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { buildWithVite, buildWithWebpack } from './package-check/bundle.mjs'
import {
  EXPECTED_TEXT,
  launchChromium,
  runAppInBrowser,
} from './package-check/browser.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = path.join(root, 'test/package')
const require = createRequire(import.meta.url)
const ENTRIES = ['index', 'worker', 'testing']
// Exactly the peers: a dependency the package forgot would not resolve.
const LINKED = ['react', 'react-dom', 'zustand', '@types/react']
// The behaviour check whose message count the report prints.
const FLOOD_CHECK = 'progress is coalesced, the last value arrives'

const work = await mkdtemp(path.join(tmpdir(), 'rlc-package-'))
const app = path.join(work, 'app')
const installed = path.join(app, 'node_modules/react-long-callback')
const started = performance.now()
let failed = false

try {
  await step('build with tsdown', () =>
    run('npm', ['run', '--silent', 'build']),
  )
  const packed = await step('npm pack', () => pack(work))
  const tarball = packed.file
  await step('the tarball holds what users need, and no tests', () =>
    checkContents(packed),
  )
  await step('install the tarball in a clean folder', () => install(tarball))
  await step('publint', () => lintManifest(installed))
  await step('attw (esm-only)', () => lintTypes(tarball))
  await step('source maps point into the package', () => checkMaps(installed))
  await step('plain Node imports the 3 entry points', () =>
    run(process.execPath, ['node-imports.mjs'], { cwd: app }),
  )
  await step('a consumer type-checks (bundler, nodenext)', () => typecheck())
  const vite = await step('Vite builds the app', () => buildWithVite(app))
  const webpack = await step('webpack 5 builds the app', () =>
    buildWithWebpack(app),
  )
  await step('both apps pass the behaviour checks in Chromium', () =>
    checkInBrowser({ vite, webpack }),
  )
  await step('Jest 29 (jsdom 20) runs a component test', () => testWithJest())
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`package check passed in ${seconds} s`)
} catch (error) {
  failed = true
  process.exitCode = 1
  console.error(`\npackage check FAILED: ${error.message ?? error}`)
  console.error(`(files kept in ${work})`)
} finally {
  if (!failed && !process.env.KEEP_PACKAGE_CHECK) {
    await rm(work, { recursive: true, force: true })
  }
}

async function step(title, action) {
  const start = performance.now()
  try {
    const result = await action()
    const ms = Math.round(performance.now() - start)
    console.log(`  ok  ${title} (${ms} ms)`)
    return result
  } catch (error) {
    console.log(`  !!  ${title}`)
    throw error
  }
}

function run(command, args, { cwd = root, env = process.env } = {}) {
  try {
    const options = { cwd, env, encoding: 'utf8', stdio: 'pipe' }
    return execFileSync(command, args, options)
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim()
    throw new Error(`${command} ${args.join(' ')} failed:\n${output}`, {
      cause: error,
    })
  }
}

// The build already ran; packing again would only rebuild.
function pack(destination) {
  const out = run('npm', [
    'pack',
    '--json',
    '--ignore-scripts',
    '--pack-destination',
    destination,
  ])
  const [{ filename, files, size, unpackedSize }] = JSON.parse(out)
  return {
    file: path.join(destination, filename),
    paths: files.map((entry) => entry.path),
    size,
    unpackedSize,
  }
}

function checkContents({ paths, size, unpackedSize }) {
  const required = ['package.json', 'README.md', 'LICENSE'].concat(
    ENTRIES.flatMap((entry) => [`dist/${entry}.js`, `dist/${entry}.d.ts`]),
  )
  const missing = required.filter((file) => !paths.includes(file))
  if (missing.length > 0) throw new Error(`the tarball lacks ${missing}`)
  const unwanted = paths.filter((file) =>
    /(^|\/)(test|stories|bench)\/|\.test\.|\.stories\./.test(file),
  )
  if (unwanted.length > 0) throw new Error(`the tarball holds ${unwanted}`)
  const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
  console.log(
    `      ${paths.length} files, ${kB(size)} packed, ${kB(unpackedSize)} unpacked`,
  )
}

async function install(tarball) {
  await mkdir(installed, { recursive: true })
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
  await cp(path.join(fixtures, 'app'), app, { recursive: true })
  await cp(
    path.join(fixtures, 'node-imports.mjs'),
    path.join(app, 'node-imports.mjs'),
  )
  await cp(path.join(fixtures, 'consumer.ts'), path.join(app, 'consumer.ts'))
  await writeJson(path.join(app, 'package.json'), {
    name: 'fixture-app',
    private: true,
    type: 'module',
  })
  for (const name of LINKED) {
    const target = path.join(root, 'node_modules', name)
    const link = path.join(app, 'node_modules', name)
    await mkdir(path.dirname(link), { recursive: true })
    await symlink(target, link, 'dir')
  }
}

async function lintManifest(pkgDir) {
  const { messages, pkg } = await publint({ pkgDir, pack: false })
  if (messages.length === 0) return
  const lines = messages.map(
    (message) =>
      `- ${message.type}: ${formatMessage(message, pkg, { color: false })}`,
  )
  throw new Error(
    `publint found ${messages.length} issue(s):\n${lines.join('\n')}`,
  )
}

function lintTypes(tarball) {
  const manifest = require('@arethetypeswrong/cli/package.json')
  const bin = path.join(
    path.dirname(require.resolve('@arethetypeswrong/cli/package.json')),
    manifest.bin.attw,
  )
  run(process.execPath, [
    bin,
    tarball,
    '--profile',
    'esm-only',
    '--format',
    'table-flipped',
    '--no-emoji',
    '--no-color',
  ])
}

// Every source a map names must be in the package (or inlined in the map):
// a map that points at missing files is worse than none.
async function checkMaps(pkgDir) {
  const dist = path.join(pkgDir, 'dist')
  const maps = (await readdir(dist)).filter((file) => file.endsWith('.map'))
  const declarationMaps = maps.filter((file) => file.endsWith('.d.ts.map'))
  if (declarationMaps.length < ENTRIES.length) {
    throw new Error(`expected declaration maps, found: ${declarationMaps}`)
  }
  for (const file of maps) {
    const map = JSON.parse(await readFile(path.join(dist, file), 'utf8'))
    const missing = map.sources.filter((source, index) => {
      if (map.sourcesContent?.[index]) return false
      const resolved = path.resolve(dist, source)
      return !resolved.startsWith(pkgDir + path.sep) || !existsSync(resolved)
    })
    if (missing.length > 0) {
      throw new Error(`dist/${file} names files not in the package: ${missing}`)
    }
  }
}

// Our .d.ts files are checked once (skipLibCheck off, the slow part); the
// second pass only proves that nodenext resolution finds them too.
async function typecheck() {
  const tsc = require.resolve('typescript/bin/tsc')
  const base = {
    strict: true,
    noEmit: true,
    exactOptionalPropertyTypes: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
  }
  for (const resolution of ['bundler', 'nodenext']) {
    const file = path.join(app, `tsconfig.${resolution}.json`)
    const bundler = resolution === 'bundler'
    await writeJson(file, {
      compilerOptions: {
        ...base,
        module: bundler ? 'ESNext' : 'NodeNext',
        moduleResolution: resolution,
        skipLibCheck: !bundler,
      },
      files: ['consumer.ts'],
    })
    run(process.execPath, [tsc, '-p', file], { cwd: app })
  }
}

async function checkInBrowser(builds) {
  const browser = await launchChromium()
  try {
    for (const [bundler, dist] of Object.entries(builds)) {
      const { text, behaviours } = await runAppInBrowser(browser, dist)
      if (text !== EXPECTED_TEXT) {
        throw new Error(
          `${bundler} app shows "${text}", not "${EXPECTED_TEXT}"`,
        )
      }
      const failed = Object.entries(behaviours).filter(([, check]) => !check.ok)
      if (failed.length > 0) {
        const lines = failed.map(([name, { detail }]) => `${name}: ${detail}`)
        throw new Error(`${bundler} app: ${lines.join('; ')}`)
      }
      const { messages } = behaviours[FLOOD_CHECK]
      console.log(
        `      ${bundler}: ${Object.keys(behaviours).length} behaviour checks ok (${messages} messages for a million progress reports)`,
      )
    }
  } finally {
    await browser.close()
  }
}

// The fixture has its own CommonJS package.json, so that Jest, which runs
// without its experimental ESM mode here, lets Babel turn it into require
// calls. Our package is ESM, so Babel must transform it too.
async function testWithJest() {
  const dir = path.join(app, 'jest')
  await cp(path.join(fixtures, 'jest'), dir, { recursive: true })
  const babel = {
    presets: [
      [require.resolve('@babel/preset-env'), { targets: { node: 'current' } }],
    ],
  }
  const config = {
    rootDir: dir,
    testMatch: ['**/*.jest.js'],
    testEnvironment: require.resolve('jest-environment-jsdom'),
    transform: { '\\.js$': [require.resolve('babel-jest'), babel] },
    transformIgnorePatterns: ['/node_modules/(?!react-long-callback/)'],
  }
  run(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--ci',
      '--config',
      JSON.stringify(config),
    ],
    // The bundler steps set NODE_ENV to production in this process; React's
    // production build has no act().
    { cwd: dir, env: { ...process.env, NODE_ENV: 'test' } },
  )
}

function writeJson(file, data) {
  return writeFile(file, `${JSON.stringify(data, null, 2)}\n`)
}
