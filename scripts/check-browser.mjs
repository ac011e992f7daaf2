// Pre-flight for the browser tests: fail in one clear line, before Vitest
// starts, when there is no browser to drive.
import {
  findChromium,
  findPlaywrightChromium,
  HOW_TO_GET_CHROMIUM,
} from './chromium.mjs'

if (!findChromium() && !(await findPlaywrightChromium())) {
  console.error(HOW_TO_GET_CHROMIUM)
  process.exit(1)
}
