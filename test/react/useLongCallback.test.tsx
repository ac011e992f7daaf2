import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  useLongCallback,
  type StatusHandler,
} from '../../src/index.ts'
import { sleepy, stepper, wait, withStore } from './helpers.tsx'

describe('useLongCallback', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('shows idle, then running, then the result', async () => {
    const store = createLongCallbackStore()
    const { result } = renderHook(() => useLongCallback(sleepy), {
      wrapper: withStore(store),
    })
    expect(result.current).toMatchObject({ status: 'idle', isRunning: false })

    act(() => result.current.invoke(100))
    expect(result.current).toMatchObject({ status: 'running', isRunning: true })

    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(result.current).toMatchObject({
      status: 'success',
      result: 200,
      isRunning: false,
    })
  })

  it('shows progress and its message', async () => {
    const store = createLongCallbackStore()
    const { result } = renderHook(() => useLongCallback(stepper), {
      wrapper: withStore(store),
    })
    act(() => result.current.invoke(4))
    await act(() => vi.advanceTimersByTimeAsync(125))
    expect(result.current.progress).toBe(0.5)
    expect(result.current.message).toBe('step 2')
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(result.current).toMatchObject({ status: 'success', progress: 1 })
  })

  it('keeps invoke, invokeAsync, cancel and reset stable', async () => {
    const { result, rerender } = renderHook(() => useLongCallback(sleepy), {
      wrapper: withStore(createLongCallbackStore()),
    })
    const first = result.current
    act(() => first.invoke(10))
    await act(() => vi.advanceTimersByTimeAsync(10))
    rerender()
    expect(result.current.invoke).toBe(first.invoke)
    expect(result.current.invokeAsync).toBe(first.invokeAsync)
    expect(result.current.cancel).toBe(first.cancel)
    expect(result.current.reset).toBe(first.reset)
  })

  it('puts errors in the state; invoke neither throws nor rejects', async () => {
    const failing = async () => {
      throw new RangeError('bad input')
    }
    const { result } = renderHook(() => useLongCallback(failing), {
      wrapper: withStore(createLongCallbackStore()),
    })
    expect(() => act(() => result.current.invoke())).not.toThrow()
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(result.current.status).toBe('error')
    expect(result.current.error).toMatchObject({
      name: 'RangeError',
      message: 'bad input',
    })
  })

  it('returns the run promise from invokeAsync', async () => {
    const { result } = renderHook(() => useLongCallback(sleepy), {
      wrapper: withStore(createLongCallbackStore()),
    })
    let promise: Promise<number> | undefined
    act(() => {
      promise = result.current.invokeAsync(30)
    })
    await act(() => vi.advanceTimersByTimeAsync(30))
    await expect(promise).resolves.toBe(60)
  })

  it('cancels from cancel(), with the Taipy status', async () => {
    const onStatus = vi.fn<StatusHandler<number>>()
    const { result } = renderHook(() => useLongCallback(sleepy, { onStatus }), {
      wrapper: withStore(createLongCallbackStore()),
    })
    act(() => result.current.invoke(1000))
    act(() => result.current.cancel())
    expect(result.current.status).toBe('cancelled')
    expect(result.current.error?.name).toBe('AbortError')
    expect(onStatus).toHaveBeenLastCalledWith(
      false,
      undefined,
      expect.objectContaining({ reason: 'cancelled' }),
    )
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(result.current.status).toBe('cancelled')
  })

  it('reset cancels the run and shows idle again', async () => {
    const store = createLongCallbackStore()
    const { result } = renderHook(() => useLongCallback(sleepy), {
      wrapper: withStore(store),
    })
    act(() => result.current.invoke(1000))
    act(() => result.current.reset())
    expect(result.current).toMatchObject({ status: 'idle', isRunning: false })
    expect(store.getState().runs).toEqual({})
  })

  it('reset of a keyed run removes the entry for every reader', () => {
    const store = createLongCallbackStore()
    const { result } = renderHook(
      () => useLongCallback(sleepy, { key: 'job' }),
      { wrapper: withStore(store) },
    )
    act(() => result.current.invoke(1000))
    expect(store.getState().runs['job']?.status).toBe('running')
    act(() => result.current.reset())
    expect(result.current.status).toBe('idle')
    expect(store.getState().runs['job']).toBeUndefined()
  })

  it('calls the onStatus of the latest render, every period', async () => {
    const seen: string[] = []
    const { result, rerender } = renderHook(
      ({ tag }: { tag: string }) =>
        useLongCallback(sleepy, {
          period: 100,
          onStatus: (status) => seen.push(`${tag}:${String(status)}`),
        }),
      {
        initialProps: { tag: 'a' },
        wrapper: withStore(createLongCallbackStore()),
      },
    )
    act(() => result.current.invoke(250))
    await act(() => vi.advanceTimersByTimeAsync(100))
    rerender({ tag: 'b' })
    await act(() => vi.advanceTimersByTimeAsync(150))
    expect(seen).toEqual(['a:0', 'a:1', 'b:2', 'b:true'])
  })

  it('runs the plain function of the latest render', async () => {
    const { result, rerender } = renderHook(
      ({ factor }: { factor: number }) =>
        useLongCallback(async (n: number, ctx) => {
          await wait(10, ctx)
          return n * factor
        }),
      {
        initialProps: { factor: 2 },
        wrapper: withStore(createLongCallbackStore()),
      },
    )
    rerender({ factor: 3 })
    act(() => result.current.invoke(5))
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(result.current.result).toBe(15)
  })

  it('shows a keyed run that is already going when it mounts', () => {
    const store = createLongCallbackStore()
    const first = renderHook(() => useLongCallback(sleepy, { key: 'k' }), {
      wrapper: withStore(store),
    })
    act(() => first.result.current.invoke(1000))
    first.unmount()
    const second = renderHook(() => useLongCallback(sleepy, { key: 'k' }), {
      wrapper: withStore(store),
    })
    expect(second.result.current.status).toBe('running')
    act(() => second.result.current.cancel())
    expect(second.result.current.status).toBe('cancelled')
  })

  it('rejects bad options with a TypeError naming the value', () => {
    const wrapper = withStore(createLongCallbackStore())
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      renderHook(
        () =>
          useLongCallback(sleepy, {
            concurrency: 'newest' as 'replace',
          }),
        { wrapper },
      ),
    ).toThrow(
      'useLongCallback: concurrency must be one of "replace", "drop", "queue", "keepLatest", "parallel", received "newest".',
    )
    expect(() =>
      renderHook(() => useLongCallback(sleepy, { period: -5 }), { wrapper }),
    ).toThrow('useLongCallback: period must be a number >= 0, received -5.')
    expect(() =>
      renderHook(() => useLongCallback({} as typeof sleepy), { wrapper }),
    ).toThrow(/useLongCallback: task must be a LongTask or a function/)
    expect(() =>
      renderHook(() => useLongCallback(sleepy, null as never), { wrapper }),
    ).toThrow('useLongCallback: options must be an object, received null.')
  })
})
