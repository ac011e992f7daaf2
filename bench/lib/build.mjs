// Builds what the bench serves: the library (dist/, what users get) and the
// bench page with its workers (bench/dist/), with Vite's production settings.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
)
export const PAGE_DIR = path.join(ROOT, 'bench/page')
export const OUT_DIR = path.join(ROOT, 'bench/dist')

/** Runs `npm run build`, which writes dist/. */
export function buildLibrary() {
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

/**
 * The page imports our library from source so that it type-checks without a
 * build; `from: 'dist'` points those imports at the built entries instead.
 */
function libraryAlias(from) {
  if (from !== 'dist') return []
  return [
    {
      find: /^(?:\.\.\/)+src\/(index|worker)\.ts$/,
      replacement: path.join(ROOT, 'dist/$1.js'),
    },
  ]
}

/** Builds the bench page into bench/dist. */
export async function buildPage({ from = 'dist' } = {}) {
  await build({
    root: PAGE_DIR,
    base: './',
    logLevel: 'error',
    configFile: false,
    resolve: { alias: libraryAlias(from) },
    build: { outDir: OUT_DIR, emptyOutDir: true, target: 'es2022' },
  })
}
