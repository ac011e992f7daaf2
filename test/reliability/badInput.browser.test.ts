// Bad input to every public function: wrong types from JavaScript callers,
// values that cannot cross threads, tasks that never end, delays too long
// for a timer. Each gets a clear error or a defined meaning; nothing hangs;
// the pool stays usable.
import { afterEach, describe, expect, it } from 'vitest'
import {
  createLongCallbackStore,
  createWorkerPool,
  DataCloneError,
  defineLongTask,
  invokeLongCallback,
  transfer,
} from '../../src/index.ts'
import type { WorkerPool } from '../../src/index.ts'
import { createInlinePool } from '../../src/testing.ts'
import { defineTasks } from '../../src/worker.ts'
import { transfer as workerTransfer } from '../../src/worker.ts'
import type { ReliabilityTasks } from '../fixtures/reliability.worker.ts'
import { countedPool, forbidConsoleNoise, recordRun } from './harness.ts'

forbidConsoleNoise()

const pools: Array<WorkerPool<ReliabilityTasks>> = []
afterEach(() => {
  for (const pool of pools.splice(0)) pool.terminate()
})

function newPool(options: Parameters<typeof countedPool>[0] = {}) {
  const counted = countedPool(options)
  pools.push(counted.pool)
  return counted
}

async function expectUsable(pool: WorkerPool<ReliabilityTasks>) {
  const probe = invokeLongCallback(pool.task('echo'), 'usable')
  await expect(probe.promise).resolves.toBe('usable')
}

// Calls from plain JavaScript: the types say nothing at run time.
const loose = (value: unknown) => value as never

describe('wrong types from JavaScript callers', () => {
  const spawn = () =>
    new Worker(new URL('../fixtures/reliability.worker.ts', import.meta.url), {
      type: 'module',
    })

  it.each([
    [
      () => createWorkerPool(loose(42)),
      /spawn must be a function, received 42/,
    ],
    [() => createWorkerPool(spawn, loose(null)), /options must be an object/],
    [() => createWorkerPool(spawn, loose('big')), /options must be an object/],
    [() => createWorkerPool(spawn, { size: 0 }), /size must be .*received 0/],
    [() => createWorkerPool(spawn, { size: 1.5 }), /size must be a whole/],
    [() => createWorkerPool(spawn, { size: NaN }), /size must be/],
    [() => createWorkerPool(spawn, { size: loose('2') }), /received "2"/],
    [
      () => createWorkerPool(spawn, { idleTimeoutMs: -1 }),
      /idleTimeoutMs must be a number >= 0, received -1/,
    ],
    [
      () => createWorkerPool(spawn, { killAfterMs: loose('soon') }),
      /killAfterMs must be a number >= 0, received "soon"/,
    ],
  ])('createWorkerPool rejects bad arguments (%#)', (call, message) => {
    expect(call).toThrow(TypeError)
    expect(call).toThrow(message)
  })

  it.each([[''], [42], [undefined], [{}]])(
    'pool.task rejects the name %j',
    (name) => {
      const { pool } = newPool()
      expect(() => pool.task(loose(name))).toThrow(
        /pool\.task: name must be a non-empty string/,
      )
    },
  )

  it.each([
    [null, {}, /task must be a LongTask/],
    ['echo', {}, /task must be a LongTask/],
    [{ run: 1 }, {}, /task must be a LongTask/],
    ['ok', null, /options must be an object/],
    ['ok', { period: -1 }, /period must be a number >= 0, received -1/],
    ['ok', { period: '5' }, /period must be a number >= 0, received "5"/],
    ['ok', { timeoutMs: NaN }, /timeoutMs must be a number >= 0/],
    ['ok', { killAfterMs: -5 }, /killAfterMs must be a number >= 0/],
    ['ok', { onStatus: 'log' }, /onStatus must be a function/],
    ['ok', { key: '' }, /key must be a non-empty string/],
    ['ok', { key: 7 }, /key must be a non-empty string, received 7/],
    ['ok', { signal: { aborted: false } }, /signal must be an AbortSignal/],
    ['ok', { store: {} }, /store must be a store/],
  ])(
    'invokeLongCallback rejects task %j with options %j, leaving nothing behind',
    (task, options, message) => {
      const { pool } = newPool()
      const store = createLongCallbackStore()
      const realTask = task === 'ok' ? pool.task('echo') : task
      const call = () =>
        invokeLongCallback(
          loose(realTask),
          1,
          loose(
            options && typeof options === 'object' && !('store' in options)
              ? { ...options, store }
              : options,
          ),
        )
      expect(call).toThrow(TypeError)
      expect(call).toThrow(message)
      expect(pool.stats()).toMatchObject({ workers: 0, queued: 0 })
      expect(store.getState().runs).toEqual({})
    },
  )

  it('cancel takes any reason and hands it over on the AbortError', async () => {
    const { pool } = newPool({ size: 1 })
    const reasons = [undefined, 0, 'why', { code: 7 }, new Error('because')]
    for (const reason of reasons) {
      const run = invokeLongCallback(pool.task('nap'), 50)
      run.cancel(reason)
      const error = await run.promise.catch((e: unknown) => e)
      expect(error).toMatchObject({ name: 'AbortError' })
      expect((error as { reason?: unknown }).reason).toBe(reason)
    }
    await expectUsable(pool)
  })

  it('the other entry points name what was wrong', () => {
    expect(() => defineLongTask(loose('fetch'))).toThrow(
      /defineLongTask: fn must be a function, received "fetch"/,
    )
    expect(() => transfer(loose(1), [])).toThrow(/transfer: .*received number/)
    expect(() => transfer({}, loose('buffer'))).toThrow(
      /transfer: .*and string/,
    )
    expect(() => workerTransfer({}, loose(null))).toThrow(TypeError)
    expect(() => createInlinePool(loose(null))).toThrow(
      /createInlinePool: tasks must be/,
    )
    expect(() => defineTasks(loose(null))).toThrow(
      /defineTasks: .*must be an object of task functions/,
    )
    expect(() => defineTasks(loose({ ok: () => 1, bad: 1 }))).toThrow(
      /defineTasks: .*bad.* must be a function, received number/,
    )
  })

  it('a spawn that returns no Worker fails each run clearly, never hangs', async () => {
    const pool = createWorkerPool<ReliabilityTasks>(
      loose(() => ({})),
      {
        size: 1,
      },
    )
    pools.push(pool)
    for (const value of [1, 2]) {
      const run = invokeLongCallback(pool.task('echo'), value)
      await expect(run.promise).rejects.toThrow(
        /spawn must return a Worker, received an object/,
      )
    }
    expect(pool.stats()).toMatchObject({ workers: 0, running: 0, queued: 0 })
  })
})

describe('values that cannot cross threads', () => {
  it.each([
    ['a function', () => 1],
    ['a DOM node', document.createElement('div')],
    ['a symbol', { tag: Symbol('x') }],
    ['a WeakMap', new WeakMap()],
  ])('fails an input holding %s with a DataCloneError', async (_, input) => {
    const { pool } = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('echo'), loose(input))
    await expect(run.promise).rejects.toBeInstanceOf(DataCloneError)
    await expect(run.promise).rejects.toThrow(/Task "echo" got an input/)
    await expectUsable(pool)
  })

  it('fails a bad input that waited in the queue, and keeps the order', async () => {
    const { pool } = newPool({ size: 1 })
    const first = recordRun(pool.task('nap'), 20)
    const bad = recordRun(
      pool.task('echo'),
      loose(() => 1),
    )
    const after = recordRun(pool.task('echo'), 'after')
    expect(pool.stats().queued).toBe(2)
    await expect(bad.run.promise).rejects.toBeInstanceOf(DataCloneError)
    // It failed when handed to the worker, once the first run had ended.
    expect(first.final()).toMatchObject({ status: true })
    await expect(after.run.promise).resolves.toBe('after')
  })

  it('fails an input whose buffer was already moved away', async () => {
    const { pool } = newPool({ size: 1 })
    const buffer = new ArrayBuffer(8)
    structuredClone(buffer, { transfer: [buffer] })
    const run = invokeLongCallback(
      pool.task('echo'),
      transfer({ buffer }, [buffer]),
    )
    await expect(run.promise).rejects.toBeInstanceOf(DataCloneError)
    await expectUsable(pool)
  })

  it('fails a result that cannot be cloned, naming the task', async () => {
    const { pool } = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('returnsFunction'), undefined)
    await expect(run.promise).rejects.toMatchObject({ name: 'DataCloneError' })
    await expect(run.promise).rejects.toThrow(/"returnsFunction" returned/)
    await expectUsable(pool)
  })
})

describe('bad reports from a task', () => {
  it.each([1.5, -0.1, NaN])(
    'progress(%d) fails the run with a RangeError',
    async (value) => {
      const { pool } = newPool({ size: 1 })
      const run = invokeLongCallback(pool.task('report'), value)
      await expect(run.promise).rejects.toMatchObject({ name: 'RangeError' })
      await expect(run.promise).rejects.toThrow(
        /progress: value must be a number in \[0, 1\] or null/,
      )
      await expectUsable(pool)
    },
  )

  it('a partial result that cannot be cloned fails the run, naming the task', async () => {
    const { pool } = newPool({ size: 1 })
    const run = recordRun(pool.task('badPartial'), undefined)
    await expect(run.run.promise).rejects.toMatchObject({
      name: 'DataCloneError',
    })
    await expect(run.run.promise).rejects.toThrow(
      /Task "badPartial" reported partial data that cannot be cloned/,
    )
    expect(run.calls).toHaveLength(1)
    await expectUsable(pool)
  })
})

describe('a task whose promise never settles', () => {
  it('is ended by its timeout, and its worker is replaced', async () => {
    const counted = newPool({ size: 1, killAfterMs: 30 })
    const run = recordRun(counted.pool.task('never'), undefined, {
      timeoutMs: 20,
    })
    await expect(run.run.promise).rejects.toMatchObject({
      name: 'TimeoutError',
    })
    expect(run.final()).toMatchObject({ status: false, reason: 'timeout' })
    await expectUsable(counted.pool)
    expect(counted.spawned()).toBe(2)
    expect(counted.alive()).toBe(1)
  })

  it('is ended by a cancel, and its worker is replaced', async () => {
    const counted = newPool({ size: 1, killAfterMs: 30 })
    const run = recordRun(counted.pool.task('never'), undefined)
    await expect.poll(() => counted.pool.stats().running).toBe(1)
    run.run.cancel('no more waiting')
    expect(run.final()).toMatchObject({ status: false, reason: 'cancelled' })
    await expect.poll(() => counted.spawned() - counted.alive()).toBe(1)
    await expectUsable(counted.pool)
  })

  it('times out a run still queued behind one, counting queue time', async () => {
    const { pool } = newPool({ size: 1, killAfterMs: 30 })
    const runs = [40, 25].map((timeoutMs) =>
      recordRun(pool.task('never'), undefined, { timeoutMs }),
    )
    for (const run of runs) {
      await expect(run.run.promise).rejects.toMatchObject({
        name: 'TimeoutError',
      })
    }
    // The queued one ended first: its clock started at the call.
    expect(runs[1]?.final()).toBeDefined()
    await expectUsable(pool)
  })
})

describe('delays too long for a timer', () => {
  // Browsers keep delays in 32 bits: a longer one used to fire at once.
  it.each([Infinity, 2 ** 31])('timeoutMs %d means no limit', async (ms) => {
    const { pool } = newPool({ size: 1 })
    const run = invokeLongCallback(pool.task('nap'), 20, { timeoutMs: ms })
    await expect(run.promise).resolves.toBe(20)
  })

  it('a period of Infinity gives the first call and no other', async () => {
    const { pool } = newPool({ size: 1 })
    const run = recordRun(pool.task('nap'), 60, { period: Infinity })
    await run.run.promise
    expect(run.calls.map((call) => call.status)).toEqual([0, true])
  })

  it('killAfterMs of Infinity never terminates the worker', async () => {
    const counted = newPool({ size: 1 })
    const run = recordRun(counted.pool.task('stubborn'), 60, {
      killAfterMs: Infinity,
    })
    await expect.poll(() => counted.pool.stats().running).toBe(1)
    run.run.cancel()
    await expectUsable(counted.pool)
    expect(counted.spawned()).toBe(1)
  })

  it('idleTimeoutMs beyond 2^31 keeps idle workers', async () => {
    const counted = newPool({ size: 1, idleTimeoutMs: 2 ** 32 })
    await expectUsable(counted.pool)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await expectUsable(counted.pool)
    expect(counted.spawned()).toBe(1)
  })
})
