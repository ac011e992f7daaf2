// pools.ts
import { createWorkerPool } from 'react-long-callback'
import type { Tasks } from './primes.worker'

function spawn() {
  return new Worker(new URL('./primes.worker.ts', import.meta.url), {
    type: 'module',
  })
}

// #region sizes
// CPU-bound, little memory: one worker per spare core (the default size).
export const primes = createWorkerPool<Tasks>(spawn, { name: 'primes' })

// Each run holds a lot of memory: at most two at once, workers kept warm for
// five minutes, and cancelled tasks given 200 ms to stop.
export const heavy = createWorkerPool<Tasks>(spawn, {
  name: 'heavy',
  size: 2,
  idleTimeoutMs: 5 * 60_000,
  killAfterMs: 200,
})
// #endregion

// #region stats
export function poolLoad(): string {
  const { workers, running, queued } = primes.stats()
  return `${running} running on ${workers} workers, ${queued} waiting`
}
// #endregion

// #region hmr
// Vite: end the old workers when this module is replaced during development.
import.meta.hot?.dispose(() => {
  primes.terminate()
  heavy.terminate()
})
// #endregion
