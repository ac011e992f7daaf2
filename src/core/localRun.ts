import { createTaskContext, type ContextUpdate } from './context.ts'
import { nonErrorMessage } from './errorWire.ts'
import { toAbortError } from './errors.ts'
import { onAbort } from './onAbort.ts'
import type { RunHooks, TaskContext } from './types.ts'

/** Hands a coalesced report to the hooks of the run that produced it. */
export function deliverUpdate(hooks: RunHooks, update: ContextUpdate): void {
  if ('progress' in update) {
    hooks.onProgress?.(update.progress ?? null, update.message)
  }
  if ('partial' in update) hooks.onPartial?.(update.partial)
}

/**
 * Runs a task function on the current thread with a full context. The task
 * starts in a microtask, so the caller has its run handle first; an abort
 * settles the promise at once, whatever the function does next.
 */
export function runOnThisThread<TInput, TResult>(
  fn: (input: TInput, ctx: TaskContext) => TResult | PromiseLike<TResult>,
  input: TInput,
  hooks: RunHooks,
): Promise<TResult> {
  const { signal } = hooks
  if (signal.aborted) return Promise.reject(toAbortError(signal.reason))

  const taskAbort = new AbortController()
  const handle = createTaskContext(taskAbort.signal, (update) =>
    deliverUpdate(hooks, update),
  )
  return new Promise<TResult>((resolve, reject) => {
    const stopListening = onAbort(signal, () => {
      handle.close()
      const error = toAbortError(signal.reason)
      taskAbort.abort(error)
      reject(error)
    })
    hooks.onStart?.()
    Promise.resolve()
      .then(() => {
        // A run cancelled before this microtask never starts. (Not
        // throwIfAborted: Jest's jsdom environment may lack it.)
        if (taskAbort.signal.aborted) throw taskAbort.signal.reason
        return fn(input, handle.context)
      })
      .then(
        (result) => {
          handle.flush()
          handle.close()
          resolve(result)
        },
        (error: unknown) => {
          handle.close()
          reject(asError(error))
        },
      )
      .finally(stopListening)
  })
}

// A worker sends a thrown non-Error as an Error: a task on this thread gives
// the same, so `task.run` fails alike whichever pool runs it.
export function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown
  return new Error(nonErrorMessage(thrown), { cause: thrown })
}
