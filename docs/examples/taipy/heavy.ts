// heavy.ts: one pool for the worker module, one LongTask per function
import { createWorkerPool } from 'react-long-callback'
import type { Tasks } from './heavy.worker'

const pool = createWorkerPool<Tasks>(
  () =>
    new Worker(new URL('./heavy.worker.ts', import.meta.url), {
      type: 'module',
    }),
)
export const estimatePi = pool.task('estimatePi')
