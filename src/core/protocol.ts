// The wire format between the page and a pool's workers. Every message
// carries `rlc`, its kind, so that messages a user's own code posts on the
// same channel are told apart and ignored.
import type { ContextUpdate } from './context.ts'
import type { SerializedError } from './errorWire.ts'

/** Page to worker: start a task. Each worker holds one run at a time. */
export interface RunMessage {
  rlc: 'run'
  id: number
  task: string
  input: unknown
}

/** Page to worker: abort the run's signal with this reason. */
export interface CancelMessage {
  rlc: 'cancel'
  id: number
  reason: SerializedError
}

export type PageMessage = RunMessage | CancelMessage

/** Worker to page: `defineTasks` ran, so the script loaded. */
export interface ReadyMessage {
  rlc: 'ready'
}

/** Worker to page: a coalesced progress or partial report. */
export interface UpdateMessage extends ContextUpdate {
  rlc: 'update'
  id: number
}

/** Worker to page: the task returned. */
export interface DoneMessage {
  rlc: 'done'
  id: number
  result: unknown
}

/**
 * Worker to page: the task threw. With `ongoing`, the run failed while its
 * task still runs (its report could not be sent): the worker stays busy
 * until a later `done` or `fail` for the same id.
 */
export interface FailMessage {
  rlc: 'fail'
  id: number
  error: SerializedError
  ongoing?: true
}

/**
 * Worker to page: the worker is dying or broken (an uncaught error, or
 * `self.close()`), whatever run it holds.
 */
export interface CrashMessage {
  rlc: 'crash'
  error: SerializedError
}

export type WorkerMessage =
  ReadyMessage | UpdateMessage | DoneMessage | FailMessage | CrashMessage

/**
 * Whether data posted by a worker is one of ours, with the fields the page
 * reads. A user's message that merely reuses a kind (`{ rlc: 'update' }`)
 * is ignored rather than read as a report from no run.
 */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  if (typeof data !== 'object' || data === null) return false
  const { rlc, id, error } = data as Record<string, unknown>
  const hasId = typeof id === 'number'
  const hasError = typeof error === 'object' && error !== null
  switch (rlc) {
    case 'ready':
      return true
    case 'update':
    case 'done':
      return hasId
    case 'fail':
      return hasId && hasError
    case 'crash':
      return hasError
    default:
      return false
  }
}

/** Whether data posted by the page is one of ours. */
export function isPageMessage(data: unknown): data is PageMessage {
  const kind = (data as { rlc?: unknown } | null)?.rlc
  return kind === 'run' || kind === 'cancel'
}
