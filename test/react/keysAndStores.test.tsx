import { act, cleanup, render, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  invokeLongCallback,
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
  type LongCallbackStore,
  type RunStatus,
} from '../../src/index.ts'
import { sleepy, withStore } from './helpers.tsx'

/** How a promise stands, read synchronously. */
function track(promise: Promise<unknown>) {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending'
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  )
  return () => state
}

describe('keys and stores changing between renders', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('a render with a new key never shows the old key state', async () => {
    const store = createLongCallbackStore()
    const seen: Array<[string, RunStatus]> = []
    const hook = renderHook(
      ({ k }: { k: string }) => {
        const job = useLongCallback(sleepy, { key: k })
        seen.push([k, job.status])
        return job
      },
      { initialProps: { k: 'a' }, wrapper: withStore(store) },
    )
    act(() => hook.result.current.invoke(10))
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(hook.result.current.status).toBe('success')
    seen.length = 0
    hook.rerender({ k: 'b' })
    // Every render with key "b" must show key "b", which is idle.
    expect(seen.filter(([k]) => k === 'b')).toEqual(
      seen.filter(([k]) => k === 'b').map(() => ['b', 'idle']),
    )
    expect(seen[0]).toEqual(['b', 'idle'])
  })

  it('a render under a new provider store never shows the old store state', async () => {
    const first = createLongCallbackStore()
    const second = createLongCallbackStore()
    const seen: RunStatus[] = []
    function Job({ onReady }: { onReady: (invoke: () => void) => void }) {
      const job = useLongCallback(sleepy, { key: 'k' })
      seen.push(job.status)
      onReady(() => job.invoke(10))
      return null
    }
    let start!: () => void
    const view = render(
      <LongCallbackProvider store={first}>
        <Job onReady={(f) => (start = f)} />
      </LongCallbackProvider>,
    )
    act(() => start())
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(seen.at(-1)).toBe('success')
    seen.length = 0
    view.rerender(
      <LongCallbackProvider store={second}>
        <Job onReady={(f) => (start = f)} />
      </LongCallbackProvider>,
    )
    expect(seen[0]).toBe('idle')
  })

  it('drop: a call under a new key is not dropped because of a run under the old key', async () => {
    const store = createLongCallbackStore()
    const hook = renderHook(
      ({ k }: { k: string }) =>
        useLongCallback(sleepy, { key: k, concurrency: 'drop' }),
      { initialProps: { k: 'doc-1' }, wrapper: withStore(store) },
    )
    act(() => hook.result.current.invoke(1000))
    hook.rerender({ k: 'doc-2' })
    // The hook now shows doc-2: nothing is going there.
    expect(hook.result.current).toMatchObject({
      status: 'idle',
      isRunning: false,
    })
    let promise!: Promise<number>
    act(() => {
      promise = hook.result.current.invokeAsync(10)
    })
    expect(hook.result.current.status).toBe('running')
    await act(() => vi.advanceTimersByTimeAsync(10))
    await expect(promise).resolves.toBe(20)
  })

  it('replace: a call under a new key does not cancel the keyed run of the old key', async () => {
    const store = createLongCallbackStore()
    const hook = renderHook(
      ({ k }: { k: string }) => useLongCallback(sleepy, { key: k }),
      { initialProps: { k: 'doc-1' }, wrapper: withStore(store) },
    )
    let first!: Promise<number>
    act(() => {
      first = hook.result.current.invokeAsync(100)
    })
    hook.rerender({ k: 'doc-2' })
    act(() => hook.result.current.invoke(10))
    // doc-1's run belongs to key doc-1, which others read; it is not
    // replaced by a run under another key.
    expect(store.getState().runs['doc-1']?.status).toBe('running')
    await act(() => vi.advanceTimersByTimeAsync(100))
    await expect(first).resolves.toBe(200)
  })
})

describe('runs under a key that a non-hook caller started', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('drop counts a run under the key started by invokeLongCallback', async () => {
    const store = createLongCallbackStore()
    const outside = invokeLongCallback(sleepy, 100, { key: 'k', store })
    const hook = renderHook(
      () => useLongCallback(sleepy, { key: 'k', concurrency: 'drop' }),
      { wrapper: withStore(store) },
    )
    expect(hook.result.current.isRunning).toBe(true)
    let call!: ReturnType<typeof track>
    act(() => {
      call = track(hook.result.current.invokeAsync(10))
    })
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(call()).toBe('rejected')
    await act(() => vi.advanceTimersByTimeAsync(100))
    await expect(outside.promise).resolves.toBe(200)
    // The run that was going must be the one whose result is stored.
    expect(store.getState().runs['k']?.result).toBe(200)
  })

  it('cancel() stops the run the hook shows as running, whoever started it', async () => {
    const store = createLongCallbackStore()
    const outside = invokeLongCallback(sleepy, 100, { key: 'k', store })
    const hook = renderHook(() => useLongCallback(sleepy, { key: 'k' }), {
      wrapper: withStore(store),
    })
    expect(hook.result.current.isRunning).toBe(true)
    act(() => hook.result.current.cancel())
    expect(hook.result.current.status).toBe('cancelled')
    await expect(outside.promise).rejects.toThrow()
  })
})

describe('reset while another owner of the key has calls waiting', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('never leaves a run going that no reader of the key can see', async () => {
    const store: LongCallbackStore = createLongCallbackStore()
    const worker = renderHook(
      () => useLongCallback(sleepy, { key: 'k', concurrency: 'queue' }),
      { wrapper: withStore(store) },
    )
    const header = renderHook(() => useLongCallback(sleepy, { key: 'k' }), {
      wrapper: withStore(store),
    })
    const reader = renderHook(() => useLongCallbackState('k'), {
      wrapper: withStore(store),
    })
    let second!: Promise<number>
    act(() => {
      worker.result.current.invoke(100)
      second = worker.result.current.invokeAsync(30)
    })
    act(() => header.result.current.reset())
    const queued = track(second)
    await act(() => vi.advanceTimersByTimeAsync(0))
    // Either reset cancelled the waiting call too, or the run it started
    // is visible to every reader of the key.
    if (queued() === 'rejected') {
      expect(reader.result.current.status).toBe('idle')
      return
    }
    expect(reader.result.current.status).toBe('running')
    expect(worker.result.current.isRunning).toBe(true)
    await act(() => vi.advanceTimersByTimeAsync(30))
    await expect(second).resolves.toBe(60)
    // ...and its result lands in the store.
    expect(reader.result.current).toMatchObject({
      status: 'success',
      result: 60,
    })
  })
})
