// Pre-flight for the browser tests: fail in one clear line, before Vitest
// starts, when there is no browser to drive.
import {
  findChromium,
  findPlaywrightChromium,
  HOW_TO_GET_CHROMIUM,
} from './chromium.mjs'

const fromEnv = process.env.CHROMIUM_PATH
if (fromEnv && !findChromium()) {
  // A path set on purpose and wrong is a mistake to name, not a reason to
  // fall back to another browser silently.
  console.error(`CHROMIUM_PATH is "${fromEnv}", which does not exist.`)
  process.exit(1)
}
if (!findChromium() && !(await findPlaywrightChromium())) {
  console.error(HOW_TO_GET_CHROMIUM)
  process.exit(1)
}
