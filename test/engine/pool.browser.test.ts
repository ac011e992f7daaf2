import { afterEach, describe, expect, it } from 'vitest'
import {
  createWorkerPool,
  DataCloneError,
  invokeLongCallback,
  PoolTerminatedError,
  UnknownTaskError,
  WorkerCrashError,
} from '../../src/index.ts'
import type { WorkerPool } from '../../src/index.ts'
import type { EngineTasks } from '../fixtures/engine.worker.ts'
import { enginePool } from '../fixtures/pools.ts'

const pools: Array<WorkerPool<never>> = []

function track<T extends WorkerPool<never>>(pool: T): T {
  pools.push(pool)
  return pool
}

function newPool(...args: Parameters<typeof enginePool>) {
  return track(
    enginePool(...args) as unknown as WorkerPool<never>,
  ) as unknown as ReturnType<typeof enginePool>
}

afterEach(() => {
  for (const pool of pools.splice(0)) pool.terminate()
})

describe('createWorkerPool in a real browser', () => {
  it('runs a task in a worker thread and types its result', async () => {
    const pool = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('add'), [2, 3])
    await expect(run.promise).resolves.toBe(5)
    const where = await invokeLongCallback(pool.task('where'), undefined)
      .promise
    expect(where).toEqual({ inWorker: true })
  })

  it('starts workers lazily, reuses them, and never exceeds the size', async () => {
    const pool = newPool({ size: 2 })
    expect(pool.stats().workers).toBe(0)
    const runs = Array.from({ length: 6 }, (_, i) =>
      invokeLongCallback(pool.task('echo'), i),
    )
    expect(pool.stats()).toMatchObject({ workers: 2, running: 2, queued: 4 })
    await expect(Promise.all(runs.map((r) => r.promise))).resolves.toEqual([
      0, 1, 2, 3, 4, 5,
    ])
    expect(pool.stats()).toMatchObject({ workers: 2, running: 0, queued: 0 })
  })

  it('keeps FIFO order for queued runs and starts them as workers free up', async () => {
    const pool = newPool({ size: 1 })
    const order: number[] = []
    const runs = [30, 10, 20].map((ms, i) => {
      const run = invokeLongCallback(pool.task('stubborn'), ms)
      void run.promise.then(() => order.push(i))
      return run
    })
    await Promise.all(runs.map((r) => r.promise))
    expect(order).toEqual([0, 1, 2])
  })

  it('reports progress coalesced: a million calls make a few messages, the last one arrives', async () => {
    const pool = newPool({ size: 1 })
    const reports: Array<[number | null, string | undefined]> = []
    const cost = await pool.task('flood').run(1_000_000, {
      signal: new AbortController().signal,
      onProgress: (value, message) => reports.push([value, message]),
    })
    expect(reports.length).toBeGreaterThan(0)
    expect(reports.length).toBeLessThan(Math.ceil(cost / 16) + 3)
    expect(reports.at(-1)).toEqual([1, 'flooding'])
  })

  it('hands partial results to the page and keeps the latest in state', async () => {
    const pool = newPool({ size: 1 })
    const seen: number[] = []
    const run = invokeLongCallback(pool.task('partials'), 5, {
      key: 'partials',
      onStatus: (status, _result, info) => {
        if (status === true) seen.push((info.partial as number[]).length)
      },
    })
    await expect(run.promise).resolves.toBe(5)
    expect(seen).toEqual([5])
  })

  it('rebuilds a thrown error with its class name, message, stack, cause and fields', async () => {
    const pool = newPool({ size: 1 })
    const error = await invokeLongCallback(
      pool.task('fails'),
      'short and stout',
    ).promise.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'HttpError',
      message: 'short and stout',
      cause: { detail: 'teapot' },
      code: 418,
    })
    expect((error as Error).stack).toContain('engine.worker')
  })

  it('fails an unknown task name with a clear error, and the pool stays usable', async () => {
    const pool = newPool({ size: 1 })
    const untyped = pool as unknown as WorkerPool<Record<string, () => unknown>>
    const run = invokeLongCallback(untyped.task('nope'), undefined)
    await expect(run.promise).rejects.toBeInstanceOf(UnknownTaskError)
    await expect(run.promise).rejects.toThrow(/no task "nope".*echo/)
    // Names every object has are not tasks of the module.
    for (const name of ['toString', 'constructor']) {
      await expect(
        invokeLongCallback(untyped.task(name), undefined).promise,
      ).rejects.toBeInstanceOf(UnknownTaskError)
    }
    await expect(
      invokeLongCallback(pool.task('echo'), 1).promise,
    ).resolves.toBe(1)
  })

  it('fails an input that cannot be cloned with a DataCloneError naming the task', async () => {
    const pool = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('echo'), () => 1)
    await expect(run.promise).rejects.toBeInstanceOf(DataCloneError)
    await expect(run.promise).rejects.toThrow(/Task "echo".*input/)
    await expect(
      invokeLongCallback(pool.task('echo'), 2).promise,
    ).resolves.toBe(2)
  })

  it('fails a result that cannot be cloned with a DataCloneError naming the task', async () => {
    const pool = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('returnsFunction'), undefined)
    await expect(run.promise).rejects.toThrow(/Task "returnsFunction" returned/)
    await expect(run.promise).rejects.toMatchObject({ name: 'DataCloneError' })
  })

  it('fails only the run of a worker that throws from a timer, and replaces it', async () => {
    const pool = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('crashLater'), undefined)
    await expect(run.promise).rejects.toBeInstanceOf(WorkerCrashError)
    await expect(run.promise).rejects.toThrow(/boom from a timer/)
    await expect(
      invokeLongCallback(pool.task('add'), [1, 1]).promise,
    ).resolves.toBe(2)
    expect(pool.stats().workers).toBe(1)
  })

  it('detects a worker that calls self.close()', async () => {
    const pool = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('closeSelf'), undefined)
    await expect(run.promise).rejects.toThrow(/self\.close\(\)/)
    await expect(run.promise).rejects.toBeInstanceOf(WorkerCrashError)
    await expect(
      invokeLongCallback(pool.task('echo'), 'ok').promise,
    ).resolves.toBe('ok')
  })

  it('fails the runs of a script that throws at top level, saying so', async () => {
    const pool = track(
      createWorkerPool<EngineTasks>(
        () =>
          new Worker(new URL('../fixtures/broken.worker.ts', import.meta.url), {
            type: 'module',
          }),
        { size: 1 },
      ) as unknown as WorkerPool<never>,
    ) as unknown as WorkerPool<EngineTasks>
    const first = invokeLongCallback(pool.task('echo'), 1)
    const second = invokeLongCallback(pool.task('echo'), 2)
    await expect(first.promise).rejects.toThrow(
      /failed to start.*broken at top level/,
    )
    await expect(second.promise).rejects.toBeInstanceOf(WorkerCrashError)
  })

  it('fails the runs of a script that cannot load, saying so', async () => {
    const pool = track(
      createWorkerPool<EngineTasks>(
        () => new Worker('/does-not-exist.worker.js', { type: 'module' }),
        { size: 1 },
      ) as unknown as WorkerPool<never>,
    ) as unknown as WorkerPool<EngineTasks>
    const run = invokeLongCallback(pool.task('echo'), 1)
    await expect(run.promise).rejects.toThrow(
      /failed to start: its script did not load/,
    )
  })

  it('fails the run of a script that never calls defineTasks after startTimeoutMs', async () => {
    const pool = track(
      createWorkerPool<EngineTasks>(
        () =>
          new Worker(new URL('../fixtures/silent.worker.ts', import.meta.url), {
            type: 'module',
          }),
        { size: 1, startTimeoutMs: 300 },
      ) as unknown as WorkerPool<never>,
    ) as unknown as WorkerPool<EngineTasks>
    const first = invokeLongCallback(pool.task('echo'), 1)
    const second = invokeLongCallback(pool.task('echo'), 2)
    await expect(first.promise).rejects.toThrow(
      /did not start within 300 ms.*defineTasks/,
    )
    // The queued run gets a fresh worker, and its own deadline.
    await expect(second.promise).rejects.toBeInstanceOf(WorkerCrashError)
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0 })
  })

  it('fails runs with the error of a spawn function that throws', async () => {
    const pool = track(
      createWorkerPool<EngineTasks>(() => {
        throw new Error('no workers here')
      }) as unknown as WorkerPool<never>,
    ) as unknown as WorkerPool<EngineTasks>
    const run = invokeLongCallback(pool.task('echo'), 1)
    await expect(run.promise).rejects.toThrow(
      /could not start a worker: no workers here/,
    )
  })

  it('moves a 64 MiB ArrayBuffer both ways without copying', async () => {
    const pool = newPool({ size: 1 })
    const size = 64 * 1024 * 1024
    const { buffer } = await invokeLongCallback(pool.task('makeBuffer'), size)
      .promise
    expect(buffer.byteLength).toBe(size)
    new Uint8Array(buffer)[0] = 3
    const { transfer } = await import('../../src/index.ts')
    const sum = invokeLongCallback(
      pool.task('sumBytes'),
      transfer(buffer, [buffer]),
    )
    // The sender's copy is detached the moment the run is handed over.
    expect(buffer.byteLength).toBe(0)
    await expect(sum.promise).resolves.toBe(10)
  })
})

describe('cancel, timeout and terminate', () => {
  it('cancels a queued run without starting it', async () => {
    const pool = newPool({ size: 1 })
    const first = invokeLongCallback(pool.task('stubborn'), 50)
    const queued = invokeLongCallback(pool.task('where'), undefined)
    expect(pool.stats().queued).toBe(1)
    queued.cancel('changed my mind')
    expect(pool.stats().queued).toBe(0)
    await expect(queued.promise).rejects.toMatchObject({
      name: 'AbortError',
      reason: 'changed my mind',
    })
    await expect(first.promise).resolves.toBe('finished anyway')
  })

  it('lets a cooperative task stop at its next checkpoint, keeping its worker', async () => {
    const pool = newPool({ size: 1, killAfterMs: 5_000 })
    const run = invokeLongCallback(pool.task('cooperative'), 10_000)
    await expect.poll(() => pool.stats().running).toBe(1)
    run.cancel()
    await expect(run.promise).rejects.toMatchObject({ name: 'AbortError' })
    // The worker frees up long before killAfterMs: the task saw the signal.
    await expect
      .poll(() => pool.stats(), { timeout: 2_000 })
      .toMatchObject({
        workers: 1,
        running: 0,
      })
    await expect(
      invokeLongCallback(pool.task('echo'), 1).promise,
    ).resolves.toBe(1)
  })

  it('terminates a worker whose task ignores the cancel after killAfterMs', async () => {
    const pool = newPool({ size: 1, killAfterMs: 100 })
    const stubborn = invokeLongCallback(pool.task('stubborn'), 60_000)
    await expect.poll(() => pool.stats().running).toBe(1)
    stubborn.cancel()
    await expect(stubborn.promise).rejects.toMatchObject({ name: 'AbortError' })
    const next = invokeLongCallback(pool.task('echo'), 'after the kill')
    // Only a replaced worker can answer while the old one spins for a minute.
    await expect(next.promise).resolves.toBe('after the kill')
  })

  it('ends a run with a TimeoutError after timeoutMs and frees the worker', async () => {
    const pool = newPool({ size: 1, killAfterMs: 50 })
    const run = invokeLongCallback(pool.task('never'), undefined, {
      timeoutMs: 100,
    })
    await expect(run.promise).rejects.toMatchObject({ name: 'TimeoutError' })
    await expect(
      invokeLongCallback(pool.task('echo'), 3).promise,
    ).resolves.toBe(3)
  })

  it('cancels through an outside AbortSignal', async () => {
    const pool = newPool({ size: 1 })
    const controller = new AbortController()
    const run = invokeLongCallback(pool.task('cooperative'), 10_000, {
      signal: controller.signal,
    })
    controller.abort('navigated away')
    await expect(run.promise).rejects.toMatchObject({
      name: 'AbortError',
      reason: 'navigated away',
    })
  })

  it('ends every run on terminate, and fails later runs at once', async () => {
    const pool = newPool({ size: 1 })
    const running = invokeLongCallback(pool.task('never'), undefined)
    const queued = invokeLongCallback(pool.task('echo'), 1)
    pool.terminate()
    await expect(running.promise).rejects.toBeInstanceOf(PoolTerminatedError)
    await expect(queued.promise).rejects.toBeInstanceOf(PoolTerminatedError)
    await expect(
      invokeLongCallback(pool.task('echo'), 1).promise,
    ).rejects.toBeInstanceOf(PoolTerminatedError)
    expect(pool.stats()).toMatchObject({ workers: 0, terminated: true })
  })

  it('ends idle workers after idleTimeoutMs', async () => {
    const pool = newPool({ size: 2, idleTimeoutMs: 50 })
    const runs = [1, 2].map((n) => invokeLongCallback(pool.task('echo'), n))
    expect(pool.stats().workers).toBe(2)
    await Promise.all(runs.map((run) => run.promise))
    await expect.poll(() => pool.stats().workers).toBe(0)
  })
})
