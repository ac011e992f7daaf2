import { messageOf } from '../core/errorWire.ts'
import { runOnThisThread } from '../core/localRun.ts'
import { onAbort } from '../core/onAbort.ts'
import {
  DataCloneError,
  PoolTerminatedError,
  UnknownTaskError,
} from '../core/errors.ts'
import { namedTask } from '../core/pool.ts'
import { takeTransferables } from '../core/transfer.ts'
import type {
  RunHooks,
  TaskContext,
  TaskMap,
  WorkerPool,
} from '../core/types.ts'
import { checkOptions, fail } from '../core/validate.ts'

type AnyTask = (input: unknown, ctx: TaskContext) => unknown

const WHERE = 'createInlinePool'

/**
 * A pool of the same type as `createWorkerPool` that runs the task object on
 * the current thread, asynchronously, with the same context, cancel,
 * progress and errors. Inputs and results are cloned as they would be
 * between threads, so a value a worker could not receive (a function) fails
 * here too; a jsdom DOM node is the exception, which Node's structuredClone
 * copies as an empty object.
 * Components written against a worker pool can then be tested in jsdom.
 *
 * Every run starts at once: the inline pool has no queue and no size, so a
 * run is never seen as `'queued'`, and a task that never yields blocks the
 * test, as it would block a worker.
 *
 * It needs no platform feature newer than `AbortController`, so it also runs
 * in Jest's jsdom environment. That environment has no `structuredClone`:
 * there, values are passed as they are, and one that a worker could not
 * receive is not caught.
 */
export function createInlinePool<TTasks extends TaskMap>(
  tasks: TTasks,
  options: { name?: string } = {},
): WorkerPool<TTasks> {
  if (typeof tasks !== 'object' || tasks === null) {
    fail(WHERE, 'tasks', 'the object given to defineTasks', tasks)
  }
  checkOptions(WHERE, options)
  const name = options?.name ?? 'inline'
  const running = new Set<AbortController>()
  let terminated = false

  const run = async (task: string, input: unknown, hooks: RunHooks) => {
    if (terminated) {
      throw new PoolTerminatedError(`Pool "${name}" was terminated.`)
    }
    // Only the object's own tasks: not `toString` or `constructor`.
    const fn = (Object.hasOwn(tasks, task) ? tasks[task] : undefined) as
      AnyTask | undefined
    if (typeof fn !== 'function') {
      const names = Object.keys(tasks).join(', ') || 'none'
      throw new UnknownTaskError(
        `The worker has no task "${task}"; it defines: ${names}.`,
      )
    }
    const copy = crossThread(input, `Task "${task}" got an input`)
    // The run's own signal, aborted by the caller's or by a terminate, which
    // ends the run the way it ends a worker's run. Linked by hand: Jest's
    // jsdom environment has no AbortSignal.any.
    const abort = new AbortController()
    const outside = hooks.signal
    if (outside.aborted) abort.abort(outside.reason)
    const unlink = outside.aborted
      ? undefined
      : onAbort(outside, () => abort.abort(outside.reason))
    running.add(abort)
    try {
      const signal = abort.signal
      const result = await runOnThisThread(fn, copy, { ...hooks, signal })
      return crossThread(result, `Task "${task}" returned a value`)
    } finally {
      running.delete(abort)
      unlink?.()
    }
  }

  return {
    name,
    task(taskName) {
      if (typeof taskName !== 'string' || taskName === '') {
        fail('pool.task', 'name', 'a non-empty string', taskName)
      }
      return namedTask(taskName, run)
    },
    terminate() {
      terminated = true
      const error = new PoolTerminatedError(`Pool "${name}" was terminated.`)
      for (const controller of running) controller.abort(error)
    },
    stats: () => ({
      workers: 0,
      running: running.size,
      queued: 0,
      terminated,
    }),
  }
}

function crossThread<TValue>(value: TValue, what: string): TValue {
  if (typeof structuredClone !== 'function') return value
  try {
    return structuredClone(value, { transfer: takeTransferables(value) })
  } catch (cause) {
    throw new DataCloneError(
      `${what} that cannot be cloned to a worker: ${messageOf(cause)}`,
      { cause },
    )
  }
}
