import { useStore } from 'zustand'
import { idleRunState } from '../core/store.ts'
import type { RunState } from '../core/types.ts'
import { fail } from '../core/validate.ts'
import { useContextStore } from './LongCallbackProvider.tsx'

/**
 * Reads the run stored under `key` from any component (a header progress
 * bar, a toast area), in the nearest provider's store or the default one.
 * Before any run under that key, it is an idle state.
 *
 * With a `selector`, returns what it picks and re-renders only when that
 * changes. As with zustand, a selector must return a value that stays the
 * same object while its input does: build new objects outside it.
 */
export function useLongCallbackState<TResult = unknown>(
  key: string,
): RunState<TResult>
export function useLongCallbackState<TResult, TSelected>(
  key: string,
  selector: (state: RunState<TResult>) => TSelected,
): TSelected
export function useLongCallbackState(
  key: string,
  selector: (state: RunState) => unknown = identity,
): unknown {
  if (typeof key !== 'string' || key === '') {
    fail('useLongCallbackState', 'key', 'a non-empty string', key)
  }
  if (typeof selector !== 'function') {
    fail('useLongCallbackState', 'selector', 'a function', selector)
  }
  const store = useContextStore()
  return useStore(store, (state) => selector(state.runs[key] ?? idleRunState))
}

function identity(state: RunState): RunState {
  return state
}
