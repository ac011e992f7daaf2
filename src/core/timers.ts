// Browsers and Node keep a timer's delay in a signed 32-bit integer: a longer
// one, `Infinity` included, wraps around and fires at once. A delay that long
// (about 24.8 days or more) means "never" here, so no timer is started.
const MAX_DELAY_MS = 2 ** 31 - 1

type Timer = ReturnType<typeof setTimeout>

/** `setTimeout`, or no timer at all for a delay too long to keep. */
export function startTimeout(
  callback: () => void,
  ms: number,
): Timer | undefined {
  return ms > MAX_DELAY_MS ? undefined : setTimeout(callback, ms)
}

/** `setInterval`, or no timer at all for a period too long to keep. */
export function startInterval(
  callback: () => void,
  ms: number,
): Timer | undefined {
  return ms > MAX_DELAY_MS ? undefined : setInterval(callback, ms)
}
