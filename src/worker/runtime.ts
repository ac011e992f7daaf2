import { createTaskContext, type ContextUpdate } from '../core/context.ts'
import {
  messageOf,
  serializeError,
  type SerializedError,
} from '../core/errorWire.ts'
import {
  isPageMessage,
  type CancelMessage,
  type RunMessage,
  type WorkerMessage,
} from '../core/protocol.ts'
import { takeTransferables } from '../core/transfer.ts'
import type { TaskContext, TaskMap } from '../core/types.ts'

/** The parts of a dedicated worker's global scope that the runtime uses. */
export interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void
  addEventListener(type: string, listener: (event: Event) => void): void
  close(): void
}

type AnyTask = (input: unknown, ctx: TaskContext) => unknown

interface ActiveRun {
  abort: AbortController
  close(): void
}

/**
 * Serves a task map on a worker scope: runs tasks on request, reports their
 * progress, results and errors, and tells the page when the worker breaks
 * in ways a browser does not report by itself. `early` holds the data of
 * messages that arrived before, handled first.
 */
export function serveTasks(
  scope: WorkerScope,
  tasks: TaskMap,
  early: readonly unknown[] = [],
): void {
  const active = new Map<number, ActiveRun>()
  const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
    scope.postMessage(message, transfer)

  const start = ({ id, task, input }: RunMessage) => {
    // Only the module's own tasks: not `toString` or `constructor`.
    const fn = (Object.hasOwn(tasks, task) ? tasks[task] : undefined) as
      AnyTask | undefined
    if (typeof fn !== 'function') {
      const names = Object.keys(tasks).join(', ') || 'none'
      const message = `The worker has no task "${task}"; it defines: ${names}.`
      post({ rlc: 'fail', id, error: record('UnknownTaskError', message) })
      return
    }
    const abort = new AbortController()
    const handle = createTaskContext(abort.signal, (update) =>
      postUpdate(id, task, update),
    )
    active.set(id, { abort, close: handle.close })
    Promise.resolve()
      .then(() => fn(input, handle.context))
      .then(
        (result) => {
          handle.flush()
          finish(id, () => postResult(id, task, result))
        },
        (error: unknown) =>
          finish(id, () =>
            post({ rlc: 'fail', id, error: serializeError(error) }),
          ),
      )
  }

  // Each run reports its end once. A cancelled run reports it too: the page
  // waits for that message to know the worker is free again.
  const finish = (id: number, report: () => void) => {
    const run = active.get(id)
    if (!run) return
    run.close()
    active.delete(id)
    try {
      report()
    } catch (cause) {
      // The end must reach the page whatever went wrong in describing it,
      // or the run would wait forever.
      const message = `Task ended, but its outcome could not be sent: ${messageOf(cause)}`
      post({ rlc: 'fail', id, error: record('Error', message) })
    }
  }

  // A partial is copied, never moved: the task usually goes on filling what
  // it shows, and the value may be its result too, whose transfer mark must
  // be left for the result.
  const postUpdate = (id: number, task: string, update: ContextUpdate) => {
    try {
      post({ rlc: 'update', id, ...update })
    } catch (cause) {
      const error = record(
        'DataCloneError',
        `Task "${task}" reported partial data that cannot be cloned to the page: ${messageOf(cause)}`,
      )
      const run = active.get(id)
      if (!run) return
      // The run fails now, but its task goes on until it sees the signal:
      // the worker is not free until it ends, and reports that end.
      run.close()
      post({ rlc: 'fail', id, error, ongoing: true })
      run.abort.abort(revive(error))
    }
  }

  const postResult = (id: number, task: string, result: unknown) => {
    try {
      post({ rlc: 'done', id, result }, takeTransferables(result))
    } catch (cause) {
      const message = `Task "${task}" returned a value that cannot be cloned to the page: ${messageOf(cause)}`
      post({ rlc: 'fail', id, error: record('DataCloneError', message) })
    }
  }

  const cancel = ({ id, reason }: CancelMessage) => {
    const run = active.get(id)
    // The run has ended and said so, or its report was lost on the way
    // (a message the page could not read). Saying it again is harmless:
    // ids are never reused, and it frees a page still waiting on it.
    if (!run) {
      post({ rlc: 'fail', id, error: reason })
      return
    }
    // Nothing the task reports after the cancel reaches the page.
    run.close()
    run.abort.abort(revive(reason))
  }

  const receive = (data: unknown) => {
    if (!isPageMessage(data)) return
    if (data.rlc === 'run') start(data)
    else cancel(data)
  }
  scope.addEventListener('message', (event) => {
    receive((event as MessageEvent).data)
  })
  for (const data of early) receive(data)
  reportBreakage(scope, post)
  post({ rlc: 'ready' })
}

// Browsers do not end a worker on an uncaught error, and `self.close()`
// sends the page no event at all; both leave the page waiting forever unless
// the worker says so itself.
function reportBreakage(
  scope: WorkerScope,
  post: (message: WorkerMessage) => void,
): void {
  // A message from the page that cannot be read here carries no run id:
  // failing the worker fails the run it was meant for.
  scope.addEventListener('messageerror', () => {
    const error = new Error(
      'The worker could not read a message from the page.',
    )
    post({ rlc: 'crash', error: serializeError(error) })
  })
  scope.addEventListener('error', (event) => {
    const { error, message } = event as ErrorEvent
    post({
      rlc: 'crash',
      error: serializeError(error ?? new Error(message || 'Uncaught error')),
    })
  })
  const close = scope.close.bind(scope)
  scope.close = () => {
    const error = new Error('The worker called self.close().')
    post({ rlc: 'crash', error: serializeError(error) })
    close()
  }
}

// The worker writes error records directly and revives only abort reasons:
// the error classes are rebuilt on the page, which keeps them out of the
// worker bundle.
function record(name: string, message: string): SerializedError {
  return { name, message, stack: undefined }
}

function revive({ name, message, stack, props }: SerializedError): Error {
  return Object.assign(new Error(message), { name, stack }, props)
}
