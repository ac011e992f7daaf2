import { PoolTerminatedError, TimeoutError, toAbortError } from './errors.ts'
import { trackKeyedRun } from './keyedRuns.ts'
import { onAbort, rethrowLater } from './onAbort.ts'
import { asError } from './localRun.ts'
import { dispatch, dispatchProgress, getDefaultStore } from './store.ts'
import { startInterval, startTimeout } from './timers.ts'
import type {
  EndReason,
  InvokeOptions,
  LongRun,
  LongTask,
  StatusInfo,
} from './types.ts'
import { checkRunOptions, fail } from './validate.ts'

/** Periods shorter than this count as this: one frame. */
export const MIN_PERIOD_MS = 16

const WHERE = 'invokeLongCallback'
let lastId = 0

const now =
  typeof performance === 'object' ? () => performance.now() : () => Date.now()

type Outcome<TResult> =
  { ok: true; result: TResult } | { ok: false; reason: EndReason; error: Error }

/**
 * Runs `task` with `input` and keeps the caller informed, the way Taipy's
 * `invoke_long_callback` does: `onStatus` hears `0` as the run starts, the
 * number of periods passed every `period` milliseconds while it runs, then
 * once `true` with the result or `false` with the reason. A keyed run's
 * state is kept in the store under `key`; a run without one is stored under
 * its id only while something observes it (a component showing it), so
 * that the store stays small however many runs a page makes.
 *
 * The returned promise never reports an unhandled rejection: the error is
 * also in the state and the handler. Awaiting it still throws.
 */
export function invokeLongCallback<TInput, TResult>(
  task: LongTask<TInput, TResult>,
  input: TInput,
  options: InvokeOptions<TResult> = {},
): LongRun<TResult> {
  checkTask(task)
  checkInvokeOptions(options)
  const { onStatus, signal: outside } = options
  const id = `lcr_${++lastId}`
  const key = options.key ?? id
  const store = options.store ?? getDefaultStore()
  const startedAt = now()
  const abort = new AbortController()
  const latest: Pick<StatusInfo, 'progress' | 'message' | 'partial'> = {
    progress: null,
    message: undefined,
    partial: undefined,
  }
  let periods = 0
  let ended = false
  let stopListening: (() => void) | undefined
  let endKeyed: (() => void) | undefined
  let periodTimer: ReturnType<typeof setInterval> | undefined
  let timeoutTimer: ReturnType<typeof setTimeout> | undefined
  let resolvePromise!: (result: TResult) => void
  let rejectPromise!: (error: Error) => void

  const promise = new Promise<TResult>((resolve, reject) => {
    resolvePromise = resolve
    rejectPromise = reject
  })
  promise.catch(() => {})

  const info = (extra?: { reason: EndReason; error: Error }): StatusInfo => ({
    ...extra,
    progress: latest.progress,
    message: latest.message,
    partial: latest.partial,
    elapsedMs: now() - startedAt,
  })

  const notify = (
    status: boolean | number,
    result: TResult | undefined,
    statusInfo: StatusInfo,
  ) => {
    if (!onStatus) return
    try {
      onStatus(status, result, statusInfo)
    } catch (error) {
      // A throwing handler must not corrupt the run; surface it as the
      // uncaught error it is, outside our call stack.
      rethrowLater(error)
    }
  }

  const finish = (outcome: Outcome<TResult>) => {
    if (ended) return
    ended = true
    clearInterval(periodTimer)
    clearTimeout(timeoutTimer)
    stopListening?.()
    // Before the status call: a handler that starts the next run under the
    // key must not find this one still going.
    endKeyed?.()
    const endedAt = Date.now()
    if (outcome.ok) {
      dispatch(store, {
        type: 'settle',
        key,
        runId: id,
        status: 'success',
        result: outcome.result,
        endedAt,
      })
      notify(true, outcome.result, info())
      resolvePromise(outcome.result)
      return
    }
    const { reason, error } = outcome
    dispatch(store, {
      type: 'settle',
      key,
      runId: id,
      status: reason === 'cancelled' ? 'cancelled' : 'error',
      error,
      endedAt,
    })
    notify(false, undefined, info({ reason, error }))
    rejectPromise(error)
  }

  const cancel = (reason?: unknown) => {
    if (ended) return
    const error = toAbortError(reason)
    finish({ ok: false, reason: 'cancelled', error })
    abort.abort(error)
  }

  // Step 1: the entry in the store, and the clock that counts from the call.
  dispatch(store, {
    type: 'start',
    key,
    runId: id,
    status: 'queued',
    startedAt: Date.now(),
  })
  if (options.key !== undefined) {
    endKeyed = trackKeyedRun(store, key, id, (reason) => cancel(reason))
  }
  const period = options.period ? Math.max(options.period, MIN_PERIOD_MS) : 0
  if (period > 0) {
    queueMicrotask(() => {
      if (!ended) notify(0, undefined, info())
    })
    periodTimer = startInterval(() => {
      periods += 1
      dispatchProgress(store, { type: 'progress', key, runId: id, periods })
      notify(periods, undefined, info())
    }, period)
  }
  if (options.timeoutMs !== undefined) {
    timeoutTimer = startTimeout(() => {
      if (ended) return
      const error = new TimeoutError(
        `Task "${task.name}" timed out after ${options.timeoutMs} ms.`,
      )
      finish({ ok: false, reason: 'timeout', error })
      abort.abort(error)
    }, options.timeoutMs)
  }

  // Step 2: an outside signal may already be aborted.
  if (outside?.aborted) {
    cancel(outside.reason)
    return { id, promise, cancel }
  }
  if (outside) stopListening = onAbort(outside, () => cancel(outside.reason))

  // Step 3: the task itself. Reports after the end are ignored by `ended`.
  startTask(() =>
    task.run(input, {
      signal: abort.signal,
      killAfterMs: options.killAfterMs,
      onStart() {
        if (!ended) dispatch(store, { type: 'running', key, runId: id })
      },
      onProgress(progress, message) {
        if (ended) return
        latest.progress = progress
        latest.message = message
        dispatchProgress(store, {
          type: 'progress',
          key,
          runId: id,
          progress,
          message,
        })
      },
      onPartial(partial) {
        if (ended) return
        latest.partial = partial
        dispatchProgress(store, { type: 'progress', key, runId: id, partial })
      },
    }),
  ).then(
    (result) => finish({ ok: true, result }),
    (error: unknown) => finish(failure(error)),
  )

  return { id, promise, cancel }
}

// A hand-written LongTask may throw instead of rejecting; the run must still
// end, and `invoke` must still not throw.
function startTask<TResult>(start: () => Promise<TResult>): Promise<TResult> {
  try {
    return start()
  } catch (error) {
    return Promise.reject(error)
  }
}

function checkTask(task: unknown): void {
  const run = (task as { run?: unknown } | null)?.run
  if (typeof run !== 'function') {
    fail(WHERE, 'task', 'a LongTask (from pool.task or defineLongTask)', task)
  }
}

function checkInvokeOptions<TResult>(options: InvokeOptions<TResult>): void {
  checkRunOptions(WHERE, options)
  const { signal } = options
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    fail(WHERE, 'signal', 'an AbortSignal', signal)
  }
}

// A run that a terminated pool cut off ends as cancelled, as a cancel would.
function failure(thrown: unknown): Outcome<never> {
  const error = asError(thrown)
  const cut = error instanceof PoolTerminatedError
  return { ok: false, reason: cut ? 'cancelled' : 'error', error }
}
