// API.md §3 and §4 statement by statement, where the existing suites leave
// a statement unchecked: the shape of a run handle and of the status info,
// a period of 0, the run state's fields, and the store's zustand surface.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useStore } from 'zustand'
import { renderHook, act, cleanup } from '@testing-library/react'
import {
  AbortError,
  createLongCallbackStore,
  defineLongTask,
  invokeLongCallback,
  PoolTerminatedError,
  TimeoutError,
  UnknownTaskError,
  WorkerCrashError,
  transfer,
} from '../../src/index.ts'
import type { LongTask, StatusInfo } from '../../src/index.ts'
import { transfer as workerTransfer } from '../../src/worker.ts'
import { gatedTask } from './gatedTask.ts'
import { sleepy, wait } from '../react/helpers.tsx'

const INFO_KEYS = ['elapsedMs', 'message', 'partial', 'progress']

describe('invokeLongCallback (API.md §3)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('returns { id, promise, cancel } with a string id unique to each run', async () => {
    const first = invokeLongCallback(sleepy, 10)
    const second = invokeLongCallback(sleepy, 10)
    expect(Object.keys(first).sort()).toEqual(['cancel', 'id', 'promise'])
    expect(typeof first.id).toBe('string')
    expect(first.id).not.toBe(second.id)
    expect(first.promise).toBeInstanceOf(Promise)
    expect(typeof first.cancel).toBe('function')
    await vi.advanceTimersByTimeAsync(10)
    await expect(first.promise).resolves.toBe(20)
    await expect(second.promise).resolves.toBe(20)
  })

  it('with a period of 0, calls the handler only at the end', async () => {
    const statuses: Array<boolean | number> = []
    const run = invokeLongCallback(sleepy, 500, {
      period: 0,
      onStatus: (status) => statuses.push(status),
    })
    await vi.advanceTimersByTimeAsync(500)
    await run.promise
    expect(statuses).toEqual([true])
  })

  it('gives info with progress, message, partial and elapsedMs on every call', async () => {
    const task = defineLongTask(async (_: undefined, ctx) => {
      ctx.progress(0.5, 'half')
      ctx.partial('some')
      await wait(100, ctx)
      return 'done'
    }, 'reporting')
    const infos: Array<[boolean | number, StatusInfo]> = []
    const run = invokeLongCallback(task, undefined, {
      period: 30,
      onStatus: (status, _result, info) => infos.push([status, info]),
    })
    await vi.advanceTimersByTimeAsync(100)
    await run.promise
    expect(infos.map(([status]) => status)).toEqual([0, 1, 2, 3, true])
    for (const [, info] of infos) {
      for (const key of INFO_KEYS) expect(info).toHaveProperty(key)
      expect(typeof info.elapsedMs).toBe('number')
    }
    expect(infos.at(-1)?.[1]).toMatchObject({
      progress: 0.5,
      message: 'half',
      partial: 'some',
    })
  })

  it("ends with false and info.reason 'error', 'cancelled' or 'timeout', with info.error", async () => {
    const heard: Array<[unknown, unknown, StatusInfo]> = []
    const onStatus = (status: unknown, result: unknown, info: StatusInfo) => {
      if (typeof status === 'boolean') heard.push([status, result, info])
    }
    const failing = defineLongTask(async () => {
      throw new RangeError('bad')
    }, 'failing')
    const failed = invokeLongCallback(failing, undefined, { onStatus })
    const cancelled = invokeLongCallback(sleepy, 1_000, { onStatus })
    cancelled.cancel('stop')
    const timedOut = invokeLongCallback(sleepy, 1_000, {
      onStatus,
      timeoutMs: 50,
    })
    await vi.advanceTimersByTimeAsync(50)
    for (const run of [failed, cancelled, timedOut]) {
      await run.promise.catch(() => {})
    }
    const summary = heard.map(([status, result, info]) => [
      status,
      result,
      info.reason,
      info.error?.name,
    ])
    expect(summary).toEqual([
      [false, undefined, 'cancelled', 'AbortError'],
      [false, undefined, 'error', 'RangeError'],
      [false, undefined, 'timeout', 'TimeoutError'],
    ])
    for (const [, , info] of heard) {
      for (const key of INFO_KEYS) expect(info).toHaveProperty(key)
    }
  })

  it('aborts ctx.signal when the run times out, with the TimeoutError', async () => {
    let seen: unknown
    const watcher = defineLongTask(
      (_: undefined, ctx) =>
        new Promise<never>(() => {
          ctx.signal.addEventListener('abort', () => {
            seen = ctx.signal.reason
          })
        }),
      'watcher',
    )
    const run = invokeLongCallback(watcher, undefined, { timeoutMs: 40 })
    await vi.advanceTimersByTimeAsync(40)
    await expect(run.promise).rejects.toBeInstanceOf(TimeoutError)
    expect(seen).toBeInstanceOf(TimeoutError)
  })

  it('aborts ctx.signal when the caller cancels', async () => {
    let seen: unknown
    const watcher = defineLongTask(
      (_: undefined, ctx) =>
        new Promise<never>(() => {
          ctx.signal.addEventListener('abort', () => {
            seen = ctx.signal.reason
          })
        }),
      'watcher',
    )
    const run = invokeLongCallback(watcher, undefined)
    await vi.advanceTimersByTimeAsync(0)
    run.cancel('enough')
    await expect(run.promise).rejects.toMatchObject({
      name: 'AbortError',
      reason: 'enough',
    })
    expect(seen).toMatchObject({ name: 'AbortError', reason: 'enough' })
  })
})

describe('run state in the store (API.md §4)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('has exactly the fields status, progress, message, partial, result, error, periods, startedAt, endedAt', async () => {
    const store = createLongCallbackStore()
    const run = invokeLongCallback(sleepy, 100, { key: 'k', store })
    const going = store.getState().runs['k']
    expect(Object.keys(going ?? {}).sort()).toEqual(
      [
        'endedAt',
        'error',
        'message',
        'partial',
        'periods',
        'progress',
        'result',
        'startedAt',
        'status',
      ].sort(),
    )
    await vi.advanceTimersByTimeAsync(100)
    await run.promise
    expect(Object.keys(store.getState().runs['k'] ?? {}).sort()).toEqual(
      Object.keys(going ?? {}).sort(),
    )
  })

  it('stamps startedAt at the call and endedAt at the end, in epoch milliseconds', async () => {
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const store = createLongCallbackStore()
    const called = Date.now()
    const run = invokeLongCallback(sleepy, 250, { key: 'k', store })
    expect(store.getState().runs['k']).toMatchObject({
      startedAt: called,
      endedAt: undefined,
    })
    await vi.advanceTimersByTimeAsync(250)
    await run.promise
    expect(store.getState().runs['k']).toMatchObject({
      status: 'success',
      startedAt: called,
      endedAt: called + 250,
    })
  })

  it('counts periods in the state', async () => {
    const store = createLongCallbackStore()
    const run = invokeLongCallback(sleepy, 1_000, {
      key: 'k',
      store,
      period: 100,
    })
    await vi.advanceTimersByTimeAsync(350)
    expect(store.getState().runs['k']?.periods).toBe(3)
    run.cancel()
    await run.promise.catch(() => {})
  })

  it("is 'queued' while the run waits for a worker, then 'running', then ended", async () => {
    const store = createLongCallbackStore()
    const gate = gatedTask()
    const run = invokeLongCallback(gate.task, undefined, { key: 'k', store })
    await vi.advanceTimersByTimeAsync(100)
    expect(store.getState().runs['k']?.status).toBe('queued')
    gate.start()
    expect(store.getState().runs['k']?.status).toBe('running')
    gate.finish('ok')
    await run.promise
    expect(store.getState().runs['k']).toMatchObject({
      status: 'success',
      result: 'ok',
    })
  })

  it('keeps progress null with its message when the amount is unknown', async () => {
    const store = createLongCallbackStore()
    const task = defineLongTask(async (_: undefined, ctx) => {
      ctx.progress(0.25)
      await wait(20, ctx)
      ctx.progress(null, 'counting')
      await wait(20, ctx)
      return 1
    }, 'unknown')
    const run = invokeLongCallback(task, undefined, { key: 'k', store })
    await vi.advanceTimersByTimeAsync(40)
    await run.promise
    expect(store.getState().runs['k']).toMatchObject({
      status: 'success',
      progress: null,
      message: 'counting',
    })
  })

  it('keeps the latest partial result in the run state', async () => {
    const store = createLongCallbackStore()
    const task = defineLongTask(async (_: undefined, ctx) => {
      for (let i = 1; i <= 5; i++) {
        ctx.partial({ rows: i })
        await wait(5, ctx)
      }
      await wait(100, ctx)
      return 'done'
    }, 'rows')
    const run = invokeLongCallback(task, undefined, { key: 'k', store })
    await vi.advanceTimersByTimeAsync(60)
    expect(store.getState().runs['k']).toMatchObject({
      status: 'running',
      partial: { rows: 5 },
    })
    await vi.advanceTimersByTimeAsync(100)
    await run.promise
    expect(store.getState().runs['k']?.partial).toEqual({ rows: 5 })
  })

  it("shows a run that a terminated pool cut off as 'cancelled', with a PoolTerminatedError", async () => {
    const store = createLongCallbackStore()
    const cut: LongTask<undefined, never> = {
      name: 'cut',
      run: () => Promise.reject(new PoolTerminatedError('Pool "p" ended.')),
    }
    const run = invokeLongCallback(cut, undefined, { key: 'k', store })
    await expect(run.promise).rejects.toBeInstanceOf(PoolTerminatedError)
    expect(store.getState().runs['k']?.status).toBe('cancelled')
  })
})

describe('the store is a zustand vanilla store (API.md §4)', () => {
  afterEach(() => {
    cleanup()
  })

  it('has the StoreApi methods and works with zustand useStore', () => {
    const store = createLongCallbackStore()
    for (const method of [
      'getState',
      'setState',
      'subscribe',
      'getInitialState',
    ]) {
      expect(typeof store[method as keyof typeof store]).toBe('function')
    }
    expect(store.getState().runs).toEqual({})
    const { result } = renderHook(() =>
      useStore(store, (state) => state.runs['k']?.status ?? 'none'),
    )
    expect(result.current).toBe('none')
    act(() => {
      const run = invokeLongCallback(sleepy, 1_000, { key: 'k', store })
      run.cancel()
      void run.promise.catch(() => {})
    })
    expect(result.current).toBe('cancelled')
  })
})

describe('exports of the entry points (API.md §1, §2)', () => {
  it('names each error class after itself, and each is an Error', () => {
    const classes = {
      WorkerCrashError,
      TimeoutError,
      PoolTerminatedError,
      UnknownTaskError,
      AbortError,
    }
    for (const [name, ErrorClass] of Object.entries(classes)) {
      const error = new ErrorClass('x')
      expect(error).toBeInstanceOf(Error)
      expect(error.name).toBe(name)
    }
  })

  it('exports transfer from the page entry and the worker entry alike', () => {
    const buffer = new ArrayBuffer(8)
    const value = { buffer }
    expect(typeof transfer).toBe('function')
    expect(typeof workerTransfer).toBe('function')
    expect(transfer(value, [buffer])).toBe(value)
    expect(workerTransfer(value, [buffer])).toBe(value)
  })
})
