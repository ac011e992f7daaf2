import { defineTasks } from '../../src/worker.ts'
import { isPrime } from './primes.ts'

export const tasks = defineTasks({
  /** A short, well-behaved task, to show that the pool still works. */
  countPrimes(limit: number) {
    let found = 0
    for (let n = 2; n < limit; n++) if (isPrime(n)) found++
    return found
  },

  /**
   * Busy for `ms` milliseconds and never looks at its signal: no checkpoint,
   * no await. Only terminating its worker stops it.
   */
  ignoreSignal(ms: number) {
    const end = Date.now() + ms
    let found = 0
    for (let n = 2; Date.now() < end; n++) if (isPrime(n % 1_000_000)) found++
    return found
  },

  /** Schedules an uncaught error outside the task, then waits forever. */
  crashLater(message: string) {
    setTimeout(() => {
      throw new Error(message)
    })
    return new Promise<never>(() => {})
  },

  /** Closes its own worker mid-run: the page gets no event at all. */
  closeWorker(_: null) {
    self.close()
    return new Promise<never>(() => {})
  },
})

export type FaultTasks = typeof tasks
