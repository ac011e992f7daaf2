// Finds the Chromium that browser tests drive: CHROMIUM_PATH first, then
// Debian's package, then the browser Playwright manages (if it was ever
// downloaded). Shared by vitest.config.ts and the pre-flight check so both
// agree on one answer.
import { existsSync } from 'node:fs'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  return undefined
}

export async function findPlaywrightChromium() {
  try {
    const { chromium } = await import('playwright-core')
    const path = chromium.executablePath()
    return existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

export const HOW_TO_GET_CHROMIUM =
  'No Chromium found for the browser tests: install one with ' +
  '`apt-get install -y chromium` (Debian) or `npx playwright install chromium`, ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.'

// Flags that keep a headless Chromium quiet on a machine without a network.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
