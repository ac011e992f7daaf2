import { deserializeError, messageOf, serializeError } from './errorWire.ts'
import { DataCloneError, WorkerCrashError } from './errors.ts'
import { deliverUpdate } from './localRun.ts'
import {
  isWorkerMessage,
  type PageMessage,
  type WorkerMessage,
} from './protocol.ts'
import { startTimeout } from './timers.ts'
import { takeTransferables } from './transfer.ts'
import type { RunHooks } from './types.ts'

/** One run as the pool holds it, from invoke until it settles. */
export interface Job {
  readonly task: string
  readonly input: unknown
  readonly hooks: RunHooks
  /** The worker running it; unset while it waits in the queue. */
  worker: PoolWorker | undefined
  /** Its id on the wire, unique within the pool. */
  wireId: number
  settled: boolean
  resolve(result: unknown): void
  reject(error: Error): void
}

/** What a worker tells its pool. */
export interface PoolWorkerEvents {
  /** The worker can take another job. */
  onFree(worker: PoolWorker): void
  /** The worker is gone (crashed, killed or idle too long). */
  onExit(worker: PoolWorker): void
}

/** The pool's limits, in milliseconds, that a worker applies itself. */
export interface PoolWorkerTimes {
  /** How long the script may take to call defineTasks. */
  startTimeoutMs: number
  /** How long a cancelled task may go on before the worker is terminated. */
  killAfterMs: number
}

/**
 * One worker of a pool. It runs one job at a time and notices every way a
 * worker can break: an error event, a crash report from the runtime, or a
 * cancelled task that will not stop in time.
 */
export class PoolWorker {
  readonly #worker: Worker
  readonly #events: PoolWorkerEvents
  readonly #poolName: string
  readonly #killAfterMs: number
  #job: Job | undefined
  // The wire id of a cancelled job that the worker is still running: it
  // stays busy until that job reports its end or is killed.
  #draining: number | undefined
  #ready = false
  #exited = false
  #startTimer: ReturnType<typeof setTimeout> | undefined
  #killTimer: ReturnType<typeof setTimeout> | undefined
  // One lazy timer checks `#idleSince` when it fires, rather than a timer
  // started and cleared around every run: a pool of quick tasks would
  // otherwise pay for two timer calls per run.
  #idleTimer: ReturnType<typeof setTimeout> | undefined
  #idleSince: number | undefined

  constructor(
    worker: Worker,
    events: PoolWorkerEvents,
    poolName: string,
    { startTimeoutMs, killAfterMs }: PoolWorkerTimes,
  ) {
    this.#worker = worker
    this.#events = events
    this.#poolName = poolName
    this.#killAfterMs = killAfterMs
    worker.addEventListener('message', (event) => this.#receive(event.data))
    worker.addEventListener('error', (event) => this.#onError(event))
    worker.addEventListener('messageerror', () => this.#onMessageError())
    // A script that loads but never calls defineTasks sends no event at all:
    // without a deadline its runs would wait forever.
    this.#startTimer = startTimeout(
      () =>
        this.#crash(
          `The worker of pool "${poolName}" did not start within ` +
            `${startTimeoutMs} ms: its script is still loading, or it never ` +
            `calls defineTasks.`,
        ),
      startTimeoutMs,
    )
  }

  /** Whether the worker holds a job or still finishes a cancelled one. */
  get busy(): boolean {
    return this.#job !== undefined || this.#draining !== undefined
  }

  /** Whether the worker holds a job whose result is awaited. */
  get running(): boolean {
    return this.#job !== undefined
  }

  /**
   * Hands `job` to the worker. An input that cannot be cloned fails the job
   * at once and leaves the worker free; returns whether the job started.
   */
  start(job: Job): boolean {
    this.#idleSince = undefined
    const message: PageMessage = {
      rlc: 'run',
      id: job.wireId,
      task: job.task,
      input: job.input,
    }
    try {
      this.#worker.postMessage(message, takeTransferables(job.input))
    } catch (cause) {
      job.reject(
        new DataCloneError(
          `Task "${job.task}" got an input that cannot be cloned to a worker: ${messageOf(cause)}`,
          { cause },
        ),
      )
      return false
    }
    this.#job = job
    job.worker = this
    job.hooks.onStart?.()
    return true
  }

  /**
   * Asks the task to stop. Its job has already settled; the worker stays busy
   * until the task ends, or is terminated after `killAfterMs`.
   */
  cancel(job: Job, reason: Error, killAfterMs: number): void {
    if (this.#job !== job) return
    this.#job = undefined
    this.#post({
      rlc: 'cancel',
      id: job.wireId,
      reason: serializeError(reason),
    })
    this.#waitForEnd(job.wireId, killAfterMs)
  }

  // The run has settled but its task may still run: the worker stays busy
  // until the task reports its end, or is terminated after `killAfterMs`.
  #waitForEnd(id: number, killAfterMs: number): void {
    this.#draining = id
    this.#killTimer = startTimeout(() => this.#exit(), killAfterMs)
  }

  /** Ends the worker after `ms` unless it gets a job first. */
  retireAfter(ms: number): void {
    this.#idleSince ??= Date.now()
    if (this.#idleTimer !== undefined) return
    this.#idleTimer = startTimeout(() => this.#checkIdle(ms), ms)
  }

  #checkIdle(ms: number): void {
    this.#idleTimer = undefined
    if (this.#idleSince === undefined) return
    const left = this.#idleSince + ms - Date.now()
    if (left <= 0) this.#exit()
    else this.#idleTimer = startTimeout(() => this.#checkIdle(ms), left)
  }

  /** Ends the worker now; a job it holds fails with `error`. */
  terminate(error: Error): void {
    const job = this.#job
    this.#job = undefined
    this.#exit()
    job?.reject(error)
  }

  #post(message: PageMessage): void {
    this.#worker.postMessage(message)
  }

  #receive(data: unknown): void {
    if (this.#exited || !isWorkerMessage(data)) return
    const message: WorkerMessage = data
    switch (message.rlc) {
      case 'ready':
        this.#ready = true
        clearTimeout(this.#startTimer)
        return
      case 'update':
        if (this.#job?.wireId === message.id) {
          deliverUpdate(this.#job.hooks, message)
        }
        return
      case 'done':
      case 'fail':
        this.#settle(message.id, message)
        return
      case 'crash':
        this.#crash(
          `The worker of pool "${this.#poolName}" crashed: ${message.error.message}`,
          deserializeError(message.error),
        )
    }
  }

  #settle(
    id: number,
    message: Extract<WorkerMessage, { rlc: 'done' | 'fail' }>,
  ): void {
    if (this.#draining === id) {
      clearTimeout(this.#killTimer)
      this.#draining = undefined
      this.#events.onFree(this)
      return
    }
    const job = this.#job
    if (job?.wireId !== id) return
    this.#job = undefined
    if (message.rlc === 'done') {
      job.resolve(message.result)
    } else {
      job.reject(deserializeError(message.error))
      if (message.ongoing) {
        this.#waitForEnd(id, job.hooks.killAfterMs ?? this.#killAfterMs)
        return
      }
    }
    this.#events.onFree(this)
  }

  #onError(event: Event): void {
    // The error belongs to us now; it is reported through the run.
    event.preventDefault()
    const detail = (event as ErrorEvent).message
    if (!this.#ready) {
      this.#crash(
        `The worker of pool "${this.#poolName}" failed to start: its script ` +
          `did not load or threw before defineTasks ran` +
          (detail ? ` (${detail}).` : '. Check the URL passed to new Worker.'),
      )
      return
    }
    this.#crash(
      `The worker of pool "${this.#poolName}" crashed: ${detail || 'uncaught error'}`,
    )
  }

  // The unreadable message may have been a progress report, with the task
  // still running: the worker is not free until the task is told to stop
  // and says it has, or is killed.
  #onMessageError(): void {
    const job = this.#job
    if (!job) return
    const error = new DataCloneError(
      `Task "${job.task}" sent a message that could not be read on the page.`,
    )
    job.reject(error)
    this.cancel(job, error, job.hooks.killAfterMs ?? this.#killAfterMs)
  }

  #crash(message: string, cause?: Error): void {
    if (this.#exited) return
    this.terminate(new WorkerCrashError(message, cause ? { cause } : {}))
  }

  #exit(): void {
    if (this.#exited) return
    this.#exited = true
    clearTimeout(this.#startTimer)
    clearTimeout(this.#killTimer)
    clearTimeout(this.#idleTimer)
    this.#worker.terminate()
    this.#events.onExit(this)
  }
}
