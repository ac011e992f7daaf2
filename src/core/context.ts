import { textOf } from './errorWire.ts'
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

// Reading the clock costs 40-70 ns, more than everything else a report
// does, so a flood reads it only every `stride` calls: the stride doubles
// while calls come faster than one per millisecond, up to this cap, and drops
// to 1 once they slow down.
const MAX_STRIDE = 32

const now =
  typeof performance === 'object' ? () => performance.now() : () => Date.now()

/**
 * Builds the context a task runs with. Reports are coalesced here, where the
 * task runs: a synchronous loop can call `progress` a million times, and only
 * one report per interval leaves. No timer can fire while such a loop holds
 * the thread, so the calls themselves watch the clock; a timer covers a task
 * that reports once and then waits.
 *
 * A loop that floods and then slows down to one report every few seconds
 * has its next report delayed by up to `MAX_STRIDE` calls; a cheaper clock
 * would fix that, and the platform has none.
 */
export function createTaskContext(
  signal: AbortSignal,
  send: (update: ContextUpdate) => void,
): ContextHandle {
  let closed = false
  let lastSent = -Infinity
  let lastCheck = -Infinity
  let calls = 0
  let stride = 1
  let timer: ReturnType<typeof setTimeout> | undefined
  // The waiting report, kept in plain fields: a flood allocates nothing.
  let hasProgress = false
  let progress: number | null = null
  let message: string | undefined
  let hasPartial = false
  let partial: unknown

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (closed || !(hasProgress || hasPartial)) return
    const update: ContextUpdate = {}
    if (hasProgress) {
      update.progress = progress
      update.message = message
    }
    if (hasPartial) update.partial = partial
    hasProgress = hasPartial = false
    partial = undefined
    lastSent = now()
    send(update)
  }

  const isDue = (): boolean => {
    if (++calls < stride) return false
    calls = 0
    const time = now()
    const sinceCheck = time - lastCheck
    lastCheck = time
    if (sinceCheck < 1) stride = Math.min(stride * 2, MAX_STRIDE)
    else if (sinceCheck > 4) stride = 1
    return time - lastSent >= REPORT_INTERVAL_MS
  }

  const schedule = () => {
    if (isDue()) flush()
    else timer ??= setTimeout(flush, REPORT_INTERVAL_MS)
  }

  const context: TaskContext = {
    signal,
    checkpoint: async () => {
      await yieldToEventLoop()
      // Not throwIfAborted, which older jsdom (Jest's) lacks.
      if (signal.aborted) throw signal.reason
    },
    progress(value, text) {
      if (closed) return
      if (value !== null && !(value >= 0 && value <= 1)) {
        throw new RangeError(
          `progress: value must be a number in [0, 1] or null, received ${textOf(value)}.`,
        )
      }
      if (text !== undefined && typeof text !== 'string') {
        throw new TypeError(
          `progress: message must be a string, received ${typeof text}.`,
        )
      }
      hasProgress = true
      progress = value
      message = text
      schedule()
    },
    partial(data) {
      if (closed) return
      hasPartial = true
      partial = data
      schedule()
    },
  }

  return {
    context,
    flush,
    close() {
      closed = true
      hasProgress = hasPartial = false
      partial = undefined
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
    const { port1 } = (channel = new MessageChannel())
    port1.onmessage = () => {
      resumes.shift()?.()
      if (resumes.length === 0) keepAlive(port1, false)
    }
    // In Node an open port keeps the process alive: only a checkpoint that
    // is waiting may do so, or a script whose only work is a task would
    // exit in the middle of it.
    keepAlive(port1, false)
    keepAlive(channel.port2, false)
  }
  const { port1, port2 } = channel
  return new Promise((resolve) => {
    if (resumes.length === 0) keepAlive(port1, true)
    resumes.push(resolve)
    port2.postMessage(null)
  })
}

// `ref` and `unref` exist on Node's ports only.
function keepAlive(port: MessagePort, alive: boolean): void {
  const nodePort = port as MessagePort & { ref?(): void; unref?(): void }
  if (alive) nodePort.ref?.()
  else nodePort.unref?.()
}
