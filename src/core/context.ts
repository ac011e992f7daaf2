import type { TaskContext } from './types.ts'

/** A coalesced report: only the fields that changed since the last one. */
export interface ContextUpdate {
  progress?: number | null
  message?: string | undefined
  partial?: unknown
}

/** A task context and the controls its runner keeps for itself. */
export interface ContextHandle {
  context: TaskContext
  /** Sends any waiting report now; the runner calls it before the result. */
  flush(): void
  /** Drops any waiting report; nothing is sent after this. */
  close(): void
}

/** The least time between two reports, in milliseconds: one frame. */
export const REPORT_INTERVAL_MS = 16

const now =
  typeof performance === 'object' ? () => performance.now() : () => Date.now()

/**
 * Builds the context a task runs with. Reports are coalesced here, where the
 * task runs: a synchronous loop can call `progress` a million times, and only
 * one report per interval leaves. The clock is read on each call because no
 * timer can fire while such a loop holds the thread.
 */
export function createTaskContext(
  signal: AbortSignal,
  send: (update: ContextUpdate) => void,
): ContextHandle {
  let closed = false
  let lastSent = -Infinity
  let waiting: ContextUpdate | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (closed || !waiting) return
    const update = waiting
    waiting = undefined
    lastSent = now()
    send(update)
  }

  const report = (update: ContextUpdate) => {
    if (closed) return
    waiting = waiting ? Object.assign(waiting, update) : update
    const wait = lastSent + REPORT_INTERVAL_MS - now()
    if (wait <= 0) flush()
    else timer ??= setTimeout(flush, wait)
  }

  const context: TaskContext = {
    signal,
    checkpoint: async () => {
      await yieldToEventLoop()
      signal.throwIfAborted()
    },
    progress(value, message) {
      if (value !== null && !(value >= 0 && value <= 1)) {
        throw new RangeError(
          `progress: value must be a number in [0, 1] or null, received ${String(value)}.`,
        )
      }
      report({ progress: value, message })
    },
    partial(data) {
      report({ partial: data })
    },
  }

  return {
    context,
    flush,
    close() {
      closed = true
      waiting = undefined
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}

let channel: MessageChannel | undefined
const resumes: Array<() => void> = []

/**
 * Resolves after one macrotask, so that messages already queued (a cancel)
 * are handled first. A message channel is used rather than `setTimeout(0)`,
 * which browsers clamp to 4 ms once nested, and which fake timers stop.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => setTimeout(resolve, 0))
  }
  if (!channel) {
    channel = new MessageChannel()
    channel.port1.onmessage = () => resumes.shift()?.()
    // In Node an open port keeps the process alive; it must not.
    unref(channel.port1)
    unref(channel.port2)
  }
  const port = channel.port2
  return new Promise((resolve) => {
    resumes.push(resolve)
    port.postMessage(null)
  })
}

function unref(port: MessagePort): void {
  ;(port as MessagePort & { unref?: () => void }).unref?.()
}
