import {
  act,
  cleanup,
  render,
  renderHook,
  screen,
} from '@testing-library/react'
import { StrictMode, useEffect } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  defineLongTask,
  LongCallbackProvider,
  useLongCallback,
  type LongCallbackStore,
} from '../../src/index.ts'
import { countingStore, settle, sleepy, wait, withStore } from './helpers.tsx'

describe('useLongCallback lifecycle', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('cancels an unkeyed run on unmount and calls no handler after', async () => {
    const store = createLongCallbackStore()
    const onStatus = vi.fn()
    const hook = renderHook(
      () => useLongCallback(sleepy, { onStatus, period: 50 }),
      { wrapper: withStore(store) },
    )
    let promise!: Promise<number>
    act(() => {
      promise = hook.result.current.invokeAsync(1000)
    })
    await act(() => vi.advanceTimersByTimeAsync(120))
    const calls = onStatus.mock.calls.length
    expect(calls).toBe(3)

    hook.unmount()
    await settle()
    await expect(promise).rejects.toThrow(/the component unmounted/)
    await vi.advanceTimersByTimeAsync(2000)
    expect(onStatus).toHaveBeenCalledTimes(calls)
    expect(store.getState().runs).toEqual({})
    expect(vi.getTimerCount()).toBe(0)
  })

  it('lets a keyed run finish into the store after unmount', async () => {
    const store = createLongCallbackStore()
    const onStatus = vi.fn()
    const hook = renderHook(
      () => useLongCallback(sleepy, { key: 'report', onStatus }),
      { wrapper: withStore(store) },
    )
    act(() => hook.result.current.invoke(100))
    hook.unmount()
    await settle()
    await vi.advanceTimersByTimeAsync(100)
    expect(store.getState().runs['report']).toMatchObject({
      status: 'success',
      result: 200,
    })
    expect(onStatus).not.toHaveBeenCalled()
  })

  it('cancels a keyed run on unmount when asked to', async () => {
    const store = createLongCallbackStore()
    const hook = renderHook(
      () => useLongCallback(sleepy, { key: 'k', cancelOnUnmount: true }),
      { wrapper: withStore(store) },
    )
    act(() => hook.result.current.invoke(100))
    hook.unmount()
    await settle()
    expect(store.getState().runs['k']?.status).toBe('cancelled')
  })

  it('keeps an unkeyed run going on unmount when asked to', async () => {
    const store = createLongCallbackStore()
    const hook = renderHook(
      () => useLongCallback(sleepy, { cancelOnUnmount: false }),
      { wrapper: withStore(store) },
    )
    let promise!: Promise<number>
    act(() => {
      promise = hook.result.current.invokeAsync(100)
    })
    hook.unmount()
    await settle()
    await vi.advanceTimersByTimeAsync(100)
    await expect(promise).resolves.toBe(200)
    // Nobody shows it any more: forgotten once ended.
    expect(store.getState().runs).toEqual({})
  })

  it('keeps an ended unkeyed run visible while it is shown', async () => {
    const store = createLongCallbackStore()
    const hook = renderHook(() => useLongCallback(sleepy), {
      wrapper: withStore(store),
    })
    act(() => hook.result.current.invoke(10))
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(hook.result.current.result).toBe(20)
    expect(Object.keys(store.getState().runs)).toHaveLength(1)
    hook.unmount()
    await settle()
    expect(store.getState().runs).toEqual({})
  })

  it('refuses to start a run after unmount', async () => {
    const hook = renderHook(() => useLongCallback(sleepy), {
      wrapper: withStore(createLongCallbackStore()),
    })
    const { invokeAsync } = hook.result.current
    hook.unmount()
    await settle()
    await expect(invokeAsync(10)).rejects.toThrow(/has unmounted/)
  })

  it('in StrictMode, starts one run per invoke and cancels none', async () => {
    const { store, subscriptions } = countingStore()
    const run = vi.fn(async (ms: number, ctx) => {
      await wait(ms, ctx)
      return ms
    })
    const task = defineLongTask(run, 'counted')
    function Starter() {
      const job = useLongCallback(task, { period: 20 })
      const { invoke } = job
      useEffect(() => invoke(100), [invoke])
      return <p data-testid="status">{job.status}</p>
    }
    const view = render(
      <StrictMode>
        <LongCallbackProvider store={store}>
          <Starter />
        </LongCallbackProvider>
      </StrictMode>,
    )
    // StrictMode runs the user's effect twice: two invokes, the first
    // replaced by the second. The double mount of the hook itself cancels
    // nothing: without replace, the first run would finish.
    await settle()
    expect(screen.getByTestId('status').textContent).toBe('running')
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(screen.getByTestId('status').textContent).toBe('success')
    expect(subscriptions()).toBe(1)

    view.unmount()
    await settle()
    expect(subscriptions()).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    expect(store.getState().runs).toEqual({})
  })

  it('in StrictMode, the double mount does not cancel a drop run', async () => {
    const store = createLongCallbackStore()
    const run = vi.fn(async (ms: number, ctx) => {
      await wait(ms, ctx)
      return ms
    })
    const task = defineLongTask(run, 'counted')
    function Starter() {
      const job = useLongCallback(task, { concurrency: 'drop' })
      const { invoke } = job
      useEffect(() => invoke(100), [invoke])
      return <p data-testid="status">{job.status}</p>
    }
    render(
      <StrictMode>
        <LongCallbackProvider store={store}>
          <Starter />
        </LongCallbackProvider>
      </StrictMode>,
    )
    await settle()
    expect(run).toHaveBeenCalledTimes(1)
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(screen.getByTestId('status').textContent).toBe('success')
  })

  it('starts nothing during render, in StrictMode or not', () => {
    const run = vi.fn(async () => 1)
    const task = defineLongTask(run)
    const store = createLongCallbackStore()
    renderHook(() => useLongCallback(task), {
      wrapper: withStore(store),
      reactStrictMode: true,
    })
    expect(run).not.toHaveBeenCalled()
    expect(store.getState().runs).toEqual({})
  })

  it('follows a new store given in the options', () => {
    const first = createLongCallbackStore()
    const second = createLongCallbackStore()
    const hook = renderHook(
      ({ store }: { store: LongCallbackStore }) =>
        useLongCallback(sleepy, { key: 'k', store }),
      { initialProps: { store: first } },
    )
    act(() => hook.result.current.invoke(100))
    expect(hook.result.current.status).toBe('running')
    hook.rerender({ store: second })
    expect(hook.result.current.status).toBe('idle')
    act(() => hook.result.current.invoke(100))
    expect(second.getState().runs['k']?.status).toBe('running')
  })
})
