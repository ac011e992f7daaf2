// Builds the fixture app the way users build theirs: Vite and webpack 5 with
// their default settings, through their Node APIs. Each resolves
// `react-long-callback` from the app's own node_modules, where the packed
// tarball was unpacked.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

export async function buildWithVite(appDir) {
  const { build } = await import('vite')
  const outDir = path.join(appDir, 'dist-vite')
  await build({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  return outDir
}

export async function buildWithWebpack(appDir) {
  const { default: webpack } = await import('webpack')
  const outDir = path.join(appDir, 'dist-webpack')
  const compiler = webpack({
    mode: 'production',
    context: appDir,
    entry: './app.js',
    output: { path: outDir, filename: 'main.js', clean: true },
    devtool: false,
    // Minifying react-dom is most of a build's time and tells us nothing.
    optimization: { minimize: false },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  })
  const stats = await new Promise((resolve, reject) => {
    compiler.run((error, result) => {
      compiler.close(() => {})
      if (error) reject(error)
      else resolve(result)
    })
  })
  if (stats.hasErrors() || stats.hasWarnings()) {
    throw new Error(
      `webpack reported problems:\n${stats.toString('errors-warnings')}`,
    )
  }
  await writeFile(
    path.join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">' +
      '<div id="root"></div><script src="./main.js"></script>\n',
  )
  return outDir
}
