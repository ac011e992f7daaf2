import type { StoreApi } from 'zustand/vanilla'

/**
 * What a task receives besides its input: the means to notice a cancel and to
 * report how far it has come. The same object shape is given to tasks in a
 * worker, on the page ({@link defineLongTask}) and in the inline test pool.
 */
export interface TaskContext {
  /** Aborted when the caller cancels the run or its `timeoutMs` passes. */
  readonly signal: AbortSignal
  /**
   * Yields to the event loop so that a cancel message can arrive, then
   * throws the abort reason if the run was cancelled. A synchronous loop
   * receives no message at all, so call this every few milliseconds in one;
   * it costs a few microseconds.
   */
  checkpoint(): Promise<void>
  /**
   * Reports progress: `value` in [0, 1], or `null` when the amount is
   * unknown, with an optional message. Calls may come at any rate; they are
   * coalesced to at most one update per 16 ms, and the last one always
   * arrives before the result.
   */
  progress(value: number | null, message?: string): void
  /**
   * Hands a partial result to the page (rows found so far, a preview).
   * Coalesced like {@link TaskContext.progress}; the latest one is kept in
   * the run's state. From a worker it is copied, never moved: a value
   * marked with `transfer` keeps its mark for the result. On the page and
   * in the inline pool, the object itself is handed over.
   */
  partial(data: unknown): void
}

/** A task function as a worker module or the page defines it. */
export type TaskFn<TInput, TResult> = (
  input: TInput,
  ctx: TaskContext,
) => TResult | PromiseLike<TResult>

/**
 * The object given to `defineTasks`: task functions by name. `input: never`
 * lets any one-argument function fit, whatever its input type.
 */
export type TaskMap = Record<
  string,
  (input: never, ctx: TaskContext) => unknown
>

/** The input type of a task function. */
export type TaskInput<TFn> = TFn extends (
  input: infer TInput,
  ctx: TaskContext,
) => unknown
  ? TInput
  : never

/** The result type of a task function, with any promise unwrapped. */
export type TaskResult<TFn> = TFn extends (
  input: never,
  ctx: TaskContext,
) => infer TReturn
  ? Awaited<TReturn>
  : never

/**
 * What a {@link LongTask} reports to whoever runs it. All fields are optional
 * except the signal that ends the run.
 */
export interface RunHooks {
  /**
   * Ends the run: once aborted, the run's promise rejects with the signal's
   * reason at once, even if the work itself takes longer to stop.
   */
  signal: AbortSignal
  /**
   * How long a cancelled task may keep its worker before the worker is
   * terminated, in milliseconds. Overrides the pool's `killAfterMs`.
   */
  killAfterMs?: number | undefined
  /** Called once, when the run leaves the queue and starts. */
  onStart?: (() => void) | undefined
  /** Called with each coalesced progress report. */
  onProgress?:
    ((value: number | null, message: string | undefined) => void) | undefined
  /** Called with each coalesced partial result. */
  onPartial?: ((data: unknown) => void) | undefined
}

/**
 * A typed unit of long-running work: a task of a worker pool, a function run
 * on the page ({@link defineLongTask}), or a task of the inline test pool.
 * Give it to {@link invokeLongCallback} or `useLongCallback`.
 */
export interface LongTask<TInput, TResult> {
  /** The task's name, used in error messages. */
  readonly name: string
  /**
   * Starts one run with no status handler, store or timer: the low-level
   * entry that `invokeLongCallback` is built on. The promise settles with the
   * result, the task's error, or the signal's reason once it aborts.
   */
  run(input: TInput, hooks: RunHooks): Promise<TResult>
}

/** Counts that describe a pool at one moment. */
export interface PoolStats {
  /** Workers alive, busy or idle. */
  workers: number
  /** Runs being executed. */
  running: number
  /** Runs waiting in the queue for a free worker. */
  queued: number
  /** Whether `terminate()` was called. */
  terminated: boolean
}

/** A pool that runs the tasks of one worker module. */
export interface WorkerPool<TTasks extends TaskMap> {
  /** The pool's name, from its options; used in error messages. */
  readonly name: string
  /**
   * The task called `name` in the worker module, typed from it. An unknown
   * name is a type error, and at run time fails its runs with an
   * `UnknownTaskError`.
   */
  task<TName extends keyof TTasks & string>(
    name: TName,
  ): LongTask<TaskInput<TTasks[TName]>, TaskResult<TTasks[TName]>>
  /**
   * Ends every worker. Runs still queued or running end as cancelled with a
   * `PoolTerminatedError`, and later runs fail with it at once.
   */
  terminate(): void
  /** The pool's current counts, for tests and dashboards. */
  stats(): PoolStats
}

/** Where a run stands. `'queued'` waits for a worker. */
export type RunStatus =
  'idle' | 'queued' | 'running' | 'success' | 'error' | 'cancelled'

/** The state of one run, as the store keeps it. */
export interface RunState<TResult = unknown> {
  /** Where the run stands; a timeout is `'error'` with a `TimeoutError`. */
  status: RunStatus
  /** The latest progress in [0, 1]; `null` when unknown or not reported. */
  progress: number | null
  /** The message of the latest progress report. */
  message: string | undefined
  /** The latest partial result the task handed over. */
  partial: unknown
  /** The task's result, once the status is `'success'`. */
  result: TResult | undefined
  /** Why the run failed, once the status is `'error'` or `'cancelled'`. */
  error: Error | undefined
  /** How many status periods have passed. */
  periods: number
  /** When the run was invoked, in epoch milliseconds. */
  startedAt: number | undefined
  /** When the run ended, in epoch milliseconds. */
  endedAt: number | undefined
}

/** The state of the long-callback store. */
export interface LongCallbackState {
  /**
   * Run states: a keyed run under its key, any other run under its id while
   * a component observes it (shows it with `useLongCallback`).
   */
  runs: Record<string, RunState>
  /** The id of the run that owns each entry of `runs`. Internal. */
  owners: Record<string, string>
}

/** A zustand vanilla store of run states. */
export type LongCallbackStore = StoreApi<LongCallbackState>

/** Why a run ended without a result. */
export type EndReason = 'error' | 'cancelled' | 'timeout'

/** What the status handler hears besides the status and the result. */
export interface StatusInfo {
  /** Set when the status is `false`: why there is no result. */
  reason?: EndReason
  /** Set when the status is `false`: the error that ended the run. */
  error?: Error
  /** The latest progress in [0, 1], or `null`. */
  progress: number | null
  /** The message of the latest progress report. */
  message: string | undefined
  /** The latest partial result. */
  partial: unknown
  /** Milliseconds since the run was invoked, queue time included. */
  elapsedMs: number
}

/**
 * The status handler, in the shape of Taipy's `invoke_long_callback`:
 * `true` when the task returned (with its result), `false` when it ended
 * without one (see `info.reason`), or the number of periods passed while it
 * runs: `0` as it starts, then `1`, `2`, ... every `period` milliseconds.
 */
export type StatusHandler<TResult> = (
  status: boolean | number,
  result: TResult | undefined,
  info: StatusInfo,
) => void

/** Options of {@link invokeLongCallback}. */
export interface InvokeOptions<TResult> {
  /**
   * Milliseconds between periodic status calls, counted from the call.
   * `0` or none: the handler is called only at the end. Values under 16 count
   * as 16; `Infinity` gives the first call (`0`) and no other.
   */
  period?: number | undefined
  /** Called as the run starts, every period, and once when it ends. */
  onStatus?: StatusHandler<TResult> | undefined
  /**
   * Milliseconds after the call (queue time included) at which the run ends
   * with a `TimeoutError`. None or `Infinity`: no limit.
   */
  timeoutMs?: number | undefined
  /**
   * Milliseconds a cancelled or timed-out task may keep its worker before the
   * worker is terminated. Default: the pool's `killAfterMs`; `Infinity`
   * never terminates it.
   */
  killAfterMs?: number | undefined
  /** An outside signal; aborting it cancels the run. */
  signal?: AbortSignal | undefined
  /**
   * Stores the run's state under this key, where any component can read it
   * with `useLongCallbackState`. A newer run with the same key takes the
   * entry over; the older one no longer writes to it.
   */
  key?: string | undefined
  /** The store that keeps the run's state. Default: the default store. */
  store?: LongCallbackStore | undefined
}

/** One invoked run. */
export interface LongRun<TResult> {
  /** The run's id, unique on the page. */
  readonly id: string
  /**
   * Resolves with the result; rejects with the task's error, an
   * `AbortError` on cancel, a `TimeoutError`, or a `PoolTerminatedError`
   * when its pool is terminated.
   */
  readonly promise: Promise<TResult>
  /**
   * Ends the run now with an `AbortError` carrying `reason`. The run's state,
   * promise and handler settle at once; a worker that ignores the signal is
   * terminated `killAfterMs` later. Does nothing once the run has ended.
   */
  cancel(reason?: unknown): void
}
