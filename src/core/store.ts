import { createStore } from 'zustand/vanilla'
import type {
  LongCallbackState,
  LongCallbackStore,
  RunState,
  RunStatus,
} from './types.ts'

/** The state of a key that no run has used yet. */
export const idleRunState: RunState<never> = Object.freeze({
  status: 'idle',
  progress: null,
  message: undefined,
  partial: undefined,
  result: undefined,
  error: undefined,
  periods: 0,
  startedAt: undefined,
  endedAt: undefined,
})

/** Every change to run state is one of these, applied by {@link reduce}. */
export type RunAction =
  | {
      type: 'start'
      key: string
      runId: string
      status: 'queued' | 'running'
      startedAt: number
    }
  | { type: 'running'; key: string; runId: string }
  | {
      type: 'progress'
      key: string
      runId: string
      progress?: number | null
      message?: string | undefined
      partial?: unknown
      periods?: number
    }
  | {
      type: 'settle'
      key: string
      runId: string
      status: Extract<RunStatus, 'success' | 'error' | 'cancelled'>
      result?: unknown
      error?: Error
      endedAt: number
    }
  | { type: 'remove'; key: string; runId?: string }

/**
 * The one place where run state changes. A run writes only to the entry it
 * owns: once a newer run takes a key over, the older one's actions are
 * ignored, so a superseded run never writes over a newer one.
 */
export function reduce(
  state: LongCallbackState,
  action: RunAction,
): LongCallbackState {
  const { key } = action
  if (action.type === 'start') {
    return {
      runs: { ...state.runs, [key]: startedRun(action) },
      owners: { ...state.owners, [key]: action.runId },
    }
  }
  const owner = state.owners[key]
  if (action.runId !== undefined && owner !== action.runId) return state
  if (action.type === 'remove') {
    if (!(key in state.runs)) return state
    const { [key]: _run, ...runs } = state.runs
    const { [key]: _owner, ...owners } = state.owners
    return { runs, owners }
  }
  const run = state.runs[key]
  if (!run) return state
  const next = reduceRun(run, action)
  if (next === run) return state
  return { ...state, runs: { ...state.runs, [key]: next } }
}

function startedRun(action: Extract<RunAction, { type: 'start' }>): RunState {
  return { ...idleRunState, status: action.status, startedAt: action.startedAt }
}

/** Applies an action to one run's state; an ended run no longer changes. */
export function reduceRun(
  run: RunState,
  action: Exclude<RunAction, { type: 'start' | 'remove' }>,
): RunState {
  if (isEnded(run.status)) return run
  switch (action.type) {
    case 'running':
      return { ...run, status: 'running' }
    case 'progress':
      return {
        ...run,
        ...('progress' in action ? { progress: action.progress ?? null } : {}),
        ...('message' in action ? { message: action.message } : {}),
        ...('partial' in action ? { partial: action.partial } : {}),
        ...(action.periods === undefined ? {} : { periods: action.periods }),
      }
    case 'settle':
      return {
        ...run,
        status: action.status,
        result: action.result,
        error: action.error,
        endedAt: action.endedAt,
      }
  }
}

/** Whether a status is final. */
export function isEnded(status: RunStatus): boolean {
  return status === 'success' || status === 'error' || status === 'cancelled'
}

/**
 * Creates a store of run states: a zustand vanilla store, so it works with
 * `useStore`, `subscribe` and devtools like any other.
 */
export function createLongCallbackStore(): LongCallbackStore {
  return createStore<LongCallbackState>()(() => ({ runs: {}, owners: {} }))
}

let defaultStore: LongCallbackStore | undefined

/**
 * The store used when neither an option nor a `LongCallbackProvider` names
 * one. Created on first use.
 */
export function getDefaultStore(): LongCallbackStore {
  defaultStore ??= createLongCallbackStore()
  return defaultStore
}

type ProgressAction = Extract<RunAction, { type: 'progress' }>

// Book-keeping that is not state: who observes which entry, the unkeyed
// runs, and progress waiting for the next frame.
interface StoreMeta {
  observers: Map<string, number>
  /** Keys of unkeyed runs, whether hidden or in the store. */
  transient: Set<string>
  /**
   * Unkeyed runs that nobody observes, kept out of the store: a page with
   * thousands of runs in flight then neither copies the record of runs on
   * each change nor wakes a subscriber. Observing one moves it in.
   */
  hidden: Map<string, RunState>
  pending: Map<string, ProgressAction>
  /** Cancels the frame that will flush `pending`, while one is scheduled. */
  cancelFrame: (() => void) | undefined
}

const metas = new WeakMap<LongCallbackStore, StoreMeta>()

function metaOf(store: LongCallbackStore): StoreMeta {
  let meta = metas.get(store)
  if (!meta) {
    meta = {
      observers: new Map(),
      transient: new Set(),
      hidden: new Map(),
      pending: new Map(),
      cancelFrame: undefined,
    }
    metas.set(store, meta)
  }
  return meta
}

// An unkeyed run is stored under its own id; a keyed one under its key.
function isUnkeyed(action: Extract<RunAction, { type: 'start' }>): boolean {
  return action.key === action.runId
}

/**
 * Applies an action. Progress waiting for the frame is applied first, so that
 * the store never shows an older report after a newer change. An unkeyed run
 * that ends while nobody observes it is forgotten, which keeps the store's
 * size bounded however many runs a page makes.
 */
export function dispatch(store: LongCallbackStore, action: RunAction): void {
  const meta = metaOf(store)
  const { key } = action
  if (action.type === 'start' && isUnkeyed(action)) {
    meta.transient.add(key)
    meta.hidden.set(key, startedRun(action))
    return
  }
  if (meta.hidden.has(key)) {
    updateHidden(meta, action)
    return
  }
  const waiting = takePending(meta, key)
  const actions: RunAction[] = waiting ? [waiting, action] : [action]
  const forget =
    action.type === 'remove' ||
    (action.type === 'settle' && isForgettable(meta, key))
  if (forget && action.type !== 'remove') {
    actions.push({ type: 'remove', key, runId: action.runId })
  }
  if (forget) meta.transient.delete(key)
  store.setState((state) => actions.reduce(reduce, state), true)
}

function updateHidden(meta: StoreMeta, action: RunAction): void {
  const { key } = action
  const run = meta.hidden.get(key)
  if (!run || action.type === 'start') return
  if (action.type === 'remove' || action.type === 'settle') {
    meta.hidden.delete(key)
    meta.transient.delete(key)
    return
  }
  meta.hidden.set(key, reduceRun(run, action))
}

function isForgettable(meta: StoreMeta, key: string): boolean {
  return meta.transient.has(key) && !meta.observers.get(key)
}

/**
 * Queues a report (progress, a partial result, a period count) for the next
 * animation frame, merged with any other waiting for the same entry, so a
 * component watching a progress flood renders at most once per frame.
 */
export function dispatchProgress(
  store: LongCallbackStore,
  action: ProgressAction,
): void {
  const meta = metaOf(store)
  if (meta.hidden.has(action.key)) {
    updateHidden(meta, action)
    return
  }
  // A superseded run still reporting would replace the newer run's waiting
  // report with one the reducer then ignores: the newer report would be lost.
  if (store.getState().owners[action.key] !== action.runId) return
  const waiting = meta.pending.get(action.key)
  meta.pending.set(
    action.key,
    waiting && waiting.runId === action.runId
      ? { ...waiting, ...action }
      : action,
  )
  meta.cancelFrame ??= onNextFrame(() => flush(store))
}

// Takes a report waiting for the frame out of the queue; a frame left with
// nothing to flush is cancelled, so no timer outlives the run.
function takePending(meta: StoreMeta, key: string): ProgressAction | undefined {
  const waiting = meta.pending.get(key)
  if (!waiting) return undefined
  meta.pending.delete(key)
  if (meta.pending.size === 0) {
    meta.cancelFrame?.()
    meta.cancelFrame = undefined
  }
  return waiting
}

function flush(store: LongCallbackStore): void {
  const meta = metaOf(store)
  meta.cancelFrame = undefined
  if (meta.pending.size === 0) return
  const actions = [...meta.pending.values()]
  meta.pending.clear()
  store.setState((state) => actions.reduce(reduce, state), true)
}

// requestAnimationFrame where there is one; a 16 ms timer elsewhere (Node,
// jsdom without visuals). A hidden tab runs no frames: its progress waits,
// but final states are dispatched at once and bring the waiting report along.
// Returns a canceller.
function onNextFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const frame = requestAnimationFrame(callback)
    return () => cancelAnimationFrame(frame)
  }
  const timer = setTimeout(callback, 16)
  return () => clearTimeout(timer)
}

/**
 * Marks an entry as observed until the returned function is called, so that
 * the state of an unkeyed run outlives its end while a component shows it.
 */
export function observeRun(store: LongCallbackStore, key: string): () => void {
  const meta = metaOf(store)
  meta.observers.set(key, (meta.observers.get(key) ?? 0) + 1)
  const hidden = meta.hidden.get(key)
  if (hidden) {
    meta.hidden.delete(key)
    store.setState(
      (state) => ({
        runs: { ...state.runs, [key]: hidden },
        owners: { ...state.owners, [key]: key },
      }),
      true,
    )
  }
  let released = false
  return () => {
    if (released) return
    released = true
    const count = (meta.observers.get(key) ?? 1) - 1
    if (count > 0) {
      meta.observers.set(key, count)
      return
    }
    meta.observers.delete(key)
    const run = store.getState().runs[key]
    if (!meta.transient.has(key) || !run) return
    if (isEnded(run.status)) dispatch(store, { type: 'remove', key })
    else hide(store, meta, key, run)
  }
}

// An unkeyed run still going that nobody observes any more goes back out of
// the store, with any progress waiting for the frame.
function hide(
  store: LongCallbackStore,
  meta: StoreMeta,
  key: string,
  run: RunState,
): void {
  const waiting = takePending(meta, key)
  meta.hidden.set(key, waiting ? reduceRun(run, waiting) : run)
  store.setState((state) => reduce(state, { type: 'remove', key }), true)
}
