// The stories' worker pools: one per worker module, each with its tasks.
// Pools start their workers lazily, so importing this file costs nothing.
import { createWorkerPool } from '../../src/index.ts'
import type { CsvTasks } from './csv.worker.ts'
import type { FaultTasks } from './faults.worker.ts'
import type { ImageTasks } from './image.worker.ts'
import type { PrimeTasks } from './primes.worker.ts'
import type { StatsTasks } from './stats.worker.ts'

export const primesPool = createWorkerPool<PrimeTasks>(
  () =>
    new Worker(new URL('./primes.worker.ts', import.meta.url), {
      type: 'module',
    }),
  { size: 2, name: 'primes' },
)
export const countPrimes = primesPool.task('countPrimes')
export const countLabelled = primesPool.task('countLabelled')

export const statsPool = createWorkerPool<StatsTasks>(
  () =>
    new Worker(new URL('./stats.worker.ts', import.meta.url), {
      type: 'module',
    }),
  { size: 1, name: 'stats' },
)
export const summarizeSample = statsPool.task('summarizeSample')

export const imagePool = createWorkerPool<ImageTasks>(
  () =>
    new Worker(new URL('./image.worker.ts', import.meta.url), {
      type: 'module',
    }),
  { size: 1, name: 'image' },
)
export const mandelbrot = imagePool.task('mandelbrot')
export const boxBlur = imagePool.task('boxBlur')

export const csvPool = createWorkerPool<CsvTasks>(
  () =>
    new Worker(new URL('./csv.worker.ts', import.meta.url), {
      type: 'module',
    }),
  { size: 1, name: 'csv' },
)
export const exportOrders = csvPool.task('exportOrders')
export const regionTotals = csvPool.task('regionTotals')
export const parseOrders = csvPool.task('parseOrders')

// One worker, so that a run waiting behind a stubborn task shows when the
// pool frees it; a cancelled task gets half a second before it is killed.
export const faultsPool = createWorkerPool<FaultTasks>(
  () =>
    new Worker(new URL('./faults.worker.ts', import.meta.url), {
      type: 'module',
    }),
  { size: 1, name: 'faults', killAfterMs: 500 },
)
export const ignoreSignal = faultsPool.task('ignoreSignal')
export const crashLater = faultsPool.task('crashLater')
export const closeWorker = faultsPool.task('closeWorker')
export const countPrimesAfterFault = faultsPool.task('countPrimes')
