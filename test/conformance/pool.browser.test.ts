// API.md §1 and §2 in a real browser with real workers, where the existing
// suites leave a statement unchecked: the pool's defaults, what a crash
// leaves alone, and the signal on timeout.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  invokeLongCallback,
  WorkerCrashError,
} from '../../src/index.ts'
import type { WorkerPool, WorkerPoolOptions } from '../../src/index.ts'
import { countedPool as countWorkers } from '../fixtures/pools.ts'
import { CHANNEL, type ConformanceTasks } from './conformance.worker.ts'

const pools: Array<WorkerPool<ConformanceTasks>> = []

afterEach(() => {
  vi.useRealTimers()
  for (const pool of pools.splice(0)) pool.terminate()
  // Back to the browser's own value.
  delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency
})

/** A pool of the conformance worker that counts workers made and ended. */
function countedPool(options: WorkerPoolOptions = {}) {
  const url = new URL('./conformance.worker.ts', import.meta.url)
  const counted = countWorkers<ConformanceTasks>(url, options)
  pools.push(counted.pool)
  return counted
}

function setCores(cores: number): void {
  Object.defineProperty(navigator, 'hardwareConcurrency', {
    value: cores,
    configurable: true,
  })
}

describe('createWorkerPool defaults', () => {
  it('sizes the pool hardwareConcurrency - 1, read when the first worker starts', () => {
    const { pool } = countedPool()
    // Set after the pool was made: the size is read at the first start.
    setCores(4)
    const runs = Array.from({ length: 5 }, () =>
      invokeLongCallback(pool.task('never'), undefined),
    )
    expect(pool.stats()).toMatchObject({ workers: 3, running: 3, queued: 2 })
    for (const run of runs) run.cancel()
  })

  it('sizes the pool at least 1 on a single core', () => {
    const { pool } = countedPool()
    setCores(1)
    const runs = Array.from({ length: 3 }, () =>
      invokeLongCallback(pool.task('never'), undefined),
    )
    expect(pool.stats()).toMatchObject({ workers: 1, running: 1, queued: 2 })
    for (const run of runs) run.cancel()
  })

  it('ends an idle worker after 30,000 ms by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { pool, alive } = countedPool({ size: 1 })
    await expect(
      invokeLongCallback(pool.task('echo'), 'hi').promise,
    ).resolves.toBe('hi')
    expect(pool.stats().workers).toBe(1)
    vi.advanceTimersByTime(29_999)
    expect(pool.stats().workers).toBe(1)
    vi.advanceTimersByTime(1)
    expect(pool.stats().workers).toBe(0)
    expect(alive()).toBe(0)
  })

  it('terminates the worker of a task that ignores a cancel after 1,000 ms by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { pool, alive } = countedPool({ size: 1 })
    const run = invokeLongCallback(pool.task('never'), undefined)
    expect(pool.stats().running).toBe(1)
    run.cancel()
    await expect(run.promise).rejects.toMatchObject({ name: 'AbortError' })
    vi.advanceTimersByTime(999)
    expect(alive()).toBe(1)
    vi.advanceTimersByTime(1)
    expect(alive()).toBe(0)
  })
})

describe('workers that die', () => {
  it('does not lose the run queued behind a run whose worker crashes', async () => {
    const { pool, spawned } = countedPool({ size: 1 })
    const crashing = invokeLongCallback(pool.task('crashLater'), undefined)
    const queued = invokeLongCallback(pool.task('echo'), 'next in line')
    expect(pool.stats().queued).toBe(1)
    await expect(crashing.promise).rejects.toBeInstanceOf(WorkerCrashError)
    await expect(queued.promise).resolves.toBe('next in line')
    expect(spawned()).toBe(2)
  })

  it('fails only the run whose worker crashed, not one running beside it', async () => {
    const { pool } = countedPool({ size: 2 })
    const beside = invokeLongCallback(pool.task('stubborn'), 300)
    const crashing = invokeLongCallback(pool.task('crashLater'), undefined)
    await expect(crashing.promise).rejects.toBeInstanceOf(WorkerCrashError)
    await expect(beside.promise).resolves.toBe('finished anyway')
  })
})

describe('the task context in a worker', () => {
  it('aborts ctx.signal when the run times out, with a TimeoutError', async () => {
    const channel = new BroadcastChannel(CHANNEL)
    const heard = new Promise<{ name: string }>((resolve) => {
      channel.onmessage = (event) => resolve(event.data as { name: string })
    })
    const { pool } = countedPool({ size: 1 })
    const run = invokeLongCallback(pool.task('tellAbort'), undefined, {
      timeoutMs: 200,
    })
    await expect(run.promise).rejects.toMatchObject({ name: 'TimeoutError' })
    await expect(heard).resolves.toMatchObject({ name: 'TimeoutError' })
    channel.close()
  })

  it("shows a run that waits for a worker as 'queued', then 'running'", async () => {
    const store = createLongCallbackStore()
    const { pool } = countedPool({ size: 1 })
    const first = invokeLongCallback(pool.task('stubborn'), 200, {
      key: 'first',
      store,
    })
    const second = invokeLongCallback(pool.task('echo'), 2, {
      key: 'second',
      store,
    })
    expect(store.getState().runs['first']?.status).toBe('running')
    expect(store.getState().runs['second']?.status).toBe('queued')
    await first.promise
    await second.promise
    expect(store.getState().runs['second']).toMatchObject({
      status: 'success',
      result: 2,
    })
  })
})
