/* global self, WorkerGlobalScope */
// The worker module of the fixture app. Plain JavaScript, so that webpack
// builds it without a loader, exactly as a user's module would be.
import { defineTasks } from 'react-long-callback/worker'

function isPrime(n) {
  if (n < 2) return false
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false
  return true
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
})
