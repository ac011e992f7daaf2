// API.md §1, §5 and §6 where the existing suites leave a statement
// unchecked: isRunning while queued, keepLatest's skipped calls and the
// inline pool's asynchrony.
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AbortError,
  createLongCallbackStore,
  useLongCallback,
} from '../../src/index.ts'
import { createInlinePool } from '../../src/testing.ts'
import { gatedTask } from './gatedTask.ts'
import { sleepy, withStore } from '../react/helpers.tsx'

describe('useLongCallback (API.md §5)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it("shows isRunning while the run is 'queued', not only while 'running'", async () => {
    const gate = gatedTask()
    const { result } = renderHook(() => useLongCallback(gate.task), {
      wrapper: withStore(createLongCallbackStore()),
    })
    act(() => result.current.invoke())
    expect(result.current).toMatchObject({ status: 'queued', isRunning: true })
    act(() => gate.start())
    expect(result.current).toMatchObject({ status: 'running', isRunning: true })
    await act(async () => gate.finish('ok'))
    expect(result.current).toMatchObject({
      status: 'success',
      result: 'ok',
      isRunning: false,
    })
  })

  it('keepLatest: the calls in between end as cancelled, with an AbortError', async () => {
    const { result } = renderHook(
      () => useLongCallback(sleepy, { concurrency: 'keepLatest' }),
      { wrapper: withStore(createLongCallbackStore()) },
    )
    const promises: Array<Promise<number>> = []
    act(() => {
      for (const ms of [100, 1, 2, 3]) {
        promises.push(result.current.invokeAsync(ms))
      }
    })
    await act(() => vi.advanceTimersByTimeAsync(103))
    const outcomes = await Promise.allSettled(promises)
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 200 })
    for (const skipped of outcomes.slice(1, 3)) {
      expect(skipped.status).toBe('rejected')
      const { reason } = skipped as PromiseRejectedResult
      expect(reason).toBeInstanceOf(AbortError)
    }
    expect(outcomes[3]).toEqual({ status: 'fulfilled', value: 6 })
  })
})

describe('createInlinePool (API.md §6)', () => {
  it('runs a task asynchronously: not within the call that starts it', async () => {
    const started: number[] = []
    const pool = createInlinePool({
      mark(n: number) {
        started.push(n)
        return n * 2
      },
    })
    const promise = pool
      .task('mark')
      .run(21, { signal: new AbortController().signal })
    expect(started).toEqual([])
    await expect(promise).resolves.toBe(42)
    expect(started).toEqual([21])
  })

  it('gives tasks the same context: signal, checkpoint, progress and partial', async () => {
    const pool = createInlinePool({
      async work(n: number, ctx) {
        expect(ctx.signal).toBeInstanceOf(AbortSignal)
        ctx.progress(0.5, 'half')
        ctx.partial([n])
        await ctx.checkpoint()
        return n
      },
    })
    const progress: unknown[] = []
    const partials: unknown[] = []
    await expect(
      pool.task('work').run(7, {
        signal: new AbortController().signal,
        onProgress: (value, message) => progress.push([value, message]),
        onPartial: (data) => partials.push(data),
      }),
    ).resolves.toBe(7)
    expect(progress).toEqual([[0.5, 'half']])
    expect(partials).toEqual([[7]])
  })
})
