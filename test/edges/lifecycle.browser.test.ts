// One worker's life as the pool sees it: how it starts, how runs are
// handed to it before and after it is ready, how it is killed, retired and
// terminated, and what is left once the pool is gone.
import { afterEach, describe, expect, it } from 'vitest'
import {
  invokeLongCallback,
  PoolTerminatedError,
  WorkerCrashError,
} from '../../src/index.ts'
import type { StatusInfo, WorkerPool } from '../../src/index.ts'
import { watchLibraryResources } from '../reliability/harness.ts'
import type { EdgeTasks } from './edges.worker.ts'
import type { DeferredTasks } from './deferred.worker.ts'
import { countedPool, settleWithin } from './helpers.ts'
import type { TlaTasks } from './tla.worker.ts'
import type { TwiceTasks } from './twice.worker.ts'

const pools: Array<{ terminate(): void }> = []
afterEach(() => {
  for (const pool of pools.splice(0)) pool.terminate()
})

function newPool<TTasks extends Record<string, never> | object>(
  ...args: Parameters<typeof countedPool>
) {
  const counted = countedPool(...args)
  pools.push(counted.pool)
  return counted as unknown as Omit<typeof counted, 'pool'> & {
    pool: WorkerPool<TTasks & Record<string, never>>
  }
}

describe('a worker that is still starting', () => {
  it('serves a run handed to it before a defineTasks that comes after an await', async () => {
    const { pool } = newPool<DeferredTasks>('deferred', { size: 1 })
    const run = invokeLongCallback(pool.task('double'), 21)
    const outcome = await settleWithin(run.promise, 5_000)
    expect(outcome).toEqual({ state: 'resolved', value: 42 })
  })

  it('serves a run handed to it before a defineTasks that comes after a top-level await', async () => {
    const { pool } = newPool<TlaTasks>('tla', { size: 1 })
    const run = invokeLongCallback(pool.task('triple'), 14)
    const outcome = await settleWithin(run.promise, 5_000)
    expect(outcome).toEqual({ state: 'resolved', value: 42 })
  })

  it.each(['deferred', 'tla'] as const)(
    '(control) the %s worker serves a run posted after its ready message',
    async (fixture) => {
      const urls = {
        deferred: new URL('./deferred.worker.ts', import.meta.url),
        tla: new URL('./tla.worker.ts', import.meta.url),
      }
      const worker = new Worker(urls[fixture], { type: 'module' })
      try {
        const replies: unknown[] = []
        const done = new Promise<unknown>((resolve) => {
          worker.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { rlc?: string }
            replies.push(data)
            if (data.rlc === 'ready') {
              const task = fixture === 'tla' ? 'triple' : 'double'
              worker.postMessage({ rlc: 'run', id: 1, task, input: 6 })
            }
            if (data.rlc === 'done') resolve(data)
          })
        })
        await expect(done).resolves.toMatchObject({ id: 1 })
        expect(replies[0]).toEqual({ rlc: 'ready' })
      } finally {
        worker.terminate()
      }
    },
  )

  it('a cancel before the worker is ready ends the run and keeps the worker', async () => {
    const counted = newPool<TlaTasks>('tla', { size: 1, killAfterMs: 10_000 })
    const { pool } = counted
    const run = invokeLongCallback(pool.task('triple'), 1)
    run.cancel('too early')
    await expect(run.promise).rejects.toMatchObject({ name: 'AbortError' })
    const next = await settleWithin(
      invokeLongCallback(pool.task('triple'), 2).promise,
      3_000,
    )
    expect(next).toEqual({ state: 'resolved', value: 6 })
    expect(counted.spawned()).toBe(1)
  })

  it('a timeout before the worker is ready ends the run as a timeout', async () => {
    const counted = newPool<EdgeTasks>('silent', {
      size: 1,
      startTimeoutMs: 200,
      killAfterMs: 10_000,
    })
    const run = invokeLongCallback(counted.pool.task('echo'), 1, {
      timeoutMs: 20,
    })
    await expect(run.promise).rejects.toMatchObject({ name: 'TimeoutError' })
    // The start deadline still ends the silent worker.
    await expect.poll(() => counted.alive(), { timeout: 2_000 }).toBe(0)
    expect(counted.pool.stats()).toMatchObject({ workers: 0, running: 0 })
  })

  it('a worker that calls defineTasks twice fails its run clearly', async () => {
    const { pool } = newPool<TwiceTasks>('twice', { size: 1 })
    const run = invokeLongCallback(pool.task('one'), undefined)
    const outcome = await settleWithin(run.promise, 5_000)
    expect(outcome.state).toBe('rejected')
    const error = (outcome as { error: Error }).error
    expect(error).toBeInstanceOf(WorkerCrashError)
    expect(error.message).toMatch(/defineTasks: called twice/)
  })
})

describe('killAfterMs', () => {
  it("a run's own killAfterMs wins over a longer one of the pool", async () => {
    const counted = newPool<EdgeTasks>('edges', {
      size: 1,
      killAfterMs: 20_000,
    })
    const run = invokeLongCallback(counted.pool.task('stubborn'), 20_000, {
      killAfterMs: 30,
    })
    await expect.poll(() => counted.pool.stats().running).toBe(1)
    run.cancel()
    await expect.poll(() => counted.alive(), { timeout: 2_000 }).toBe(0)
  })

  it("a run's own killAfterMs wins over a shorter one of the pool", async () => {
    const counted = newPool<EdgeTasks>('edges', { size: 1, killAfterMs: 10 })
    const run = invokeLongCallback(counted.pool.task('stubborn'), 300, {
      killAfterMs: 20_000,
    })
    await expect.poll(() => counted.pool.stats().running).toBe(1)
    run.cancel()
    await expect(
      invokeLongCallback(counted.pool.task('echo'), 'after').promise,
    ).resolves.toBe('after')
    expect(counted.spawned()).toBe(1)
  })

  it('a timeout applies the run killAfterMs too', async () => {
    const counted = newPool<EdgeTasks>('edges', {
      size: 1,
      killAfterMs: 20_000,
    })
    const run = invokeLongCallback(counted.pool.task('stubborn'), 20_000, {
      timeoutMs: 50,
      killAfterMs: 30,
    })
    await expect(run.promise).rejects.toMatchObject({ name: 'TimeoutError' })
    await expect.poll(() => counted.alive(), { timeout: 2_000 }).toBe(0)
  })
})

describe('the pool around its workers', () => {
  it('starts no more workers than runs need, whatever the size', async () => {
    const counted = newPool<EdgeTasks>('edges', { size: 4 })
    for (let i = 0; i < 5; i++) {
      await expect(
        invokeLongCallback(counted.pool.task('echo'), i).promise,
      ).resolves.toBe(i)
    }
    expect(counted.spawned()).toBe(1)
    const pair = [1, 2].map(
      (n) => invokeLongCallback(counted.pool.task('stubborn'), 20 * n).promise,
    )
    await Promise.all(pair)
    expect(counted.spawned()).toBe(2)
  })

  it('several pools of one worker script are independent', async () => {
    const a = newPool<EdgeTasks>('edges', { size: 1 })
    const b = newPool<EdgeTasks>('edges', { size: 1 })
    const c = newPool<EdgeTasks>('edges', { size: 1 })
    const onA = invokeLongCallback(a.pool.task('never'), undefined)
    const onB = invokeLongCallback(b.pool.task('stubborn'), 30)
    const onC = invokeLongCallback(c.pool.task('echo'), 'c')
    a.pool.terminate()
    await expect(onA.promise).rejects.toBeInstanceOf(PoolTerminatedError)
    await expect(onB.promise).resolves.toBe('finished anyway')
    await expect(onC.promise).resolves.toBe('c')
    expect([a.alive(), b.alive(), c.alive()]).toEqual([0, 1, 1])
  })

  it('calls the handler with true before the promise resolves, and with false at the cancel itself', async () => {
    const { pool } = newPool<EdgeTasks>('edges', { size: 1 })
    const order: string[] = []
    const done = invokeLongCallback(pool.task('echo'), 1, {
      onStatus: (status) => order.push(`status ${String(status)}`),
    })
    await done.promise.then(() => order.push('promise'))
    expect(order).toEqual(['status true', 'promise'])

    order.length = 0
    const cancelled = invokeLongCallback(pool.task('never'), undefined, {
      onStatus: (status) => order.push(`status ${String(status)}`),
    })
    void cancelled.promise.catch(() => order.push('promise'))
    cancelled.cancel()
    order.push('after cancel')
    await cancelled.promise.catch(() => {})
    expect(order).toEqual(['status false', 'after cancel', 'promise'])
  })

  it('counts periods from the call while the run waits in the queue', async () => {
    const { pool } = newPool<EdgeTasks>('edges', { size: 1 })
    const blocker = invokeLongCallback(pool.task('stubborn'), 200)
    const seen: Array<{ status: number | boolean; queued: boolean }> = []
    const queued = invokeLongCallback(pool.task('echo'), 'late', {
      period: 40,
      onStatus: (status) =>
        seen.push({ status, queued: pool.stats().queued > 0 }),
    })
    await blocker.promise
    await queued.promise
    const whileQueued = seen.filter((call) => call.queued)
    expect(whileQueued.map((call) => call.status).slice(0, 3)).toEqual([
      0, 1, 2,
    ])
    expect(seen.at(-1)?.status).toBe(true)
  })

  it('reports elapsedMs from the call, queue time included', async () => {
    const { pool } = newPool<EdgeTasks>('edges', { size: 1 })
    const started = performance.now()
    const blocker = invokeLongCallback(pool.task('stubborn'), 150)
    let final: StatusInfo | undefined
    const queued = invokeLongCallback(pool.task('echo'), 'x', {
      onStatus: (status, _result, info) => {
        if (status === true) final = info
      },
    })
    await Promise.all([blocker.promise, queued.promise])
    const wall = performance.now() - started
    expect(final?.elapsedMs).toBeGreaterThanOrEqual(140)
    expect(final?.elapsedMs).toBeLessThanOrEqual(wall + 1)
  })
})

describe('pool.terminate()', () => {
  it('leaves no timer, listener or worker of the library behind', async () => {
    const resources = watchLibraryResources()
    try {
      const counted = countedPool<EdgeTasks>('edges', {
        size: 3,
        idleTimeoutMs: 60_000,
        killAfterMs: 60_000,
      })
      const { pool } = counted
      const outside = new AbortController()
      // An idle worker with its retirement timer.
      await invokeLongCallback(pool.task('echo'), 1).promise
      // A cancelled run that its task ignores: a kill timer.
      const draining = invokeLongCallback(pool.task('stubborn'), 2_000)
      await expect.poll(() => pool.stats().running).toBe(1)
      draining.cancel()
      // A running run and a queued one, with periods, timeouts and an
      // outside signal.
      const running = invokeLongCallback(pool.task('never'), undefined, {
        period: 20,
        timeoutMs: 60_000,
        signal: outside.signal,
      })
      const third = invokeLongCallback(pool.task('never'), undefined)
      const queued = invokeLongCallback(pool.task('echo'), 2, {
        period: 20,
        timeoutMs: 60_000,
        signal: outside.signal,
      })
      expect(pool.stats()).toMatchObject({ workers: 3, queued: 1 })
      pool.terminate()
      for (const run of [running, third, queued]) {
        await expect(run.promise).rejects.toBeInstanceOf(PoolTerminatedError)
      }
      await expect(draining.promise).rejects.toMatchObject({
        name: 'AbortError',
      })
      expect(counted.alive()).toBe(0)
      expect(resources.pendingTimers()).toBe(0)
      expect(resources.liveListeners()).toBe(0)
    } finally {
      resources.restore()
    }
  })

  it('leaves nothing behind for a worker that was still starting', async () => {
    const resources = watchLibraryResources()
    try {
      const counted = countedPool<EdgeTasks>('silent', {
        size: 1,
        startTimeoutMs: 60_000,
      })
      const run = invokeLongCallback(counted.pool.task('echo'), 1)
      counted.pool.terminate()
      await expect(run.promise).rejects.toBeInstanceOf(PoolTerminatedError)
      expect(counted.alive()).toBe(0)
      expect(resources.pendingTimers()).toBe(0)
    } finally {
      resources.restore()
    }
  })
})
