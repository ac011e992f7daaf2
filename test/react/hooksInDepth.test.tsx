import {
  act,
  cleanup,
  render,
  renderHook,
  screen,
} from '@testing-library/react'
import { Activity, StrictMode, useEffect, useLayoutEffect } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
  type LongCallbackStore,
  type StatusHandler,
} from '../../src/index.ts'
import { settle, sleepy, stepper, withStore } from './helpers.tsx'

describe('effects see the state of the key they render', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('an effect on [key, status] never sees the old key success', async () => {
    const store = createLongCallbackStore()
    const toasts: string[] = []
    function Exporter({ doc }: { doc: string }) {
      const job = useLongCallback(sleepy, { key: doc })
      useEffect(() => {
        if (job.status === 'success') toasts.push(`${doc} done`)
      }, [doc, job.status])
      return (
        <button onClick={() => job.invoke(10)}>
          {doc} {job.status}
        </button>
      )
    }
    const view = render(
      <LongCallbackProvider store={store}>
        <Exporter doc="a" />
      </LongCallbackProvider>,
    )
    act(() => screen.getByRole('button').click())
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(toasts).toEqual(['a done'])
    view.rerender(
      <LongCallbackProvider store={store}>
        <Exporter doc="b" />
      </LongCallbackProvider>,
    )
    await settle()
    expect(screen.getByRole('button').textContent).toBe('b idle')
    expect(toasts).toEqual(['a done'])
  })
})

describe('Activity (hidden, then visible again)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  function Panel({
    onJob,
  }: {
    onJob: (j: { invoke: (n: number) => void }) => void
  }) {
    const job = useLongCallback(sleepy)
    onJob(job)
    return (
      <p data-testid="panel">
        {job.status} {job.result ?? '-'}
      </p>
    )
  }

  function app(
    store: LongCallbackStore,
    mode: 'visible' | 'hidden',
    onJob: Parameters<typeof Panel>[0]['onJob'],
  ) {
    return (
      <LongCallbackProvider store={store}>
        <Activity mode={mode}>
          <Panel onJob={onJob} />
        </Activity>
      </LongCallbackProvider>
    )
  }

  it('keeps the shown result of an unkeyed run across hide and show', async () => {
    const store = createLongCallbackStore()
    let job!: { invoke: (n: number) => void }
    const onJob = (j: typeof job) => (job = j)
    const view = render(app(store, 'visible', onJob))
    act(() => job.invoke(10))
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(screen.getByTestId('panel').textContent).toBe('success 20')

    view.rerender(app(store, 'hidden', onJob))
    await settle()
    view.rerender(app(store, 'visible', onJob))
    await settle()
    // React keeps a hidden Activity's state; the shown run should be kept.
    expect(screen.getByTestId('panel').textContent).toBe('success 20')
  })
  // React runs effect cleanups when it hides an Activity, as on unmount: an
  // unkeyed run is cancelled then (cancelOnUnmount), and shown as such.
  it('shows an unkeyed run that hiding cancelled as cancelled when shown again', async () => {
    const store = createLongCallbackStore()
    let job!: { invoke: (n: number) => void }
    const onJob = (j: typeof job) => (job = j)
    const view = render(app(store, 'visible', onJob))
    act(() => job.invoke(100))
    view.rerender(app(store, 'hidden', onJob))
    await settle()
    await act(() => vi.advanceTimersByTimeAsync(100))
    view.rerender(app(store, 'visible', onJob))
    await settle()
    expect(screen.getByTestId('panel').textContent).toBe('cancelled -')
    expect(store.getState().runs).toEqual({})
  })
})

describe('onStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('counts 0, 1, 2, ... with a period under 16 ms as 16 ms, then one final call', async () => {
    const calls: Array<boolean | number> = []
    const { result } = renderHook(
      () =>
        useLongCallback(sleepy, {
          period: 5,
          onStatus: (status) => calls.push(status),
        }),
      { wrapper: withStore(createLongCallbackStore()) },
    )
    act(() => result.current.invoke(70))
    await act(() => vi.advanceTimersByTimeAsync(200))
    expect(calls).toEqual([0, 1, 2, 3, 4, true])
    expect(result.current.periods).toBe(4)
  })

  it('a throwing onStatus on numeric calls does not stop the run or the periods', async () => {
    const reported: unknown[] = []
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
    const calls: Array<boolean | number> = []
    const { result } = renderHook(
      () =>
        useLongCallback(sleepy, {
          period: 20,
          onStatus: (status) => {
            calls.push(status)
            if (typeof status === 'number') throw new Error(`bad ${status}`)
          },
        }),
      { wrapper: withStore(createLongCallbackStore()) },
    )
    act(() => result.current.invoke(50))
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(calls).toEqual([0, 1, 2, true])
    expect(reported).toHaveLength(3)
    expect(result.current).toMatchObject({ status: 'success', result: 100 })
    vi.unstubAllGlobals()
  })

  it('replaced run hears exactly one cancelled call, newest hears one true', async () => {
    const finals: string[] = []
    const onStatus: StatusHandler<number> = (status, result, info) => {
      if (status === true) finals.push(`true ${result}`)
      if (status === false) finals.push(`false ${info.reason}`)
    }
    const { result } = renderHook(
      () => useLongCallback(sleepy, { onStatus, period: 16 }),
      { wrapper: withStore(createLongCallbackStore()) },
    )
    act(() => {
      result.current.invoke(100)
      result.current.invoke(100)
      result.current.invoke(10)
    })
    await act(() => vi.advanceTimersByTimeAsync(200))
    expect(finals).toEqual(['false cancelled', 'false cancelled', 'true 20'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('no status call after unmount, in StrictMode, keyed run', async () => {
    const onStatus = vi.fn()
    const hook = renderHook(
      () => useLongCallback(sleepy, { key: 'k', onStatus, period: 20 }),
      { wrapper: withStore(createLongCallbackStore()), reactStrictMode: true },
    )
    act(() => hook.result.current.invoke(100))
    await act(() => vi.advanceTimersByTimeAsync(30))
    const before = onStatus.mock.calls.length
    expect(before).toBe(2)
    hook.unmount()
    await act(() => vi.advanceTimersByTimeAsync(200))
    expect(onStatus).toHaveBeenCalledTimes(before)
  })

  it('invoke from a layout effect at mount is shown and observed', async () => {
    const store = createLongCallbackStore()
    function Starter() {
      const job = useLongCallback(stepper)
      const { invoke } = job
      useLayoutEffect(() => invoke(2), [invoke])
      return <p data-testid="s">{`${job.status} ${job.progress ?? '-'}`}</p>
    }
    render(
      <StrictMode>
        <LongCallbackProvider store={store}>
          <Starter />
        </LongCallbackProvider>
      </StrictMode>,
    )
    await settle()
    expect(screen.getByTestId('s').textContent).toBe('running -')
    await act(() => vi.advanceTimersByTimeAsync(120))
    expect(screen.getByTestId('s').textContent).toBe('success 1')
    expect(Object.keys(store.getState().runs)).toHaveLength(1)
  })
})

describe('queue and keepLatest shared by two components under one key', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('keepLatest across components: every promise settles, latest result shown', async () => {
    const store = createLongCallbackStore()
    const options = { key: 'kl', concurrency: 'keepLatest' as const }
    const a = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    const b = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    const reader = renderHook(() => useLongCallbackState('kl'), {
      wrapper: withStore(store),
    })
    let promises: Array<Promise<number>> = []
    act(() => {
      promises = [
        a.result.current.invokeAsync(50),
        b.result.current.invokeAsync(1),
        b.result.current.invokeAsync(2),
      ]
    })
    const results = Promise.allSettled(promises)
    await act(() => vi.advanceTimersByTimeAsync(60))
    const settled = await results
    expect(settled.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ])
    expect(reader.result.current).toMatchObject({
      status: 'success',
      result: 4,
    })
  })

  it('cancel while calls wait: every promise settles at once', async () => {
    const store = createLongCallbackStore()
    const options = { key: 'c', concurrency: 'queue' as const }
    const a = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    const b = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    let promises: Array<Promise<number>> = []
    act(() => {
      promises = [
        a.result.current.invokeAsync(50),
        b.result.current.invokeAsync(1),
        b.result.current.invokeAsync(2),
      ]
    })
    act(() => b.result.current.cancel())
    await settle()
    const settled = await Promise.allSettled(promises)
    expect(settled.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
    ])
    expect(store.getState().runs['c']?.status).toBe('cancelled')
  })
})
