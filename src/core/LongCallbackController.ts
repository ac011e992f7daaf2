import {
  checkControllerArgs,
  type ControllerOptions,
  type InvokeArgs,
  type PageTaskFn,
} from './controllerOptions.ts'
import { defineLongTask } from './defineLongTask.ts'
import { AbortError } from './errors.ts'
import { invokeLongCallback } from './invokeLongCallback.ts'
import { keyedRunOf, type KeyedRun } from './keyedRuns.ts'
import { dispatch, idleRunState, isEnded, observeRun } from './store.ts'
import type { LongCallbackStore, LongRun, LongTask, RunState } from './types.ts'

// One run this controller started, with the settings it started under: the
// key and store may change later, and must not change which runs count.
interface Active {
  run: LongRun<unknown>
  key: string | undefined
  store: LongCallbackStore
  cancelsOnUnmount: boolean
}

type Cancellable = Pick<LongRun<unknown>, 'id' | 'cancel'>

interface Waiting<TInput, TResult> {
  input: TInput
  resolve: (result: TResult) => void
  reject: (error: Error) => void
}

/**
 * The framework-free owner of one component's runs: it applies the
 * concurrency policy, remembers which run to show, keeps that entry observed
 * so the store does not forget it, and calls the latest status handler only
 * while mounted. A UI binding creates one per component, pushes the latest
 * task and options, subscribes, and calls `mount` when it is mounted.
 */
export class LongCallbackController<TInput, TResult> {
  #task: LongTask<TInput, TResult> | PageTaskFn<TInput, TResult>
  #options: ControllerOptions<TResult>
  #store: LongCallbackStore
  #where: string
  #listeners = new Set<() => void>()
  #unsubscribeStore: (() => void) | undefined
  #running = new Set<Active>()
  #waiting: Array<Waiting<TInput, TResult>> = []
  #shownKey: string | undefined
  #releaseShown: (() => void) | undefined
  // The ended state of the unkeyed run shown when the owner unmounted. Its
  // entry is then forgotten, but React may show the same owner again (an
  // Activity made visible), which must find its result where it left it.
  #kept: { key: string; state: RunState } | undefined
  #unmounted = false
  #disposed = false

  constructor(
    task: LongTask<TInput, TResult> | PageTaskFn<TInput, TResult>,
    options: ControllerOptions<TResult>,
    store: LongCallbackStore,
    where = 'LongCallbackController',
  ) {
    checkControllerArgs(where, task, options)
    this.#task = task
    this.#options = options
    this.#store = store
    this.#where = where
    this.#shownKey = options.key
  }

  /** Takes the latest task and options; a new store or key is shown. */
  setOptions(
    task: LongTask<TInput, TResult> | PageTaskFn<TInput, TResult>,
    options: ControllerOptions<TResult>,
    store: LongCallbackStore,
  ): void {
    checkControllerArgs(this.#where, task, options)
    const previousKey = this.#options.key
    this.#task = task
    this.#options = options
    if (store === this.#store && options.key === previousKey) return
    this.#store = store
    if (this.#unsubscribeStore) {
      this.#unsubscribeStore()
      this.#unsubscribeStore = store.subscribe(this.#notify)
    }
    this.#show(options.key)
    this.#notify()
  }

  /** Calls `listener` whenever the shown state may have changed. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    this.#unsubscribeStore ??= this.#store.subscribe(this.#notify)
    return () => {
      this.#listeners.delete(listener)
      if (this.#listeners.size > 0) return
      this.#unsubscribeStore?.()
      this.#unsubscribeStore = undefined
    }
  }

  /** The state of the shown run; the same object until it changes. */
  getSnapshot = (): RunState<TResult> => {
    const key = this.#shownKey
    if (key === undefined) return idleRunState
    const state =
      this.#store.getState().runs[key] ??
      (this.#kept?.key === key ? this.#kept.state : idleRunState)
    return state as RunState<TResult>
  }

  /**
   * What {@link getSnapshot} will return once `setOptions` has taken this
   * store and key. A render that brings a new key reads this, so that it
   * never shows the old key's run for a frame.
   */
  snapshotFor(
    store: LongCallbackStore,
    key: string | undefined,
  ): RunState<TResult> {
    if (key !== undefined) {
      return (store.getState().runs[key] ?? idleRunState) as RunState<TResult>
    }
    const unchanged = store === this.#store && this.#options.key === undefined
    return unchanged ? this.getSnapshot() : idleRunState
  }

  /** What a server render shows: nothing runs there. */
  getServerSnapshot = (): RunState<TResult> => idleRunState

  /**
   * Marks the owner mounted; returns the unmount. An unmount is acted on a
   * microtask later: StrictMode unmounts and mounts again at once, and that
   * must neither cancel a run nor lose its entry.
   */
  mount = (): (() => void) => {
    this.#unmounted = false
    this.#disposed = false
    if (this.#options.key === undefined && this.#shownKey !== undefined) {
      this.#releaseShown ??= observeRun(this.#store, this.#shownKey)
    }
    return () => {
      this.#unmounted = true
      void Promise.resolve().then(() => {
        if (this.#unmounted) this.#dispose()
      })
    }
  }

  /** Starts a run as the concurrency policy says; never throws. */
  invoke = (...args: InvokeArgs<TInput>): void => {
    void this.invokeAsync(...args)
  }

  /**
   * Starts a run as the concurrency policy says. The promise settles with
   * the run; it never reports an unhandled rejection, but awaiting it throws.
   */
  invokeAsync = (...args: InvokeArgs<TInput>): Promise<TResult> => {
    const input = args[0] as TInput
    if (this.#disposed && this.#cancelsOnUnmount()) {
      return rejected('the component has unmounted')
    }
    const busy = this.#busy()
    if (busy.length === 0 && this.#waiting.length === 0) {
      return this.#start(input)
    }
    switch (this.#options.concurrency ?? 'replace') {
      case 'parallel':
        return this.#start(input)
      case 'drop':
        return rejected('dropped, a run is going (concurrency "drop")')
      case 'queue':
        return this.#enqueue(input)
      case 'keepLatest':
        this.#rejectWaiting(
          'superseded by a newer call (concurrency "keepLatest")',
        )
        return this.#enqueue(input)
      case 'replace': {
        this.#rejectWaiting('replaced by a newer call')
        const promise = this.#start(input)
        for (const run of busy) run.cancel('replaced by a newer run')
        return promise
      }
    }
  }

  /**
   * Cancels the runs going (with a `key`, also one another owner started)
   * and the calls waiting. The state shows the last run as cancelled.
   */
  cancel = (): void => {
    this.#rejectWaiting('cancelled before it started')
    for (const run of this.#busy()) run.cancel()
  }

  /**
   * Cancels as {@link cancel} does, then shows `'idle'`. A keyed entry is
   * removed from the store, so every reader of the key sees `'idle'` too.
   */
  reset = (): void => {
    // A cancel calls status handlers, which may start a newer run under the
    // key or show one here: only what was shown before is cleared.
    const { key } = this.#options
    const store = this.#store
    const owner = key === undefined ? undefined : store.getState().owners[key]
    const shown = this.#shownKey
    this.cancel()
    if (key === undefined) {
      if (this.#shownKey === shown) this.#show(undefined)
      return
    }
    if (owner !== undefined) {
      dispatch(store, { type: 'remove', key, runId: owner })
    }
  }

  #start(input: TInput): Promise<TResult> {
    const { key } = this.#options
    const store = this.#store
    // Its run is set as soon as invokeLongCallback returns, before any
    // status call: the first one comes a microtask later.
    const active = {
      key,
      store,
      cancelsOnUnmount: this.#cancelsOnUnmount(),
    } as Active
    const run = invokeLongCallback(this.#longTask(), input, {
      ...this.#options,
      signal: undefined,
      store,
      onStatus: (status, result, info) => {
        const isEnd = typeof status === 'boolean'
        if (isEnd) this.#running.delete(active)
        // A handler that throws is reported by invokeLongCallback; the calls
        // waiting behind this run must still start.
        try {
          if (!this.#unmounted) this.#options.onStatus?.(status, result, info)
        } finally {
          if (isEnd) this.#drain()
        }
      },
    })
    active.run = run
    this.#running.add(active)
    if (this.#shownKey !== (key ?? run.id)) this.#show(key ?? run.id)
    return run.promise
  }

  #enqueue(input: TInput): Promise<TResult> {
    const promise = new Promise<TResult>((resolve, reject) => {
      this.#waiting.push({ input, resolve, reject })
    })
    promise.catch(() => {})
    this.#drain()
    return promise
  }

  // Starts the next waiting call once nothing is going. A run that another
  // owner of the key started does not call us when it ends: wait for it.
  // Each owner keeps its own queue, so two owners of one key do not run
  // their calls in the order they were made: the owner whose run just ended
  // goes first. One queue per key, shared by its owners, would fix that.
  #drain = (): void => {
    if (this.#waiting.length === 0) return
    const other = this.#othersKeyedRun()
    if (other) {
      void other.done.then(this.#drain)
      return
    }
    if (this.#ownBusy().length > 0) return
    const next = this.#waiting.shift()
    if (next) this.#start(next.input).then(next.resolve, next.reject)
  }

  // The runs that count for the policy and for cancel: those going under
  // the current key and store, whoever started them.
  #busy(): Cancellable[] {
    const busy: Cancellable[] = this.#ownBusy()
    const other = this.#othersKeyedRun()
    if (other) busy.push(other)
    return busy
  }

  #ownBusy(): Array<LongRun<unknown>> {
    const { key } = this.#options
    const runs: Array<LongRun<unknown>> = []
    for (const active of this.#running) {
      if (active.key === key && active.store === this.#store) {
        runs.push(active.run)
      }
    }
    return runs
  }

  #othersKeyedRun(): KeyedRun | undefined {
    const { key } = this.#options
    if (key === undefined) return undefined
    const run = keyedRunOf(this.#store, key)
    if (!run) return undefined
    for (const active of this.#running) {
      if (active.run.id === run.id) return undefined
    }
    return run
  }

  #rejectWaiting(reason: string): void {
    const waiting = this.#waiting
    this.#waiting = []
    for (const call of waiting) call.reject(new AbortError(reason))
  }

  // An unkeyed run's entry is kept only while observed: observe the one
  // shown, and let go of the one shown before.
  #show(key: string | undefined): void {
    this.#releaseShown?.()
    this.#releaseShown = undefined
    this.#kept = undefined
    this.#shownKey = key
    const transient = key !== undefined && key !== this.#options.key
    if (transient && !this.#unmounted) {
      this.#releaseShown = observeRun(this.#store, key)
    }
    this.#notify()
  }

  #notify = (): void => {
    for (const listener of this.#listeners) listener()
  }

  #cancelsOnUnmount(): boolean {
    return this.#options.cancelOnUnmount ?? this.#options.key === undefined
  }

  // Each run is cancelled or not as it was started, whatever the key is now:
  // an unkeyed run left going would be one nobody can see or cancel.
  #dispose(): void {
    this.#disposed = true
    if (this.#cancelsOnUnmount()) {
      this.#rejectWaiting('the component unmounted')
    }
    for (const active of [...this.#running]) {
      if (active.cancelsOnUnmount) active.run.cancel('the component unmounted')
    }
    // Only now, so that a run cancelled above is kept as cancelled.
    const key = this.#shownKey
    const state =
      key === undefined ? undefined : this.#store.getState().runs[key]
    if (key !== undefined && state && isEnded(state.status)) {
      if (key !== this.#options.key) this.#kept = { key, state }
    }
    this.#releaseShown?.()
    this.#releaseShown = undefined
  }

  // A plain function is read at each call: an inline arrow is new on every
  // render, and the newest one sees the newest props.
  #longTask(): LongTask<TInput, TResult> {
    const task = this.#task
    if (typeof task !== 'function') return task
    return defineLongTask(task, task.name || 'pageTask') as LongTask<
      TInput,
      TResult
    >
  }
}

function rejected(reason: string): Promise<never> {
  const promise = Promise.reject(new AbortError(reason))
  promise.catch(() => {})
  return promise
}
