import { createWorkerPool } from 'react-long-callback'
import type { Tasks } from '../progress/search.worker'

const pool = createWorkerPool<Tasks>(
  () =>
    new Worker(new URL('../progress/search.worker.ts', import.meta.url), {
      type: 'module',
    }),
)
export const grep = pool.task('grep')
