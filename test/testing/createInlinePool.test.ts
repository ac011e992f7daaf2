import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DataCloneError,
  invokeLongCallback,
  PoolTerminatedError,
  UnknownTaskError,
} from '../../src/index.ts'
import type { TaskContext, WorkerPool } from '../../src/index.ts'
import { createInlinePool } from '../../src/testing.ts'
import { defineTasks } from '../../src/worker.ts'

const tasks = defineTasks({
  double: (n: number) => n * 2,
  async steps(count: number, ctx) {
    for (let i = 1; i <= count; i++) {
      ctx.progress(i / count, `step ${i}`)
      await ctx.checkpoint()
    }
    return 'done'
  },
  mutate(list: number[]) {
    list.push(99)
    return list.length
  },
  fails: (): never => {
    throw new SyntaxError('bad syntax')
  },
  returnsFunction: () => () => 1,
  wait: (_: undefined, ctx) =>
    new Promise<never>((_resolve, reject) =>
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
    ),
})

describe('createInlinePool', () => {
  it('returns defineTasks input unchanged outside a worker', () => {
    expect(typeof tasks.double).toBe('function')
  })

  it('runs a task on this thread with the same result and progress', async () => {
    const pool = createInlinePool(tasks)
    const onStatus = vi.fn()
    const run = invokeLongCallback(pool.task('steps'), 3, { onStatus })
    await expect(run.promise).resolves.toBe('done')
    const [status, result, info] = onStatus.mock.lastCall ?? []
    expect([status, result]).toEqual([true, 'done'])
    expect(info).toMatchObject({ progress: 1, message: 'step 3' })
  })

  it('clones inputs as a worker would, so the caller keeps its own copy', async () => {
    const pool = createInlinePool(tasks)
    const list = [1, 2]
    await expect(
      invokeLongCallback(pool.task('mutate'), list).promise,
    ).resolves.toBe(3)
    expect(list).toEqual([1, 2])
  })

  it('fails values a worker could not receive with a DataCloneError naming the task', async () => {
    const pool = createInlinePool(tasks)
    const bad = invokeLongCallback(pool.task('double'), (() => 1) as never)
    await expect(bad.promise).rejects.toBeInstanceOf(DataCloneError)
    await expect(bad.promise).rejects.toThrow(/Task "double" got an input/)
    const result = invokeLongCallback(pool.task('returnsFunction'), undefined)
    await expect(result.promise).rejects.toThrow(/returned a value/)
  })

  it('passes thrown errors, unknown names and terminate through like a worker pool', async () => {
    const pool = createInlinePool(tasks)
    await expect(
      invokeLongCallback(pool.task('fails'), undefined).promise,
    ).rejects.toBeInstanceOf(SyntaxError)
    const untyped = pool as unknown as WorkerPool<Record<string, () => 0>>
    await expect(
      invokeLongCallback(untyped.task('missing'), undefined).promise,
    ).rejects.toBeInstanceOf(UnknownTaskError)

    const waiting = invokeLongCallback(pool.task('wait'), undefined)
    await vi.waitFor(() => expect(pool.stats().running).toBe(1))
    pool.terminate()
    await expect(waiting.promise).rejects.toBeInstanceOf(PoolTerminatedError)
    await expect(
      invokeLongCallback(pool.task('double'), 1).promise,
    ).rejects.toBeInstanceOf(PoolTerminatedError)
  })

  it("knows only the task object's own tasks", async () => {
    const untyped = createInlinePool(tasks) as unknown as WorkerPool<
      Record<string, () => unknown>
    >
    for (const name of ['toString', 'constructor', 'hasOwnProperty']) {
      await expect(
        invokeLongCallback(untyped.task(name), undefined).promise,
      ).rejects.toBeInstanceOf(UnknownTaskError)
    }
  })

  it('rejects bad arguments from JavaScript callers with a TypeError', () => {
    const loose = createInlinePool as (...args: unknown[]) => WorkerPool<never>
    expect(() => loose(tasks, null)).toThrow(
      'createInlinePool: options must be an object, received null.',
    )
    expect(() => loose(null)).toThrow(
      'createInlinePool: tasks must be the object given to defineTasks, received null.',
    )
    const pool = createInlinePool(tasks) as unknown as {
      task(name: unknown): unknown
    }
    expect(() => pool.task(42)).toThrow(
      'pool.task: name must be a non-empty string, received 42.',
    )
  })

  it('aborts the task signal on cancel', async () => {
    const pool = createInlinePool(tasks)
    const run = invokeLongCallback(pool.task('wait'), undefined)
    run.cancel('enough')
    await expect(run.promise).rejects.toMatchObject({
      name: 'AbortError',
      reason: 'enough',
    })
  })
})

// Jest's jsdom environment has no structuredClone at all, and the jsdom that
// Jest 29 brings has neither AbortSignal.any nor signal.throwIfAborted.
describe('createInlinePool where the platform is older, as in Jest', () => {
  const hidden = [
    [globalThis, 'structuredClone'],
    [AbortSignal, 'any'],
    [AbortSignal.prototype, 'throwIfAborted'],
  ] as const
  const saved = hidden.map(([owner, name]) =>
    Object.getOwnPropertyDescriptor(owner, name),
  )

  beforeEach(() => {
    for (const [owner, name] of hidden) {
      Object.defineProperty(owner, name, {
        value: undefined,
        configurable: true,
      })
    }
  })

  afterEach(() => {
    hidden.forEach(([owner, name], i) => {
      Object.defineProperty(owner, name, saved[i] as PropertyDescriptor)
    })
  })

  it('runs tasks with progress and checkpoints', async () => {
    expect(typeof structuredClone).toBe('undefined')
    const pool = createInlinePool(tasks)
    const onStatus = vi.fn()
    const run = invokeLongCallback(pool.task('steps'), 3, { onStatus })
    await expect(run.promise).resolves.toBe('done')
    expect(onStatus.mock.lastCall?.[2]).toMatchObject({ progress: 1 })
  })

  it('passes values as they are, having nothing to clone them with', async () => {
    const pool = createInlinePool(tasks)
    const list = [1, 2]
    await invokeLongCallback(pool.task('mutate'), list).promise
    expect(list).toEqual([1, 2, 99])
  })

  it('stops a task at its next checkpoint on cancel, with the reason', async () => {
    let seen: unknown
    const pool = createInlinePool({
      async spin(_: undefined, ctx: TaskContext) {
        try {
          for (;;) await ctx.checkpoint()
        } catch (error) {
          seen = error
          throw error
        }
      },
    })
    const run = invokeLongCallback(pool.task('spin'), undefined)
    await vi.waitFor(() => expect(pool.stats().running).toBe(1))
    run.cancel('enough')
    await expect(run.promise).rejects.toMatchObject({ reason: 'enough' })
    await vi.waitFor(() => expect(seen).toMatchObject({ reason: 'enough' }))
    expect(pool.stats().running).toBe(0)
  })

  it('ends a running task on terminate', async () => {
    const pool = createInlinePool(tasks)
    const waiting = invokeLongCallback(pool.task('wait'), undefined)
    await vi.waitFor(() => expect(pool.stats().running).toBe(1))
    pool.terminate()
    await expect(waiting.promise).rejects.toBeInstanceOf(PoolTerminatedError)
  })
})
