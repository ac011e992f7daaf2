import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AbortError,
  createLongCallbackStore,
  useLongCallback,
  type Concurrency,
  type StatusHandler,
} from '../../src/index.ts'
import { sleepy, withStore } from './helpers.tsx'

function setup(concurrency: Concurrency, key?: string) {
  const store = createLongCallbackStore()
  const statuses: string[] = []
  const onStatus: StatusHandler<number> = (status, result, info) => {
    if (status === true) statuses.push(`done ${result}`)
    if (status === false) statuses.push(info.reason ?? 'false')
  }
  const hook = renderHook(
    () => useLongCallback(sleepy, { concurrency, onStatus, key }),
    { wrapper: withStore(store) },
  )
  const call = (ms: number) => {
    let promise!: Promise<number>
    act(() => {
      promise = hook.result.current.invokeAsync(ms)
    })
    return promise
  }
  return { store, statuses, hook, call }
}

describe('concurrency', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('replace: cancels the run going and shows the new one', async () => {
    const { statuses, hook, call, store } = setup('replace')
    const first = call(100)
    const second = call(50)
    await expect(first).rejects.toBeInstanceOf(AbortError)
    await expect(first).rejects.toThrow(/replaced by a newer run/)
    expect(statuses).toEqual(['cancelled'])
    expect(hook.result.current.status).toBe('running')

    await act(() => vi.advanceTimersByTimeAsync(200))
    await expect(second).resolves.toBe(100)
    expect(statuses).toEqual(['cancelled', 'done 100'])
    expect(hook.result.current).toMatchObject({
      status: 'success',
      result: 100,
    })
    expect(Object.keys(store.getState().runs)).toHaveLength(1)
  })

  it('is replace by default', async () => {
    const store = createLongCallbackStore()
    const { result } = renderHook(() => useLongCallback(sleepy), {
      wrapper: withStore(store),
    })
    let first!: Promise<number>
    act(() => {
      first = result.current.invokeAsync(100)
      result.current.invoke(10)
    })
    await expect(first).rejects.toThrow(/replaced/)
  })

  it('drop: ignores a call while a run is going', async () => {
    const { statuses, hook, call } = setup('drop')
    const first = call(100)
    const dropped = call(10)
    await expect(dropped).rejects.toBeInstanceOf(AbortError)
    await expect(dropped).rejects.toThrow(/dropped/)
    expect(() => act(() => hook.result.current.invoke(10))).not.toThrow()

    await act(() => vi.advanceTimersByTimeAsync(100))
    await expect(first).resolves.toBe(200)
    expect(statuses).toEqual(['done 200'])
    expect(hook.result.current.result).toBe(200)

    const later = call(10)
    await act(() => vi.advanceTimersByTimeAsync(10))
    await expect(later).resolves.toBe(20)
  })

  it('queue: runs every call, one after the other, in order', async () => {
    const { statuses, hook, call } = setup('queue')
    const promises = [call(30), call(20), call(10)]
    expect(hook.result.current.status).toBe('running')

    await act(() => vi.advanceTimersByTimeAsync(30))
    expect(statuses).toEqual(['done 60'])
    expect(hook.result.current.status).toBe('running')
    await act(() => vi.advanceTimersByTimeAsync(30))
    expect(statuses).toEqual(['done 60', 'done 40', 'done 20'])
    expect(await Promise.all(promises)).toEqual([60, 40, 20])
    expect(hook.result.current.result).toBe(20)
  })

  it.each(['queue', 'keepLatest'] as const)(
    '%s: a status handler that throws at the end does not stop the calls waiting',
    async (concurrency) => {
      const reported: unknown[] = []
      vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
      const boom = new Error('handler failed')
      const hook = renderHook(
        () =>
          useLongCallback(sleepy, {
            concurrency,
            onStatus: (status) => {
              if (status === true) throw boom
            },
          }),
        { wrapper: withStore(createLongCallbackStore()) },
      )
      let promises: Array<Promise<number>> = []
      act(() => {
        promises = [10, 20].map((ms) => hook.result.current.invokeAsync(ms))
      })
      await act(() => vi.advanceTimersByTimeAsync(30))
      expect(await Promise.all(promises)).toEqual([20, 40])
      expect(reported).toEqual([boom, boom])
      vi.unstubAllGlobals()
    },
  )

  it('queue: cancel cancels the run and every waiting call', async () => {
    const { statuses, hook, call } = setup('queue')
    const promises = [call(30), call(20), call(10)]
    act(() => hook.result.current.cancel())
    for (const promise of promises) {
      await expect(promise).rejects.toBeInstanceOf(AbortError)
    }
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(statuses).toEqual(['cancelled'])
    expect(hook.result.current.status).toBe('cancelled')
  })

  it('keepLatest: finishes the run, then runs only the newest call', async () => {
    const { statuses, hook, call } = setup('keepLatest')
    const first = call(100)
    const skipped = [call(1), call(2)]
    const latest = call(3)
    for (const promise of skipped) {
      await expect(promise).rejects.toThrow(/superseded/)
    }
    await act(() => vi.advanceTimersByTimeAsync(100))
    await expect(first).resolves.toBe(200)
    expect(hook.result.current.status).toBe('running')

    await act(() => vi.advanceTimersByTimeAsync(3))
    await expect(latest).resolves.toBe(6)
    expect(statuses).toEqual(['done 200', 'done 6'])
    expect(hook.result.current.result).toBe(6)
  })

  it('parallel: runs both; an older run never writes over the newest', async () => {
    const { statuses, hook, call, store } = setup('parallel')
    const slow = call(100)
    const fast = call(10)
    await act(() => vi.advanceTimersByTimeAsync(10))
    await expect(fast).resolves.toBe(20)
    expect(hook.result.current).toMatchObject({ status: 'success', result: 20 })

    await act(() => vi.advanceTimersByTimeAsync(90))
    await expect(slow).resolves.toBe(200)
    expect(statuses).toEqual(['done 20', 'done 200'])
    expect(hook.result.current.result).toBe(20)
    expect(Object.keys(store.getState().runs)).toHaveLength(1)
  })

  it('parallel under a key: the older run cannot take the entry back', async () => {
    const { hook, call, store } = setup('parallel', 'shared')
    const slow = call(100)
    call(10)
    await act(() => vi.advanceTimersByTimeAsync(100))
    await expect(slow).resolves.toBe(200)
    expect(hook.result.current.result).toBe(20)
    expect(store.getState().runs['shared']?.result).toBe(20)
  })

  it('applies the policy to a keyed run another component started', async () => {
    const store = createLongCallbackStore()
    const options = { key: 'import', concurrency: 'drop' as const }
    const a = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    const b = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    act(() => a.result.current.invoke(100))
    let dropped!: Promise<number>
    act(() => {
      dropped = b.result.current.invokeAsync(10)
    })
    await expect(dropped).rejects.toThrow(/dropped/)
    expect(b.result.current.status).toBe('running')
    act(() => b.result.current.cancel())
    expect(a.result.current.status).toBe('cancelled')
  })

  it('queues behind a keyed run another component started', async () => {
    const store = createLongCallbackStore()
    const options = { key: 'q', concurrency: 'queue' as const }
    const a = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    const b = renderHook(() => useLongCallback(sleepy, options), {
      wrapper: withStore(store),
    })
    act(() => a.result.current.invoke(100))
    let queued!: Promise<number>
    act(() => {
      queued = b.result.current.invokeAsync(10)
    })
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(a.result.current).toMatchObject({ status: 'running' })
    await act(() => vi.advanceTimersByTimeAsync(10))
    await expect(queued).resolves.toBe(20)
    expect(a.result.current.result).toBe(20)
  })
})
