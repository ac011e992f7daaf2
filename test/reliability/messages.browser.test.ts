// A worker's own code may post messages on the channel the pool uses, some
// of them looking like the library's. The pool must ignore them whether it
// is running a task, waiting for a cancelled one, or idle.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createWorkerPool } from '../../src/index.ts'
import type { ReliabilityTasks } from '../fixtures/reliability.worker.ts'
import { allSettled, forbidConsoleNoise, recordRun } from './harness.ts'

forbidConsoleNoise()

// An exception in the pool's message listener surfaces here.
const pageErrors: unknown[] = []
const onError = (event: ErrorEvent) => pageErrors.push(event.error)
beforeAll(() => window.addEventListener('error', onError))
afterAll(() => window.removeEventListener('error', onError))

/** A pool of one worker, and a promise for the marker its chatter posts. */
function chattyPool() {
  let onMarker = () => {}
  const pool = createWorkerPool<ReliabilityTasks>(
    () => {
      const worker = new Worker(
        new URL('../fixtures/reliability.worker.ts', import.meta.url),
        { type: 'module' },
      )
      // Messages are dispatched in order: when the marker comes, the pool
      // has handled every message posted before it.
      worker.addEventListener('message', (event) => {
        const data = event.data as { chatterDone?: number } | null
        if (data?.chatterDone !== undefined) onMarker()
      })
      return worker
    },
    { size: 1, killAfterMs: 5_000 },
  )
  const chatterDone = () =>
    new Promise<void>((resolve) => {
      onMarker = resolve
    })
  return { pool, chatterDone }
}

let cleanup: Array<() => void> = []
afterEach(() => {
  for (const end of cleanup) end()
  cleanup = []
  expect(pageErrors).toEqual([])
})

describe('messages a worker posts by itself', () => {
  it('are ignored while a task runs and after it has returned', async () => {
    const { pool, chatterDone } = chattyPool()
    cleanup.push(() => pool.terminate())
    const done = chatterDone()
    const chatter = recordRun(pool.task('chatter'), 24)
    await expect(chatter.run.promise).resolves.toBe(24)
    await done
    const next = recordRun(pool.task('echo'), 'still fine')
    await expect(next.run.promise).resolves.toBe('still fine')
    expect(pool.stats()).toMatchObject({ workers: 1, running: 0, queued: 0 })
  })

  it('are ignored while a cancelled task still holds its worker', async () => {
    const { pool, chatterDone } = chattyPool()
    cleanup.push(() => pool.terminate())
    const done = chatterDone()
    const chatter = recordRun(pool.task('chatter'), 24)
    await expect.poll(() => pool.stats().running).toBe(1)
    chatter.run.cancel('enough')
    await done
    await allSettled([chatter])
    expect(chatter.final()).toMatchObject({
      status: false,
      reason: 'cancelled',
    })
    const next = recordRun(pool.task('echo'), 'after chatter')
    await expect(next.run.promise).resolves.toBe('after chatter')
  })
})
