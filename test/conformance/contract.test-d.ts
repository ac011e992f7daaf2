// The names and types API.md fixes: the exported types, the shapes of a
// run, its state and its handler, and the typing of every entry point.
import type { ReactNode } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import type { StoreApi } from 'zustand/vanilla'
import {
  createLongCallbackStore,
  createWorkerPool,
  defineLongTask,
  invokeLongCallback,
  transfer,
  useLongCallback,
  useLongCallbackState,
} from '../../src/index.ts'
import type {
  InvokeOptions,
  LongCallbackProviderProps,
  LongCallbackStore,
  LongTask,
  RunState,
  RunStatus,
  StatusInfo,
  TaskContext,
  UseLongCallbackOptions,
  WorkerPool,
  WorkerPoolOptions,
} from '../../src/index.ts'
import { createInlinePool } from '../../src/testing.ts'
import { defineTasks, transfer as workerTransfer } from '../../src/worker.ts'

const taskObject = {
  syncTask: (input: { a: number; b: number }) => input.a + input.b,
  asyncTask: async (limit: number, ctx: TaskContext) => {
    ctx.progress(null)
    ctx.progress(0.5, 'half')
    ctx.partial([1])
    await ctx.checkpoint()
    return `${limit}`
  },
  pair: ([name, count]: [string, number]) => name.repeat(count),
}
const tasks = defineTasks(taskObject)
type Tasks = typeof tasks
const pool = createWorkerPool<Tasks>(() => new Worker('x.js'), {
  size: 2,
  idleTimeoutMs: 30_000,
  killAfterMs: 1_000,
  name: 'primes',
})

describe('the worker side (API.md §1)', () => {
  it('defineTasks returns its argument with its type unchanged', () => {
    expectTypeOf(tasks).toEqualTypeOf<typeof taskObject>()
  })

  it('gives a task a TaskContext of signal, checkpoint, progress and partial', () => {
    expectTypeOf<TaskContext['signal']>().toEqualTypeOf<AbortSignal>()
    expectTypeOf<TaskContext['checkpoint']>().toEqualTypeOf<
      () => Promise<void>
    >()
    expectTypeOf<TaskContext['progress']>().parameters.toEqualTypeOf<
      [value: number | null, message?: string]
    >()
    expectTypeOf<TaskContext['partial']>().parameters.toEqualTypeOf<
      [data: unknown]
    >()
  })

  it('types a task from one input, returning a value or a promise', () => {
    expectTypeOf(pool.task('syncTask')).toEqualTypeOf<
      LongTask<{ a: number; b: number }, number>
    >()
    expectTypeOf(pool.task('asyncTask')).toEqualTypeOf<
      LongTask<number, string>
    >()
    expectTypeOf(pool.task('pair')).toEqualTypeOf<
      LongTask<[string, number], string>
    >()
  })

  it('exports transfer from both entries, returning the value it marks', () => {
    const buffer = new ArrayBuffer(8)
    expectTypeOf(transfer({ buffer }, [buffer])).toEqualTypeOf<{
      buffer: ArrayBuffer
    }>()
    expectTypeOf(workerTransfer({ buffer }, [buffer])).toEqualTypeOf<{
      buffer: ArrayBuffer
    }>()
  })
})

describe('pools and tasks (API.md §2)', () => {
  it('takes the options size, idleTimeoutMs, killAfterMs and name', () => {
    expectTypeOf<WorkerPoolOptions>().toHaveProperty('size')
    expectTypeOf<WorkerPoolOptions>().toHaveProperty('idleTimeoutMs')
    expectTypeOf<WorkerPoolOptions>().toHaveProperty('killAfterMs')
    expectTypeOf<WorkerPoolOptions>().toHaveProperty('name')
    expectTypeOf(createWorkerPool<Tasks>)
      .parameter(0)
      .toEqualTypeOf<() => Worker>()
  })

  it('has terminate() and task(name); an unknown name is a type error', () => {
    expectTypeOf(pool.terminate).toEqualTypeOf<() => void>()
    // @ts-expect-error: the worker module has no task by that name
    pool.task('countPrimez')
  })

  it('makes a LongTask from a page function with defineLongTask', () => {
    const local = defineLongTask(async (url: string, ctx: TaskContext) => {
      ctx.progress(null)
      return url.length
    })
    expectTypeOf(local).toEqualTypeOf<LongTask<string, number>>()
  })
})

describe('invokeLongCallback (API.md §3)', () => {
  it('takes period, onStatus, timeoutMs, killAfterMs, signal, key and store', () => {
    const options: Required<InvokeOptions<string>> = {
      period: 5000,
      onStatus: () => {},
      timeoutMs: 1000,
      killAfterMs: 1000,
      signal: new AbortController().signal,
      key: 'k',
      store: createLongCallbackStore(),
    }
    invokeLongCallback(pool.task('asyncTask'), 5, options)
    // @ts-expect-error: not an option of invokeLongCallback
    invokeLongCallback(pool.task('asyncTask'), 5, { concurrency: 'drop' })
  })

  it('returns { id: string, promise, cancel(reason?) }', () => {
    const run = invokeLongCallback(pool.task('asyncTask'), 5)
    expectTypeOf(run.id).toEqualTypeOf<string>()
    expectTypeOf(run.promise).toEqualTypeOf<Promise<string>>()
    expectTypeOf(run.cancel).parameters.toEqualTypeOf<[reason?: unknown]>()
  })

  it('calls onStatus with a boolean or a number, the result, and info', () => {
    invokeLongCallback(pool.task('asyncTask'), 5, {
      onStatus(status, result, info) {
        expectTypeOf(status).toEqualTypeOf<boolean | number>()
        expectTypeOf(result).toEqualTypeOf<string | undefined>()
        expectTypeOf(info).toEqualTypeOf<StatusInfo>()
      },
    })
  })

  it('gives info { reason?, error?, progress, message, partial, elapsedMs }', () => {
    expectTypeOf<StatusInfo>().toEqualTypeOf<{
      reason?: 'error' | 'cancelled' | 'timeout'
      error?: Error
      progress: number | null
      message: string | undefined
      partial: unknown
      elapsedMs: number
    }>()
  })
})

describe('state in the store (API.md §4)', () => {
  it('makes a zustand StoreApi of every run state', () => {
    expectTypeOf(createLongCallbackStore()).toEqualTypeOf<LongCallbackStore>()
    expectTypeOf<LongCallbackStore>().toExtend<StoreApi<unknown>>()
    expectTypeOf<
      ReturnType<LongCallbackStore['getState']>['runs']
    >().toEqualTypeOf<Record<string, RunState>>()
  })

  it('has RunStatus idle, queued, running, success, error or cancelled', () => {
    expectTypeOf<RunStatus>().toEqualTypeOf<
      'idle' | 'queued' | 'running' | 'success' | 'error' | 'cancelled'
    >()
  })

  it('has RunState { status, progress, message, partial, result, error, periods, startedAt, endedAt }', () => {
    expectTypeOf<keyof RunState>().toEqualTypeOf<
      | 'status'
      | 'progress'
      | 'message'
      | 'partial'
      | 'result'
      | 'error'
      | 'periods'
      | 'startedAt'
      | 'endedAt'
    >()
    expectTypeOf<RunState<number>['result']>().toEqualTypeOf<
      number | undefined
    >()
    expectTypeOf<RunState['status']>().toEqualTypeOf<RunStatus>()
  })

  it('exports the provider props with a store', () => {
    expectTypeOf<LongCallbackProviderProps>().toEqualTypeOf<{
      store?: LongCallbackStore | undefined
      children?: ReactNode
    }>()
  })
})

describe('the hooks (API.md §5)', () => {
  it('takes the options of invokeLongCallback but signal, plus concurrency and cancelOnUnmount', () => {
    type Expected = keyof Omit<InvokeOptions<number>, 'signal'>
    expectTypeOf<
      Exclude<keyof UseLongCallbackOptions<number>, Expected>
    >().toEqualTypeOf<'concurrency' | 'cancelOnUnmount'>()
    expectTypeOf<
      Exclude<Expected, keyof UseLongCallbackOptions<number>>
    >().toEqualTypeOf<never>()
    expectTypeOf<
      NonNullable<UseLongCallbackOptions<number>['concurrency']>
    >().toEqualTypeOf<
      'replace' | 'drop' | 'queue' | 'keepLatest' | 'parallel'
    >()
  })

  it('returns the run state plus isRunning, invoke, invokeAsync, cancel and reset', () => {
    const primes = useLongCallback(pool.task('asyncTask'))
    expectTypeOf(primes).toExtend<RunState<string>>()
    expectTypeOf(primes.isRunning).toEqualTypeOf<boolean>()
    expectTypeOf(primes.invoke).parameters.toEqualTypeOf<[input: number]>()
    expectTypeOf(primes.invoke).returns.toBeVoid()
    expectTypeOf(primes.invokeAsync(1)).toEqualTypeOf<Promise<string>>()
    expectTypeOf(primes.cancel).toEqualTypeOf<() => void>()
    expectTypeOf(primes.reset).toEqualTypeOf<() => void>()
  })

  it('reads a keyed run with an optional selector', () => {
    expectTypeOf(useLongCallbackState('k')).toEqualTypeOf<RunState>()
    expectTypeOf(
      useLongCallbackState('k', (state) => state.status),
    ).toEqualTypeOf<RunStatus>()
  })
})

describe('createInlinePool (API.md §6)', () => {
  it('returns a pool of the same type as createWorkerPool', () => {
    const inline = createInlinePool(taskObject)
    expectTypeOf(inline).toEqualTypeOf<WorkerPool<Tasks>>()
    expectTypeOf(inline).toEqualTypeOf(pool)
    expectTypeOf(inline.task('asyncTask')).toEqualTypeOf<
      LongTask<number, string>
    >()
  })
})
