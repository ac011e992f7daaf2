import { defineTasks } from '../../src/worker.ts'
import { checkLimit, isPrime } from './primes.ts'

// How many numbers to test between two checks for a cancel: about a
// millisecond of work, so a cancel lands quickly and the checks stay cheap.
const STEP = 5_000

/** What the concurrency story sends: a label to tell its calls apart. */
export interface LabelledLimit {
  label: string
  limit: number
}

export const tasks = defineTasks({
  async countPrimes(limit: number, ctx) {
    checkLimit(limit)
    let found = 0
    for (let n = 2; n < limit; n++) {
      if (isPrime(n)) found++
      if (n % STEP === 0) {
        ctx.progress(n / limit, `checked ${n.toLocaleString('en-US')} numbers`)
        await ctx.checkpoint()
      }
    }
    ctx.progress(1, `checked ${limit.toLocaleString('en-US')} numbers`)
    return found
  },

  async countLabelled({ label, limit }: LabelledLimit, ctx) {
    checkLimit(limit)
    let found = 0
    for (let n = 2; n < limit; n++) {
      if (isPrime(n)) found++
      if (n % STEP === 0) await ctx.checkpoint()
    }
    return { label, found }
  },
})

export type PrimeTasks = typeof tasks
