// Runs often share one signal: a page that cancels a whole batch at once
// passes the same signal to every run. An event target keeps its listeners
// in a list, so with one listener per run each removal searched that list,
// and 10,000 runs on one signal cost quadratic time. Each signal gets one
// listener here instead, however many runs wait on it.
interface Waiters {
  callbacks: Set<() => void>
  listener: () => void
}

const waitersOf = new WeakMap<AbortSignal, Waiters>()

/**
 * Calls `callback` once when `signal` aborts, unless the returned function
 * is called first. The signal must not be aborted yet. Callbacks run in the
 * order they were added; one that throws is reported, and the rest still
 * run, as with separate event listeners.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  const waiters = waitersOf.get(signal) ?? listen(signal)
  waiters.callbacks.add(callback)
  return () => {
    const { callbacks, listener } = waiters
    if (!callbacks.delete(callback) || callbacks.size > 0) return
    // A long-lived signal keeps no listener of ours between runs.
    if (waitersOf.get(signal) === waiters) waitersOf.delete(signal)
    signal.removeEventListener('abort', listener)
  }
}

function listen(signal: AbortSignal): Waiters {
  const callbacks = new Set<() => void>()
  const listener = () => {
    waitersOf.delete(signal)
    for (const callback of callbacks) {
      try {
        callback()
      } catch (error) {
        rethrowLater(error)
      }
    }
    callbacks.clear()
  }
  const waiters = { callbacks, listener }
  waitersOf.set(signal, waiters)
  signal.addEventListener('abort', listener, { once: true })
  return waiters
}

/**
 * Reports an error thrown by user code we called (a status handler, a store
 * subscriber) as the uncaught error it is, outside our call stack, so that
 * it neither corrupts a run nor goes unseen.
 */
export function rethrowLater(error: unknown): void {
  if (typeof reportError === 'function') {
    reportError(error)
    return
  }
  setTimeout(() => {
    throw error
  })
}
