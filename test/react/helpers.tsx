import type { ReactNode } from 'react'
import { act } from '@testing-library/react'
import { vi } from 'vitest'
import {
  createLongCallbackStore,
  defineLongTask,
  LongCallbackProvider,
} from '../../src/index.ts'
import type { LongCallbackStore, TaskContext } from '../../src/index.ts'

/** Resolves after `ms` of (fake) time; rejects as soon as the run aborts. */
export function wait(ms: number, ctx: TaskContext): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    ctx.signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(ctx.signal.reason)
    })
  })
}

/** Waits `ms`, then returns `ms * 2`. */
export const sleepy = defineLongTask(async (ms: number, ctx: TaskContext) => {
  await wait(ms, ctx)
  return ms * 2
}, 'sleepy')

/** Reports progress `steps` times, 50 ms apart, then returns `steps`. */
export const stepper = defineLongTask(
  async (steps: number, ctx: TaskContext) => {
    for (let step = 1; step <= steps; step++) {
      await wait(50, ctx)
      ctx.progress(step / steps, `step ${step}`)
    }
    return steps
  },
  'stepper',
)

/** A store whose live subscriptions can be counted. */
export function countingStore(): {
  store: LongCallbackStore
  subscriptions: () => number
} {
  const store = createLongCallbackStore()
  const subscribe = store.subscribe
  let live = 0
  store.subscribe = (listener) => {
    live++
    const unsubscribe = subscribe(listener)
    let done = false
    return () => {
      if (done) return
      done = true
      live--
      unsubscribe()
    }
  }
  return { store, subscriptions: () => live }
}

/** A Testing Library wrapper that provides `store`. */
export function withStore(store: LongCallbackStore) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <LongCallbackProvider store={store}>{children}</LongCallbackProvider>
  }
}

/**
 * Lets fake timers and microtasks run to now, inside `act`: an unmount is
 * acted on a microtask later, and React must apply what that changes.
 */
export const settle = () => act(() => vi.advanceTimersByTimeAsync(0))
