// stoppable.ts
import { createWorkerPool } from 'react-long-callback'
import type { Tasks } from './stoppable.worker'

const pool = createWorkerPool<Tasks>(
  () =>
    new Worker(new URL('./stoppable.worker.ts', import.meta.url), {
      type: 'module',
    }),
  { killAfterMs: 500 },
)
export const sumOfSquares = pool.task('sumOfSquares')
export const download = pool.task('download')
