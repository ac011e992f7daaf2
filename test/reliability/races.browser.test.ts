// Races between the page and a worker: each test lines up two events that
// can come in either order, and checks that each run still ends once, in
// the right state, and that no worker is lost, leaked or killed needlessly.
import { afterEach, describe, expect, it } from 'vitest'
import { createLongCallbackStore, createWorkerPool } from '../../src/index.ts'
import type { WorkerPool } from '../../src/index.ts'
import type { ReliabilityTasks } from '../fixtures/reliability.worker.ts'
import {
  allSettled,
  brokenPromises,
  countedPool,
  forbidConsoleNoise,
  recordRun,
  watchLibraryResources,
  type Recorded,
} from './harness.ts'

forbidConsoleNoise()

const pools: Array<WorkerPool<ReliabilityTasks>> = []
let recorded: Array<Recorded<unknown>> = []

function newPool(options: Parameters<typeof countedPool>[0]) {
  const counted = countedPool(options)
  pools.push(counted.pool)
  return counted
}

function record(...args: Parameters<typeof recordRun>) {
  const run = recordRun(...args) as Recorded<unknown>
  recorded.push(run)
  return run
}

afterEach(async () => {
  await allSettled(recorded)
  for (const run of recorded) expect(brokenPromises(run)).toEqual([])
  recorded = []
  for (const pool of pools.splice(0)) pool.terminate()
})

describe('cancel against the worker', () => {
  it.each([
    ['nap', 20_000],
    ['echo', 1],
  ] as const)(
    'a cancel right after invoking %s ends the run at once; the worker is not killed',
    async (task, input) => {
      const counted = newPool({ size: 1, killAfterMs: 10_000 })
      const { pool } = counted
      const run = record(pool.task(task), input)
      expect(pool.stats().running).toBe(1)
      run.run.cancel('at once')
      expect(run.calls).toMatchObject([{ status: false, reason: 'cancelled' }])
      // A 20 s nap frees its worker this soon only if it saw the cancel.
      const next = record(pool.task('echo'), 'next')
      await allSettled([next], 3_000)
      expect(next.outcome()).toEqual({ ok: true, value: 'next' })
      expect(counted.spawned()).toBe(1)
    },
  )

  it('a burst of invoke-and-cancel pairs leaves the pool idle', async () => {
    const counted = newPool({ size: 2, killAfterMs: 5_000 })
    const { pool } = counted
    for (let i = 0; i < 100; i++) {
      record(pool.task(i % 2 ? 'nap' : 'echo'), 5).run.cancel()
    }
    await expect
      .poll(() => pool.stats(), { interval: 5 })
      .toMatchObject({ running: 0, queued: 0 })
    for (const run of recorded) {
      expect(run.final()).toMatchObject({ reason: 'cancelled' })
    }
    expect(counted.spawned()).toBeLessThanOrEqual(2)
  })

  it('a cancel after success changes nothing', async () => {
    const { pool } = newPool({ size: 1 })
    const store = createLongCallbackStore()
    const run = record(pool.task('echo'), 'done', { store, key: 'k' })
    await run.run.promise
    run.run.cancel('too late')
    run.run.cancel('much too late')
    expect(run.calls).toHaveLength(1)
    expect(store.getState().runs['k']).toMatchObject({
      status: 'success',
      result: 'done',
    })
  })

  it('a result that arrives after the timeout is dropped, and frees the worker', async () => {
    const counted = newPool({ size: 1, killAfterMs: 5_000 })
    const store = createLongCallbackStore()
    const late = record(counted.pool.task('stubborn'), 80, {
      timeoutMs: 15,
      store,
      key: 'late',
    })
    const next = record(counted.pool.task('echo'), 'next')
    await expect(late.run.promise).rejects.toMatchObject({
      name: 'TimeoutError',
    })
    // The stubborn task finishes at 80 ms; its result frees the worker.
    await expect(next.run.promise).resolves.toBe('next')
    expect(late.calls).toHaveLength(1)
    expect(store.getState().runs['late']).toMatchObject({
      status: 'error',
      error: { name: 'TimeoutError' },
    })
    expect(counted.spawned()).toBe(1)
  })

  it('a timeout and a cancel due at the same moment end the run once', async () => {
    const { pool } = newPool({ size: 1, killAfterMs: 30 })
    const runs = Array.from({ length: 10 }, () =>
      record(pool.task('never'), undefined, { timeoutMs: 20 }),
    )
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        for (const run of runs) run.run.cancel()
        resolve()
      }, 20),
    )
    for (const run of runs) expect(run.calls).toHaveLength(1)
  })
})

describe('a worker that dies while its run is being cancelled', () => {
  it.each(['crash', 'closeSelf'] as const)(
    '%s during the drain: the run stays cancelled, the queued run runs on a new worker',
    async (task) => {
      const counted = newPool({ size: 1, killAfterMs: 5_000 })
      const { pool } = counted
      const dying = record(pool.task(task), 40)
      await expect.poll(() => pool.stats().running).toBe(1)
      dying.run.cancel('stop')
      const queued = record(pool.task('echo'), 'survivor')
      await expect(queued.run.promise).resolves.toBe('survivor')
      expect(dying.calls).toMatchObject([
        { status: false, reason: 'cancelled', error: { name: 'AbortError' } },
      ])
      // Only the death could free the worker before killAfterMs.
      expect(counted.spawned()).toBe(2)
      expect(counted.alive()).toBe(1)
    },
  )

  it('a kill after killAfterMs hands the queue to a new worker, in order', async () => {
    const counted = newPool({ size: 1, killAfterMs: 30 })
    const { pool } = counted
    const stuck = record(pool.task('stubborn'), 2_000)
    await expect.poll(() => pool.stats().running).toBe(1)
    stuck.run.cancel()
    const order: number[] = []
    const queued = [1, 2, 3].map((n) => {
      const run = record(pool.task('echo'), n)
      void run.run.promise.then(() => order.push(n))
      return run
    })
    await allSettled(queued)
    expect(order).toEqual([1, 2, 3])
    expect(counted.spawned()).toBe(2)
    expect(counted.alive()).toBe(1)
  })
})

describe('terminate against everything else', () => {
  it('ends running, queued and draining runs once, and later runs at once', async () => {
    const counted = newPool({ size: 2, killAfterMs: 5_000 })
    const { pool } = counted
    const draining = record(pool.task('stubborn'), 1_000)
    const running = record(pool.task('never'), undefined)
    const queued = record(pool.task('echo'), 1)
    await expect.poll(() => pool.stats().running).toBe(2)
    draining.run.cancel()
    pool.terminate()
    pool.terminate()
    const after = record(pool.task('echo'), 2)
    await allSettled(recorded)
    for (const run of [running, queued, after]) {
      expect(run.final()).toMatchObject({
        status: false,
        reason: 'cancelled',
        error: { name: 'PoolTerminatedError' },
      })
    }
    expect(draining.final()?.error?.name).toBe('AbortError')
    expect(counted.alive()).toBe(0)
    expect(pool.stats()).toMatchObject({
      workers: 0,
      running: 0,
      queued: 0,
      terminated: true,
    })
  })
})

describe('a spawn that fails once the pool has a worker', () => {
  it('leaves the queue to the live worker instead of failing it', async () => {
    let spawned = 0
    const pool = createWorkerPool<ReliabilityTasks>(
      () => {
        if (spawned++ > 0) throw new Error('no more workers')
        return new Worker(
          new URL('../fixtures/reliability.worker.ts', import.meta.url),
          { type: 'module' },
        )
      },
      { size: 2 },
    )
    pools.push(pool)
    const runs = [5, 10, 15, 20].map((ms) => record(pool.task('nap'), ms))
    await allSettled(runs)
    expect(runs.map((run) => run.outcome())).toEqual(
      [5, 10, 15, 20].map((value) => ({ ok: true, value })),
    )
    expect(pool.stats()).toMatchObject({ workers: 1, queued: 0 })
  })

  it('fails the queue clearly once no worker is left', async () => {
    let spawned = 0
    const pool = createWorkerPool<ReliabilityTasks>(
      () => {
        if (spawned++ > 0) throw new Error('no more workers')
        return new Worker(
          new URL('../fixtures/reliability.worker.ts', import.meta.url),
          { type: 'module' },
        )
      },
      { size: 2 },
    )
    pools.push(pool)
    const crash = record(pool.task('crash'), 10)
    const queued = [1, 2].map((n) => record(pool.task('echo'), n))
    await allSettled([crash, ...queued])
    expect(crash.final()?.error?.name).toBe('WorkerCrashError')
    for (const run of queued) {
      expect(run.final()?.error?.message).toMatch(
        /could not start a worker: no more workers/,
      )
    }
  })
})

describe('outside signals and idle workers', () => {
  it('a signal aborted before invoke ends the run without starting a worker', async () => {
    const counted = newPool({ size: 1 })
    const run = record(counted.pool.task('echo'), 1, {
      signal: AbortSignal.abort('gone'),
    })
    expect(run.final()).toMatchObject({ reason: 'cancelled' })
    await expect(run.run.promise).rejects.toMatchObject({ reason: 'gone' })
    expect(counted.spawned()).toBe(0)
  })

  it('one signal shared by many runs cancels them all, queued or running', async () => {
    const { pool } = newPool({ size: 2, killAfterMs: 30 })
    const owner = new AbortController()
    const runs = Array.from({ length: 12 }, () =>
      record(pool.task('nap'), 200, { signal: owner.signal }),
    )
    const bystander = record(pool.task('nap'), 5)
    owner.abort('unmounted')
    for (const run of runs) {
      expect(run.final()).toMatchObject({ reason: 'cancelled' })
    }
    await expect(bystander.run.promise).resolves.toBe(5)
  })

  it('a signal shared by many runs holds one listener of ours while they go, and none after', async () => {
    const resources = watchLibraryResources()
    try {
      const { pool } = newPool({ size: 2 })
      const owner = new AbortController()
      const echo = pool.task('echo')
      const runs = Array.from({ length: 500 }, (_, i) =>
        echo.run(i, { signal: owner.signal }),
      )
      expect(resources.liveListeners()).toBe(1)
      await expect(Promise.all(runs)).resolves.toEqual([...Array(500).keys()])
      expect(resources.liveListeners()).toBe(0)

      const late = echo.run('late', { signal: owner.signal })
      owner.abort('gone')
      await expect(late).rejects.toMatchObject({ name: 'AbortError' })
      expect(resources.liveListeners()).toBe(0)
    } finally {
      resources.restore()
    }
  })

  it('a worker retiring as a new run arrives loses nothing', async () => {
    const counted = newPool({ size: 1, idleTimeoutMs: 2 })
    for (let i = 0; i < 30; i++) {
      const run = record(counted.pool.task('echo'), i)
      await expect(run.run.promise).resolves.toBe(i)
      // Let the idle timer race the next invoke, a little later each time.
      await new Promise((resolve) => setTimeout(resolve, i % 4))
    }
    expect(counted.alive()).toBeLessThanOrEqual(1)
  })
})
