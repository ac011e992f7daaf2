// primes.ts: the page side
import { createWorkerPool } from 'react-long-callback'
import type { Tasks } from './primes.worker'

export const pool = createWorkerPool<Tasks>(
  () =>
    new Worker(new URL('./primes.worker.ts', import.meta.url), {
      type: 'module',
    }),
)
export const countPrimes = pool.task('countPrimes') // LongTask<number, number>
