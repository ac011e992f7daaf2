import * as workerpool from 'workerpool'
import type { Contender, Handle } from '../contender.ts'
import workerUrl from '../workers/workerpool.worker.ts?worker&url'

// workerpool loads its worker from a script URL; Vite's `?worker&url` builds
// the worker module into such a script.
function open(size: number): Handle {
  const pool = workerpool.pool(workerUrl, {
    maxWorkers: size,
    workerType: 'web',
  })
  return {
    noop: () => pool.exec('noop', []),
    spin: (ms) => pool.exec('spin', [ms]),
    echo: (buffer, move) =>
      pool.exec('echo', [buffer, move], move ? { transfer: [buffer] } : {}),
    flood: (count, onProgress) =>
      pool.exec('flood', [count], { on: onProgress }),
    close: async () => {
      await pool.terminate(true)
    },
  }
}

export const workerpoolContender: Contender = { name: 'workerpool', open }
