import {
  PoolTerminatedError,
  toAbortError,
  WorkerCrashError,
} from './errors.ts'
import { onAbort } from './onAbort.ts'
import { PoolWorker, type Job } from './poolWorker.ts'
import type { LongTask, RunHooks, TaskMap, WorkerPool } from './types.ts'
import { checkNumber, checkOptions, describe, fail } from './validate.ts'

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /**
   * The most workers alive at once; each runs one task at a time. Default:
   * `navigator.hardwareConcurrency - 1`, at least 1, read when the first
   * worker starts.
   */
  size?: number | undefined
  /**
   * Milliseconds an idle worker waits for work before it ends. Default
   * 30,000; `Infinity` keeps workers until `terminate()`.
   */
  idleTimeoutMs?: number | undefined
  /**
   * Milliseconds a cancelled task may keep running before its worker is
   * terminated and replaced. Default 1,000; `Infinity` never terminates it;
   * a run's own `killAfterMs` wins.
   */
  killAfterMs?: number | undefined
  /**
   * Milliseconds a new worker may take to load its script and call
   * `defineTasks`; past that, the run it holds fails with a
   * `WorkerCrashError` and the worker is replaced. Default 10,000.
   */
  startTimeoutMs?: number | undefined
  /** A name for error messages. Default `'pool'`. */
  name?: string | undefined
}

const WHERE = 'createWorkerPool'
const DEFAULT_IDLE_TIMEOUT_MS = 30_000
const DEFAULT_KILL_AFTER_MS = 1_000
const DEFAULT_START_TIMEOUT_MS = 10_000

/**
 * Creates a pool of workers for the tasks of one worker module. Workers start
 * lazily, are reused, and run one task at a time; extra runs wait in FIFO
 * order. A worker that crashes fails only the run it held and is replaced.
 *
 * @param spawn Makes one worker, e.g.
 *   `() => new Worker(new URL('./tasks.worker.ts', import.meta.url), { type: 'module' })`.
 */
export function createWorkerPool<TTasks extends TaskMap>(
  spawn: () => Worker,
  options: WorkerPoolOptions = {},
): WorkerPool<TTasks> {
  if (typeof spawn !== 'function') fail(WHERE, 'spawn', 'a function', spawn)
  checkOptions(WHERE, options)
  const size = checkNumber(WHERE, 'size', options.size, 1)
  const idleTimeoutMs =
    checkNumber(WHERE, 'idleTimeoutMs', options.idleTimeoutMs, 0) ??
    DEFAULT_IDLE_TIMEOUT_MS
  const killAfterMs =
    checkNumber(WHERE, 'killAfterMs', options.killAfterMs, 0) ??
    DEFAULT_KILL_AFTER_MS
  const startTimeoutMs =
    checkNumber(WHERE, 'startTimeoutMs', options.startTimeoutMs, 0) ??
    DEFAULT_START_TIMEOUT_MS
  const name = options.name ?? 'pool'
  if (size !== undefined && !Number.isInteger(size)) {
    fail(WHERE, 'size', 'a whole number >= 1', size)
  }

  const queue = new JobQueue()
  const workers = new Set<PoolWorker>()
  let maxWorkers: number | undefined
  let terminated = false
  let lastWireId = 0

  const events = {
    onFree: () => pump(),
    onExit(worker: PoolWorker) {
      workers.delete(worker)
      pump()
    },
  }

  const startWorker = (): PoolWorker => {
    const worker = spawn()
    if (!(worker instanceof Worker)) {
      throw new TypeError(
        `${WHERE}: spawn must return a Worker, received ${describe(worker)}.`,
      )
    }
    const poolWorker = new PoolWorker(worker, events, name, {
      startTimeoutMs,
      killAfterMs,
    })
    workers.add(poolWorker)
    return poolWorker
  }

  const freeWorker = (): PoolWorker | undefined => {
    for (const worker of workers) if (!worker.busy) return worker
    maxWorkers ??= size ?? defaultSize()
    if (workers.size >= maxWorkers) return undefined
    return startWorker()
  }

  // Hands queued jobs to free workers, then lets the idle ones count down.
  const pump = () => {
    if (terminated) return
    while (queue.length > 0) {
      let worker: PoolWorker | undefined
      try {
        worker = freeWorker()
      } catch (cause) {
        // The workers already running will take the queue in turn; a run
        // fails only when no worker is left to take it.
        if (workers.size > 0) break
        queue.shift()?.reject(spawnError(name, cause))
        continue
      }
      if (!worker) break
      const job = queue.shift()
      if (job) worker.start(job)
    }
    for (const worker of workers) {
      if (!worker.busy) worker.retireAfter(idleTimeoutMs)
    }
  }

  const cancel = (job: Job, reason: unknown) => {
    if (job.settled) return
    const error = toAbortError(reason)
    const { worker } = job
    job.reject(error)
    if (!worker) {
      queue.remove(job)
      return
    }
    worker.cancel(job, error, job.hooks.killAfterMs ?? killAfterMs)
  }

  const run = (task: string, input: unknown, hooks: RunHooks) => {
    if (terminated) {
      return Promise.reject(
        new PoolTerminatedError(`Pool "${name}" was terminated.`),
      )
    }
    const { signal } = hooks
    if (signal.aborted) return Promise.reject(toAbortError(signal.reason))
    return new Promise<unknown>((resolve, reject) => {
      const settle = () => {
        job.settled = true
        stopListening()
      }
      const job: Job = {
        task,
        input,
        hooks,
        worker: undefined,
        wireId: ++lastWireId,
        settled: false,
        resolve(result) {
          if (job.settled) return
          settle()
          resolve(result)
        },
        reject(error) {
          if (job.settled) return
          settle()
          reject(error)
        },
      }
      const stopListening = onAbort(signal, () => cancel(job, signal.reason))
      queue.push(job)
      pump()
    })
  }

  return {
    name,
    task(taskName) {
      if (typeof taskName !== 'string' || taskName === '') {
        fail(`pool.task`, 'name', 'a non-empty string', taskName)
      }
      return namedTask(taskName, run)
    },
    terminate() {
      if (terminated) return
      terminated = true
      const error = new PoolTerminatedError(`Pool "${name}" was terminated.`)
      for (const job of queue.drain()) job.reject(error)
      for (const worker of [...workers]) worker.terminate(error)
      workers.clear()
    },
    stats() {
      let running = 0
      for (const worker of workers) if (worker.running) running++
      return {
        workers: workers.size,
        running,
        queued: queue.length,
        terminated,
      }
    },
  }
}

/** The `LongTask` a pool hands out for one task name. */
export function namedTask<TInput, TResult>(
  name: string,
  run: (task: string, input: unknown, hooks: RunHooks) => Promise<unknown>,
): LongTask<TInput, TResult> {
  return {
    name,
    run: (input, hooks) => run(name, input, hooks) as Promise<TResult>,
  }
}

function defaultSize(): number {
  const cores =
    typeof navigator === 'object' ? navigator.hardwareConcurrency : undefined
  return Math.max(1, (cores || 2) - 1)
}

function spawnError(poolName: string, cause: unknown): Error {
  if (cause instanceof TypeError) return cause
  const detail = cause instanceof Error ? cause.message : String(cause)
  return new WorkerCrashError(
    `Pool "${poolName}" could not start a worker: ${detail}`,
    { cause },
  )
}

/**
 * A FIFO queue of jobs. Removing a cancelled job only marks it, so that a
 * page cancelling many queued runs costs no array shifting.
 */
class JobQueue {
  #items: Job[] = []
  #head = 0
  #removed = new Set<Job>()

  get length(): number {
    return this.#items.length - this.#head - this.#removed.size
  }

  push(job: Job): void {
    this.#items.push(job)
  }

  remove(job: Job): void {
    this.#removed.add(job)
  }

  shift(): Job | undefined {
    while (this.#head < this.#items.length) {
      const job = this.#items[this.#head++] as Job
      if (this.#removed.delete(job)) continue
      this.#compact()
      return job
    }
    return undefined
  }

  drain(): Job[] {
    const jobs: Job[] = []
    for (let job = this.shift(); job; job = this.shift()) jobs.push(job)
    return jobs
  }

  // Drops the consumed front once it outweighs the rest.
  #compact(): void {
    if (this.#head < 1024 || this.#head * 2 < this.#items.length) return
    this.#items = this.#items.slice(this.#head)
    this.#head = 0
  }
}
