import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react'
import type {
  ControllerOptions,
  InvokeArgs,
  PageTaskFn,
} from '../core/controllerOptions.ts'
import { LongCallbackController } from '../core/LongCallbackController.ts'
import type { LongTask, RunState } from '../core/types.ts'
import { useContextStore } from './LongCallbackProvider.tsx'

/**
 * Options of {@link useLongCallback}: those of `invokeLongCallback` but
 * `signal` (`period`, `onStatus`, `timeoutMs`, `killAfterMs`, `key`,
 * `store`), plus `concurrency` and `cancelOnUnmount`. `onStatus` is always
 * the one of the latest render, and is not called after unmount. Without
 * `store`, the nearest `LongCallbackProvider`'s store is used, else the
 * default store.
 */
export type UseLongCallbackOptions<TResult> = ControllerOptions<TResult>

/** What {@link useLongCallback} returns: the shown run's state and controls. */
export interface UseLongCallbackResult<
  TInput,
  TResult,
> extends RunState<TResult> {
  /** Whether the shown run is `'queued'` or `'running'`. */
  isRunning: boolean
  /**
   * Starts a run with `input`, as the `concurrency` option says. Never
   * throws and never leaves an unhandled rejection: errors land in the
   * state and in `onStatus`. Stable across renders.
   */
  invoke: (...args: InvokeArgs<TInput>) => void
  /**
   * Like `invoke`, and returns the run's promise: it resolves with the
   * result and rejects with the task's error, a `TimeoutError`, or an
   * `AbortError` (cancelled, replaced, dropped or skipped). Stable.
   */
  invokeAsync: (...args: InvokeArgs<TInput>) => Promise<TResult>
  /**
   * Cancels the runs going and the calls waiting; with a `key`, also a run
   * under that key that another component started. Arguments are ignored,
   * so it can be an event handler. Stable.
   */
  cancel: () => void
  /**
   * Cancels as `cancel` does, then shows `'idle'`. With a `key`, the key's
   * entry is removed from the store, so every reader of it sees `'idle'`.
   * Stable.
   */
  reset: () => void
}

// Options must reach the controller before any event can call it, and
// layout effects do not run on a server, where React 18 warns about them.
const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * Runs a long task from a component and shows its run: status, progress,
 * message, partial and final result. `task` is a `LongTask` (from
 * `pool.task(name)` or `defineLongTask`) or a plain function, which runs on
 * the page; the function of the latest render is the one invoked.
 *
 * The component re-renders only when the run it shows changes, at most
 * once per animation frame while progress floods in. Nothing starts during
 * render; the server snapshot is idle.
 */
export function useLongCallback<TInput, TResult>(
  task: LongTask<TInput, TResult>,
  options?: UseLongCallbackOptions<TResult>,
): UseLongCallbackResult<TInput, TResult>
export function useLongCallback<TInput, TResult>(
  task: PageTaskFn<TInput, TResult>,
  options?: UseLongCallbackOptions<Awaited<TResult>>,
): UseLongCallbackResult<TInput, Awaited<TResult>>
export function useLongCallback<TInput, TResult>(
  task: LongTask<TInput, TResult> | PageTaskFn<TInput, TResult>,
  options: UseLongCallbackOptions<TResult> = {},
): UseLongCallbackResult<TInput, TResult> {
  // `?.`: a JavaScript caller's null must reach the controller's check,
  // which names it, rather than fail here.
  const store = useContextStore(options?.store)
  const [controller] = useState(
    () => new LongCallbackController(task, options, store, 'useLongCallback'),
  )
  useIsomorphicLayoutEffect(() => {
    controller.setOptions(task, options, store)
  })
  useIsomorphicLayoutEffect(controller.mount, [controller])
  // The controller takes a new key or store only in the effect above; this
  // render must already show that key's run, not the old one's.
  const key = options?.key
  const getSnapshot = useCallback(
    () => controller.snapshotFor(store, key),
    [controller, store, key],
  )
  const state = useSyncExternalStore(
    controller.subscribe,
    getSnapshot,
    controller.getServerSnapshot,
  )
  return useMemo(
    () => ({
      ...state,
      isRunning: state.status === 'queued' || state.status === 'running',
      invoke: controller.invoke,
      invokeAsync: controller.invokeAsync,
      cancel: controller.cancel,
      reset: controller.reset,
    }),
    [state, controller],
  )
}
