import {
  checkControllerArgs,
  type ControllerOptions,
  type InvokeArgs,
  type PageTaskFn,
} from './controllerOptions.ts'
import { defineLongTask } from './defineLongTask.ts'
import { AbortError } from './errors.ts'
import { invokeLongCallback } from './invokeLongCallback.ts'
import { dispatch, idleRunState, observeRun } from './store.ts'
import type { LongCallbackStore, LongRun, LongTask, RunState } from './types.ts'

// One run started by a controller, and a promise other owners of the same
// key can wait on.
interface Active {
  run: LongRun<unknown> | undefined
  done: Promise<void>
  markDone: () => void
}

interface Waiting<TInput, TResult> {
  input: TInput
  resolve: (result: TResult) => void
  reject: (error: Error) => void
}

// The keyed run in flight under each key of each store, whichever owner
// started it: a component mounted later can then cancel it, and apply its
// concurrency policy to it.
const keyedRuns = new WeakMap<LongCallbackStore, Map<string, Active>>()

function keyedRunsOf(store: LongCallbackStore): Map<string, Active> {
  let runs = keyedRuns.get(store)
  if (!runs) {
    runs = new Map()
    keyedRuns.set(store, runs)
  }
  return runs
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
    const state =
      key === undefined ? undefined : this.#store.getState().runs[key]
    return (state ?? idleRunState) as RunState<TResult>
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
        for (const active of busy) active.run?.cancel('replaced by a newer run')
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
    for (const active of this.#busy()) active.run?.cancel()
  }

  /**
   * Cancels as {@link cancel} does, then shows `'idle'`. A keyed entry is
   * removed from the store, so every reader of the key sees `'idle'` too.
   */
  reset = (): void => {
    this.cancel()
    const { key } = this.#options
    if (key !== undefined) {
      dispatch(this.#store, { type: 'remove', key })
      return
    }
    this.#show(undefined)
  }

  #start(input: TInput): Promise<TResult> {
    const { key } = this.#options
    const store = this.#store
    const active = newActive()
    const ended = (status: boolean | number) => {
      if (typeof status !== 'boolean') return false
      this.#running.delete(active)
      const runs = keyedRuns.get(store)
      if (key !== undefined && runs?.get(key) === active) runs.delete(key)
      active.markDone()
      return true
    }
    const run = invokeLongCallback(this.#longTask(), input, {
      ...this.#options,
      signal: undefined,
      store,
      onStatus: (status, result, info) => {
        const isEnd = ended(status)
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
    if (key !== undefined) keyedRunsOf(store).set(key, active)
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

  // Starts the next waiting call once nothing is going. A run of another
  // owner of the key does not call us when it ends: wait for it.
  #drain = (): void => {
    if (this.#waiting.length === 0) return
    const busy = this.#busy()
    if (busy.length > 0) {
      for (const active of busy) {
        if (!this.#running.has(active)) void active.done.then(this.#drain)
      }
      return
    }
    const next = this.#waiting.shift()
    if (next) this.#start(next.input).then(next.resolve, next.reject)
  }

  #busy(): Active[] {
    const busy = [...this.#running]
    const { key } = this.#options
    const other =
      key === undefined ? undefined : keyedRuns.get(this.#store)?.get(key)
    if (other && !this.#running.has(other)) busy.push(other)
    return busy
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

  #dispose(): void {
    this.#disposed = true
    this.#releaseShown?.()
    this.#releaseShown = undefined
    if (!this.#cancelsOnUnmount()) return
    this.#rejectWaiting('the component unmounted')
    for (const active of this.#running) {
      active.run?.cancel('the component unmounted')
    }
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

function newActive(): Active {
  let markDone!: () => void
  const done = new Promise<void>((resolve) => {
    markDone = resolve
  })
  return { run: undefined, done, markDone }
}

function rejected(reason: string): Promise<never> {
  const promise = Promise.reject(new AbortError(reason))
  promise.catch(() => {})
  return promise
}
