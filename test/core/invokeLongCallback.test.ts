import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  defineLongTask,
  invokeLongCallback,
  TimeoutError,
} from '../../src/index.ts'
import type { StatusHandler, TaskContext } from '../../src/index.ts'

function waitFor(ms: number, ctx: TaskContext): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    ctx.signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(ctx.signal.reason)
    })
  })
}

const sleepy = defineLongTask(async (ms: number, ctx) => {
  await waitFor(ms, ctx)
  return ms * 2
}, 'sleepy')

describe('invokeLongCallback', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('calls 0 at the start, one number per period, then true once', async () => {
    const calls: Array<boolean | number> = []
    const onStatus: StatusHandler<number> = (status) => calls.push(status)
    const run = invokeLongCallback(sleepy, 1050, { period: 250, onStatus })

    await vi.advanceTimersByTimeAsync(1050)
    await expect(run.promise).resolves.toBe(2100)
    expect(calls).toEqual([0, 1, 2, 3, 4, true])

    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(6)
  })

  it('calls the handler only at the end without a period', async () => {
    const onStatus = vi.fn()
    const run = invokeLongCallback(sleepy, 100, { onStatus })
    await vi.advanceTimersByTimeAsync(100)
    await run.promise
    expect(onStatus).toHaveBeenCalledTimes(1)
    expect(onStatus).toHaveBeenCalledWith(true, 200, expect.any(Object))
  })

  it('ends a run at the moment of cancel, with the reason', () => {
    const store = createLongCallbackStore()
    const onStatus = vi.fn()
    const run = invokeLongCallback(sleepy, 10_000, {
      onStatus,
      store,
      key: 'k',
    })
    run.cancel('user')

    const [status, result, info] = onStatus.mock.calls[0] ?? []
    expect([status, result, info.reason]).toEqual([
      false,
      undefined,
      'cancelled',
    ])
    expect(info.error).toMatchObject({ name: 'AbortError', reason: 'user' })
    expect(store.getState().runs['k']?.status).toBe('cancelled')
  })

  it('times out with a TimeoutError and an error status', async () => {
    const store = createLongCallbackStore()
    const run = invokeLongCallback(sleepy, 10_000, {
      timeoutMs: 500,
      store,
      key: 't',
    })
    await vi.advanceTimersByTimeAsync(500)
    await expect(run.promise).rejects.toBeInstanceOf(TimeoutError)
    expect(store.getState().runs['t']).toMatchObject({
      status: 'error',
      error: expect.any(TimeoutError),
    })
  })

  it('rejects bad options with a TypeError naming the value', () => {
    expect(() => invokeLongCallback(sleepy, 1, { period: -1 })).toThrow(
      'invokeLongCallback: period must be a number >= 0, received -1.',
    )
    expect(() => invokeLongCallback({} as typeof sleepy, 1)).toThrow(
      /task must be a LongTask/,
    )
  })
})
