/**
 * The worker that held the run died: an uncaught error, `self.close()`, a
 * script that failed to load, or the browser ending it. The pool replaces
 * the worker; only the run it held fails.
 */
export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError'
}

/** The run's `timeoutMs` passed before it ended. */
export class TimeoutError extends Error {
  override name = 'TimeoutError'
}

/** The pool was terminated before or while the run was in it. */
export class PoolTerminatedError extends Error {
  override name = 'PoolTerminatedError'
}

/** The worker module defines no task by the requested name. */
export class UnknownTaskError extends Error {
  override name = 'UnknownTaskError'
}

/** A run's input or result could not be cloned across threads. */
export class DataCloneError extends Error {
  override name = 'DataCloneError'
}

/** The run was cancelled; `reason` is what the caller passed to `cancel`. */
export class AbortError extends Error {
  override name = 'AbortError'
  readonly reason: unknown

  constructor(reason?: unknown) {
    super(
      typeof reason === 'string' && reason
        ? `The run was cancelled: ${reason}`
        : 'The run was cancelled',
    )
    this.reason = reason
  }
}

/**
 * Turns an abort reason of any kind into the error a run ends with. The
 * library's own ending errors (a timeout, a terminated pool) pass unchanged.
 */
export function toAbortError(reason: unknown): Error {
  if (
    reason instanceof AbortError ||
    reason instanceof TimeoutError ||
    reason instanceof PoolTerminatedError
  ) {
    return reason
  }
  if (isDomAbort(reason)) return new AbortError()
  return new AbortError(reason)
}

// `AbortController.abort()` without a reason gives a DOMException.
function isDomAbort(reason: unknown): boolean {
  return (
    typeof DOMException !== 'undefined' &&
    reason instanceof DOMException &&
    reason.name === 'AbortError'
  )
}
