import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumArgs, findChromium } from './scripts/chromium.mjs'
import { heapCensus } from './test/reliability/heapCensus.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Without an explicit path, Playwright falls back to the browser it manages.
const executablePath = findChromium()

// One object per project: a shared one makes Vitest report the second
// project under the first one's name.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
    },
  }),
  instances: [{ browser: 'chromium' as const }],
})

export default defineConfig({
  resolve: {
    // The guides' examples import the package by its public name.
    alias: (
      [
        ['', 'src/index.ts'],
        ['/worker', 'src/worker.ts'],
        ['/testing', 'src/testing.ts'],
      ] as const
    ).map(([entry, file]) => ({
      find: new RegExp(`^react-long-callback${entry}$`),
      replacement: path.join(dirname, file),
    })),
  },
  optimizeDeps: {
    // Discovering these mid-run makes Vite reload a browser test.
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
      'react/jsx-runtime',
      'zustand',
      'zustand/vanilla',
      'zustand/traditional',
      '@storybook/react-vite',
      'storybook/test',
      'fast-check',
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: [
            'test/**/*.test.{ts,tsx}',
            'docs/examples/**/*.test.{ts,tsx}',
          ],
          exclude: ['test/**/*.browser.test.{ts,tsx}'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          browser: { ...browser(), commands: { heapCensus } },
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [
          storybookTest({ configDir: path.join(dirname, '.storybook') }),
        ],
        test: { name: 'storybook', browser: browser(), testTimeout: 30_000 },
      },
    ],
  },
})
