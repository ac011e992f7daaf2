import {
  act,
  cleanup,
  render,
  renderHook,
  screen,
} from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  getDefaultStore,
  idleRunState,
  invokeLongCallback,
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
  type LongCallbackStore,
  type TaskContext,
} from '../../src/index.ts'
import { sleepy, stepper, withStore } from './helpers.tsx'

describe('useLongCallbackState', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('is idle before any run under the key', () => {
    const { result } = renderHook(() => useLongCallbackState('nothing'), {
      wrapper: withStore(createLongCallbackStore()),
    })
    expect(result.current).toBe(idleRunState)
  })

  it('reads a keyed run that a sibling started', async () => {
    const store = createLongCallbackStore()
    function Starter() {
      const job = useLongCallback(stepper, { key: 'export' })
      return <button onClick={() => job.invoke(2)}>start</button>
    }
    function Header() {
      const progress = useLongCallbackState('export', (s) => s.progress)
      const status = useLongCallbackState('export', (s) => s.status)
      return (
        <p data-testid="header">
          {status} {progress ?? '-'}
        </p>
      )
    }
    render(
      <LongCallbackProvider store={store}>
        <Starter />
        <Header />
      </LongCallbackProvider>,
    )
    const header = screen.getByTestId('header')
    expect(header.textContent).toBe('idle -')
    act(() => screen.getByText('start').click())
    expect(header.textContent).toBe('running -')
    await act(() => vi.advanceTimersByTimeAsync(70))
    expect(header.textContent).toBe('running 0.5')
    await act(() => vi.advanceTimersByTimeAsync(50))
    expect(header.textContent).toBe('success 1')
  })

  it('re-renders only when what the selector picks changes', async () => {
    const store = createLongCallbackStore()
    let renders = 0
    const { result } = renderHook(
      () => {
        renders++
        return useLongCallbackState('job', (s) => s.status)
      },
      { wrapper: withStore(store) },
    )
    invokeLongCallback(stepper, 4, { key: 'job', store })
    await act(() => vi.advanceTimersByTimeAsync(150))
    expect(result.current).toBe('running')
    expect(renders).toBe(2)
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(result.current).toBe('success')
    expect(renders).toBe(3)
  })

  it('uses the default store without a provider', () => {
    const { result } = renderHook(() => useLongCallback(sleepy, { key: 'd' }))
    const reader = renderHook(() => useLongCallbackState('d'))
    act(() => result.current.invoke(10))
    expect(reader.result.current.status).toBe('running')
    expect(getDefaultStore().getState().runs['d']?.status).toBe('running')
    act(() => result.current.reset())
  })

  it('rejects an empty key with a TypeError', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      renderHook(() => useLongCallbackState(''), {
        wrapper: withStore(createLongCallbackStore()),
      }),
    ).toThrow(
      'useLongCallbackState: key must be a non-empty string, received "".',
    )
  })

  it('rejects a selector that is not a function', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      renderHook(() => useLongCallbackState('k', 'status' as never), {
        wrapper: withStore(createLongCallbackStore()),
      }),
    ).toThrow(
      'useLongCallbackState: selector must be a function, received "status".',
    )
  })
})

describe('re-renders of useLongCallback', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('does not re-render a component when another run changes', async () => {
    const store: LongCallbackStore = createLongCallbackStore()
    let quietRenders = 0
    function Quiet() {
      quietRenders++
      const job = useLongCallback(sleepy)
      return <p>{job.status}</p>
    }
    function Busy() {
      const job = useLongCallback(stepper)
      return <button onClick={() => job.invoke(5)}>go {job.progress}</button>
    }
    render(
      <LongCallbackProvider store={store}>
        <Quiet />
        <Busy />
      </LongCallbackProvider>,
    )
    act(() => screen.getByRole('button').click())
    await act(() => vi.advanceTimersByTimeAsync(300))
    expect(screen.getByRole('button').textContent).toBe('go 1')
    expect(quietRenders).toBe(1)
  })

  it('renders once per frame however fast progress comes', async () => {
    const store = createLongCallbackStore()
    let renders = 0
    const flood = async (count: number, ctx: TaskContext) => {
      for (let i = 1; i <= count; i++) {
        ctx.progress(i / count)
        if (i % 1000 === 0) await new Promise((r) => setTimeout(r, 1))
      }
      return count
    }
    const { result } = renderHook(
      () => {
        renders++
        return useLongCallback(flood)
      },
      { wrapper: withStore(store) },
    )
    renders = 0
    act(() => result.current.invoke(100_000))
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(result.current).toMatchObject({ status: 'success', progress: 1 })
    // 100 ms of fake time is 6 frames; 100,000 reports.
    expect(renders).toBeLessThanOrEqual(6 + 3)
    expect(renders).toBeGreaterThan(1)
  })
})
