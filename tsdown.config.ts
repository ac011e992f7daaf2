import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    worker: 'src/worker.ts',
    testing: 'src/testing.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  // Declaration maps send "Go to definition" in users' editors to the .ts
  // source shipped in the package, rather than to the bundled .d.ts.
  dts: { sourcemap: true },
  sourcemap: true,
  outDir: 'dist',
  clean: true,
  tsconfig: 'tsconfig.build.json',
})
