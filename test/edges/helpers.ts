// Shared tools of the edge-case tests: pools of their fixtures whose
// workers are counted, and a way to tell "never settled" from a failure.
import type { TaskMap, WorkerPoolOptions } from '../../src/index.ts'
import { countedPool as countWorkers } from '../fixtures/pools.ts'

export type Outcome =
  | { state: 'resolved'; value: unknown }
  | { state: 'rejected'; error: unknown }
  | { state: 'pending' }

/** How `promise` settled within `ms`, or `pending` if it did not. */
export async function settleWithin(
  promise: Promise<unknown>,
  ms: number,
): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'pending' }), ms)
  })
  const settled = promise.then(
    (value): Outcome => ({ state: 'resolved', value }),
    (error: unknown): Outcome => ({ state: 'rejected', error }),
  )
  const first = await Promise.race([settled, deadline])
  clearTimeout(timer)
  return first
}

const fixtures = {
  edges: () => new URL('./edges.worker.ts', import.meta.url),
  deferred: () => new URL('./deferred.worker.ts', import.meta.url),
  tla: () => new URL('./tla.worker.ts', import.meta.url),
  twice: () => new URL('./twice.worker.ts', import.meta.url),
  silent: () => new URL('../fixtures/silent.worker.ts', import.meta.url),
} as const

/** A pool of one fixture that counts the workers it makes and ends. */
export function countedPool<TTasks extends TaskMap>(
  fixture: keyof typeof fixtures,
  options: WorkerPoolOptions = {},
) {
  return countWorkers<TTasks>(fixtures[fixture](), options)
}
