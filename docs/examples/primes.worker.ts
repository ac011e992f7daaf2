// primes.worker.ts: runs in a Web Worker
import { defineTasks } from 'react-long-callback/worker'

function isPrime(n: number): boolean {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false
  return n > 1
}

export const tasks = defineTasks({
  async countPrimes(limit: number, ctx) {
    let found = 0
    for (let n = 2; n < limit; n++) {
      if (isPrime(n)) found++
      if (n % 10_000 === 0) {
        ctx.progress(n / limit, `checked ${n}`)
        await ctx.checkpoint() // lets a cancel in
      }
    }
    return found
  },
})
export type Tasks = typeof tasks
