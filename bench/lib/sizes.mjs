// Scenario 7: bundle size of each entry, measured one way for all: esbuild
// bundles it for the browser with minification, then gzip -9. Peer
// dependencies (react, react-dom, zustand) stay out, as in a user's app.
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { ROOT } from './build.mjs'

const PEERS = ['react', 'react-dom', 'zustand']
// workerpool's browser build still names these behind a Node check; they
// are never loaded in a browser.
const NODE_ONLY = ['worker_threads', 'os', 'child_process']

// What a user imports on each side. The page side is the whole page entry;
// the worker side is what a worker script imports. workerpool ships one
// browser build for both sides, and useWorker writes its worker from the
// page bundle, so it has no worker part.
const ENTRIES = [
  ['ours', 'page', "export * from './dist/index.js'"],
  [
    'ours',
    'page, with zustand',
    "export * from './dist/index.js'",
    ['react', 'react-dom'],
  ],
  [
    'ours',
    'page, createWorkerPool + useLongCallback only',
    "export { createWorkerPool, useLongCallback } from './dist/index.js'",
  ],
  ['ours', 'worker', "export * from './dist/worker.js'"],
  ['ours', 'testing', "export * from './dist/testing.js'"],
  ['comlink', 'page', "export * from 'comlink'"],
  ['comlink', 'page, wrap only', "export { wrap } from 'comlink'"],
  ['comlink', 'worker', "export { expose, transfer } from 'comlink'"],
  ['workerpool', 'page', "export * from 'workerpool'"],
  [
    'workerpool',
    'worker',
    "export { worker, workerEmit, Transfer } from 'workerpool'",
  ],
  ['@koale/useworker', 'page', "export * from '@koale/useworker'"],
]

async function measure(contents, external) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [...external, ...NODE_ONLY],
    write: false,
    logLevel: 'error',
  })
  const code = result.outputFiles[0].contents
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
  }
}

/** Minified and gzipped bytes of every entry in ENTRIES. */
export async function measureSizes() {
  const sizes = []
  for (const [library, part, contents, external = PEERS] of ENTRIES) {
    sizes.push({ library, part, ...(await measure(contents, external)) })
  }
  return sizes
}
