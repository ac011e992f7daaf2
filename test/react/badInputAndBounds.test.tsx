import { act, cleanup, render, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  defineLongTask,
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
  type LongCallbackStore,
  type TaskContext,
} from '../../src/index.ts'
import { settle, sleepy, wait, withStore } from './helpers.tsx'

describe('bad input from JavaScript callers', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('a provider store that is not a store is a TypeError naming it', () => {
    function Job() {
      useLongCallback(sleepy)
      return null
    }
    expect(() =>
      render(
        <LongCallbackProvider store={{} as LongCallbackStore}>
          <Job />
        </LongCallbackProvider>,
      ),
    ).toThrow(
      /store must be a store from createLongCallbackStore, received an object/,
    )
  })

  it('a provider store that is not a store is named for useLongCallbackState too', () => {
    function Reader() {
      useLongCallbackState('k')
      return null
    }
    expect(() =>
      render(
        <LongCallbackProvider store={{} as LongCallbackStore}>
          <Reader />
        </LongCallbackProvider>,
      ),
    ).toThrow(
      /store must be a store from createLongCallbackStore, received an object/,
    )
  })

  it.each([
    [
      { period: '100' },
      'useLongCallback: period must be a number >= 0, received "100".',
    ],
    [
      { timeoutMs: Number.NaN },
      'useLongCallback: timeoutMs must be a number >= 0, received NaN.',
    ],
    [
      { key: 5 },
      'useLongCallback: key must be a non-empty string, received 5.',
    ],
    [
      { onStatus: 'x' },
      'useLongCallback: onStatus must be a function, received "x".',
    ],
    [
      { cancelOnUnmount: 'no' },
      'useLongCallback: cancelOnUnmount must be a boolean, received "no".',
    ],
    [
      { store: {} },
      'useLongCallback: store must be a store from createLongCallbackStore, received an object.',
    ],
    [
      { store: null },
      'useLongCallback: store must be a store from createLongCallbackStore, received null.',
    ],
  ])('options %o throw a named TypeError', (options, message) => {
    expect(() =>
      renderHook(() => useLongCallback(sleepy, options as never), {
        wrapper: withStore(createLongCallbackStore()),
      }),
    ).toThrow(new TypeError(message))
  })

  it('bad options given in a later render are named too', () => {
    const hook = renderHook(
      ({ period }: { period: unknown }) =>
        useLongCallback(sleepy, { period: period as number }),
      {
        initialProps: { period: 10 as unknown },
        wrapper: withStore(createLongCallbackStore()),
      },
    )
    expect(() => hook.rerender({ period: -1 })).toThrow(
      'useLongCallback: period must be a number >= 0, received -1.',
    )
  })
})

describe('the store stays bounded', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('queue: unkeyed runs leave the store once no longer shown', async () => {
    const store = createLongCallbackStore()
    const { result, unmount } = renderHook(
      () => useLongCallback(sleepy, { concurrency: 'queue' }),
      { wrapper: withStore(store) },
    )
    act(() => {
      for (let i = 0; i < 50; i++) result.current.invoke(1)
    })
    await act(() => vi.advanceTimersByTimeAsync(60))
    expect(result.current).toMatchObject({ status: 'success', result: 2 })
    expect(Object.keys(store.getState().runs)).toHaveLength(1)
    unmount()
    await settle()
    expect(store.getState()).toEqual({ runs: {}, owners: {} })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a reader of an unkeyed-run-free store sees nothing, keyed runs stay', async () => {
    const store = createLongCallbackStore()
    const a = renderHook(() => useLongCallback(sleepy, { key: 'a' }), {
      wrapper: withStore(store),
    })
    act(() => a.result.current.invoke(5))
    await act(() => vi.advanceTimersByTimeAsync(5))
    a.unmount()
    await settle()
    expect(Object.keys(store.getState().runs)).toEqual(['a'])
  })

  it('a run started without a key is cancelled on unmount even if a key was added later', async () => {
    const store = createLongCallbackStore()
    const run = vi.fn(async (ms: number, ctx: TaskContext) => {
      await wait(ms, ctx)
      return ms
    })
    const task = defineLongTask(run, 'tracked')
    const hook = renderHook(
      ({ k }: { k: string | undefined }) => useLongCallback(task, { key: k }),
      {
        initialProps: { k: undefined as string | undefined },
        wrapper: withStore(store),
      },
    )
    let promise!: Promise<number>
    act(() => {
      promise = hook.result.current.invokeAsync(1000)
    })
    hook.rerender({ k: 'later' })
    hook.unmount()
    await settle()
    // The unkeyed run is in no entry anyone can read or cancel: it must not
    // outlive its owner.
    const state = { value: 'pending' }
    promise.then(
      () => (state.value = 'resolved'),
      () => (state.value = 'rejected'),
    )
    await settle()
    expect(state.value).toBe('rejected')
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('progress batching', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('keyed flood: readers render once per frame and the final state has the last progress', async () => {
    const store = createLongCallbackStore()
    const flood = defineLongTask(async (count: number, ctx: TaskContext) => {
      for (let i = 1; i <= count; i++) {
        ctx.progress(i / count, `at ${i}`)
        ctx.partial(i)
        if (i % 1000 === 0) await new Promise((r) => setTimeout(r, 1))
      }
      return count
    }, 'flood')
    let renders = 0
    const reader = renderHook(
      () => {
        renders++
        return useLongCallbackState('f')
      },
      { wrapper: withStore(store) },
    )
    const job = renderHook(() => useLongCallback(flood, { key: 'f' }), {
      wrapper: withStore(store),
    })
    renders = 0
    act(() => job.result.current.invoke(50_000))
    await act(() => vi.advanceTimersByTimeAsync(60))
    expect(reader.result.current).toMatchObject({
      status: 'success',
      progress: 1,
      message: 'at 50000',
      partial: 50_000,
    })
    expect(renders).toBeLessThanOrEqual(60 / 16 + 3)
  })

  it('parallel: the older run that reports late changes nothing', async () => {
    const store = createLongCallbackStore()
    const late = defineLongTask(async (ms: number, ctx: TaskContext) => {
      await wait(ms, ctx)
      ctx.progress(ms / 1000, `late ${ms}`)
      await wait(ms, ctx)
      return ms
    }, 'late')
    const { result } = renderHook(
      () => useLongCallback(late, { concurrency: 'parallel', key: 'p' }),
      { wrapper: withStore(store) },
    )
    act(() => {
      result.current.invoke(100)
      result.current.invoke(10)
    })
    await act(() => vi.advanceTimersByTimeAsync(30))
    const shown = result.current
    expect(shown).toMatchObject({ status: 'success', progress: 0.01 })
    await act(() => vi.advanceTimersByTimeAsync(300))
    expect(result.current.progress).toBe(0.01)
    expect(result.current.message).toBe('late 10')
  })
})
