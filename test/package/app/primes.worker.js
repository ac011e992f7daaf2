/* global self, WorkerGlobalScope */
// The worker module of the fixture app. Plain JavaScript, so that webpack
// builds it without a loader, exactly as a user's module would be.
import { defineTasks, transfer } from 'react-long-callback/worker'

function isPrime(n) {
  if (n < 2) return false
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false
  return true
}

class ParseError extends Error {
  name = 'ParseError'
}

export const tasks = defineTasks({
  async countPrimes(limit, ctx) {
    let count = 0
    for (let n = 2; n < limit; n++) {
      if (isPrime(n)) count++
      if (n % 5000 === 0) {
        ctx.progress(n / limit)
        await ctx.checkpoint()
      }
    }
    // Proves the work ran off the page.
    const inWorker =
      typeof WorkerGlobalScope !== 'undefined' &&
      self instanceof WorkerGlobalScope
    return { count, where: inWorker ? 'worker' : 'page' }
  },
  echo(value) {
    return value
  },
  flood(calls, ctx) {
    for (let i = 1; i <= calls; i++) ctx.progress(i / calls)
    return calls
  },
  // Busy for `ms` without a checkpoint: only terminating the worker stops it.
  spin(ms) {
    const end = Date.now() + ms
    while (Date.now() < end);
    return ms
  },
  fail(text) {
    throw new ParseError(`cannot parse ${text}`, { cause: { line: 3 } })
  },
  closeSelf() {
    self.close()
    return new Promise(() => {})
  },
  double(buffer) {
    const bytes = new Uint8Array(buffer)
    for (let i = 0; i < bytes.length; i++) bytes[i] *= 2
    return transfer(buffer, [buffer])
  },
})
