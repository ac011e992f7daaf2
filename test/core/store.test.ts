import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  dispatch,
  dispatchProgress,
  observeRun,
  reduce,
} from '../../src/core/store.ts'
import {
  createLongCallbackStore,
  defineLongTask,
  idleRunState,
  invokeLongCallback,
  LongCallbackProvider,
  useLongCallback,
} from '../../src/index.ts'
import type { LongCallbackState, TaskContext } from '../../src/index.ts'
import { createElement, type ReactNode } from 'react'

const RUNS = 10_000

const quick = defineLongTask(async (n: number) => n, 'quick')
const slow = defineLongTask(
  (ms: number, ctx: TaskContext) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => resolve(ms), ms)
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(ctx.signal.reason)
      })
    }),
  'slow',
)

const empty: LongCallbackState = { runs: {}, owners: {} }

describe('reduce', () => {
  it('ignores a run that no longer owns its entry', () => {
    const started = [
      { type: 'start', key: 'k', runId: 'a', status: 'running', startedAt: 1 },
      { type: 'start', key: 'k', runId: 'b', status: 'queued', startedAt: 2 },
    ] as const
    const state = started.reduce(reduce, empty)
    const after = reduce(state, {
      type: 'settle',
      key: 'k',
      runId: 'a',
      status: 'success',
      result: 1,
      endedAt: 3,
    })
    expect(after).toBe(state)
    expect(after.runs['k']).toMatchObject({ status: 'queued', startedAt: 2 })
  })

  it('does not change an ended run', () => {
    let state = reduce(empty, {
      type: 'start',
      key: 'k',
      runId: 'a',
      status: 'running',
      startedAt: 1,
    })
    state = reduce(state, {
      type: 'settle',
      key: 'k',
      runId: 'a',
      status: 'cancelled',
      endedAt: 2,
    })
    const late = reduce(state, {
      type: 'progress',
      key: 'k',
      runId: 'a',
      progress: 0.9,
    })
    expect(late).toBe(state)
  })

  it('keeps every other entry the same object', () => {
    const start = (key: string) =>
      ({
        type: 'start',
        key,
        runId: key,
        status: 'running',
        startedAt: 0,
      }) as const
    const state = [start('a'), start('b')].reduce(reduce, empty)
    const next = reduce(state, {
      type: 'progress',
      key: 'a',
      runId: 'a',
      progress: 0.5,
    })
    expect(next.runs['b']).toBe(state.runs['b'])
    expect(next.runs['a']).not.toBe(state.runs['a'])
  })
})

describe('progress waiting for the frame', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it("keeps the newer run's report when a superseded run reports after it", () => {
    vi.useFakeTimers()
    const store = createLongCallbackStore()
    const start = (runId: string) =>
      dispatch(store, {
        type: 'start',
        key: 'k',
        runId,
        status: 'running',
        startedAt: 0,
      })
    start('old')
    start('new')
    const report = (runId: string, progress: number) =>
      dispatchProgress(store, { type: 'progress', key: 'k', runId, progress })
    report('new', 1)
    report('old', 0.1)

    vi.advanceTimersByTime(16)
    expect(store.getState().runs.k?.progress).toBe(1)
  })
})

describe('store size', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('forgets unkeyed runs that nobody observes once they end', async () => {
    const store = createLongCallbackStore()
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      runs.push(invokeLongCallback(quick, i, { store }).promise)
    }
    // In flight but unobserved: kept out of the store, which stays quiet.
    expect(store.getState().runs).toEqual({})
    await Promise.all(runs)
    await vi.advanceTimersByTimeAsync(20)
    expect(store.getState().runs).toEqual({})
    expect(store.getState().owners).toEqual({})
  })

  it('keeps one entry per key, the latest run', async () => {
    const store = createLongCallbackStore()
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      const key = `key-${i % 3}`
      runs.push(invokeLongCallback(quick, i, { store, key }).promise)
    }
    await Promise.all(runs)
    const state = store.getState().runs
    expect(Object.keys(state).sort()).toEqual(['key-0', 'key-1', 'key-2'])
    expect(state['key-0']).toMatchObject({ status: 'success', result: 9999 })
  })

  it('keeps an observed run until it is let go', async () => {
    const store = createLongCallbackStore()
    const run = invokeLongCallback(quick, 7, { store })
    const release = observeRun(store, run.id)
    await run.promise
    expect(store.getState().runs[run.id]).toMatchObject({ result: 7 })
    release()
    release()
    expect(store.getState().runs).toEqual({})
  })

  it(
    'stays small through the hook with replace',
    { timeout: 60_000 },
    async () => {
      const store = createLongCallbackStore()
      const wrapper = ({ children }: { children: ReactNode }) =>
        createElement(LongCallbackProvider, { store }, children)
      const { result } = renderHook(() => useLongCallback(slow), { wrapper })
      act(() => {
        for (let i = 0; i < RUNS; i++) result.current.invoke(100)
      })
      expect(Object.keys(store.getState().runs)).toHaveLength(1)
      for (let round = 0; round < 100; round++) {
        act(() => result.current.invoke(1))
        await act(() => vi.advanceTimersByTimeAsync(1))
      }
      expect(Object.keys(store.getState().runs)).toHaveLength(1)
      expect(result.current).toMatchObject({ status: 'success', result: 1 })
      expect(vi.getTimerCount()).toBe(0)
    },
  )

  it('stays small through the hook with parallel runs', async () => {
    // Runs no longer shown leave the store while still going, so even
    // 10,000 in flight stay cheap to update.
    const parallelRuns = RUNS
    const store = createLongCallbackStore()
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(LongCallbackProvider, { store }, children)
    const { result, unmount } = renderHook(
      () => useLongCallback(quick, { concurrency: 'parallel' }),
      { wrapper },
    )
    await act(async () => {
      const runs = []
      for (let i = 0; i < parallelRuns; i++) {
        runs.push(result.current.invokeAsync(i))
      }
      await Promise.all(runs)
    })
    expect(Object.keys(store.getState().runs)).toHaveLength(1)
    expect(result.current.result).toBe(parallelRuns - 1)
    unmount()
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().runs).toEqual({})
  })

  it('removes an entry on a remove action, whoever owns it', () => {
    const store = createLongCallbackStore()
    dispatch(store, {
      type: 'start',
      key: 'k',
      runId: 'r',
      status: 'running',
      startedAt: 0,
    })
    dispatch(store, { type: 'remove', key: 'k' })
    expect(store.getState().runs['k'] ?? idleRunState).toBe(idleRunState)
  })
})
