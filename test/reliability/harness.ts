// Shared tools of the reliability suite: a pool whose workers are counted,
// a recorder that checks each run's status calls, and watchers for timers,
// abort listeners, console warnings and unhandled rejections.
import { afterAll, beforeAll, expect, vi } from 'vitest'
import { commands } from 'vitest/browser'
import { invokeLongCallback } from '../../src/index.ts'
import type {
  EndReason,
  InvokeOptions,
  LongRun,
  LongTask,
  WorkerPoolOptions,
} from '../../src/index.ts'
import { countedPool as countWorkers } from '../fixtures/pools.ts'
import type { ReliabilityTasks } from '../fixtures/reliability.worker.ts'
import type { HeapCensus, HeapCensusQuery } from './heapCensus.ts'

declare module 'vitest/browser' {
  interface BrowserCommands {
    heapCensus: (query: HeapCensusQuery) => Promise<HeapCensus>
  }
}

export const heapCensus = (query: HeapCensusQuery) => commands.heapCensus(query)

/** A pool of the reliability worker that counts its workers. */
export function countedPool(options: WorkerPoolOptions = {}) {
  const url = new URL('../fixtures/reliability.worker.ts', import.meta.url)
  return countWorkers<ReliabilityTasks>(url, options)
}

/** One status call as the handler heard it. */
export interface StatusCall {
  status: boolean | number
  result: unknown
  reason: EndReason | undefined
  error: Error | undefined
}

export type Outcome =
  { ok: true; value: unknown } | { ok: false; error: unknown } | undefined

/** A run with every status call it made and how its promise settled. */
export interface Recorded<TResult> {
  run: LongRun<TResult>
  calls: StatusCall[]
  outcome: () => Outcome
  /** Whether the handler heard the final call. */
  ended: () => boolean
  final: () => StatusCall | undefined
}

export function recordRun<TInput, TResult>(
  task: LongTask<TInput, TResult>,
  input: TInput,
  options: Omit<InvokeOptions<TResult>, 'onStatus'> = {},
): Recorded<TResult> {
  const calls: StatusCall[] = []
  let outcome: Outcome
  const run = invokeLongCallback(task, input, {
    ...options,
    onStatus(status, result, info) {
      calls.push({ status, result, reason: info.reason, error: info.error })
    },
  })
  run.promise.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  )
  const final = () => calls.find((call) => typeof call.status === 'boolean')
  return {
    run,
    calls,
    outcome: () => outcome,
    ended: () => final() !== undefined,
    final,
  }
}

/**
 * The promises every run makes: exactly one final call, numeric calls
 * 0, 1, 2, ... before it and none after, and a promise that agrees with it.
 * Returns the list of broken promises, empty when all hold.
 */
export function brokenPromises(recorded: Recorded<unknown>): string[] {
  const problems: string[] = []
  const { calls } = recorded
  const finals = calls.filter((call) => typeof call.status === 'boolean')
  if (finals.length !== 1) problems.push(`${finals.length} final calls`)
  const lastIndex = calls.findIndex((call) => typeof call.status === 'boolean')
  const numbers = calls.filter((call) => typeof call.status === 'number')
  numbers.forEach((call, index) => {
    if (call.status !== index) {
      problems.push(`periodic call ${index} said ${String(call.status)}`)
    }
  })
  if (lastIndex >= 0 && lastIndex !== calls.length - 1) {
    problems.push('a status call came after the final one')
  }
  const final = finals[0]
  const outcome = recorded.outcome()
  if (!final || !outcome) {
    if (!outcome) problems.push('the promise never settled')
    return problems
  }
  if (final.status === true) {
    if (!outcome.ok) problems.push('handler said success, promise rejected')
    else if (outcome.value !== final.result) {
      problems.push('handler and promise disagree on the result')
    }
    return problems
  }
  if (outcome.ok) problems.push('handler said failure, promise resolved')
  else if (outcome.error !== final.error) {
    problems.push('handler and promise disagree on the error')
  }
  return problems
}

/** Resolves once every run has settled; fails naming those that did not. */
export async function allSettled(
  runs: ReadonlyArray<Recorded<unknown>>,
  withinMs = 10_000,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), withinMs)
  })
  const settled = Promise.allSettled(runs.map(({ run }) => run.promise))
  const first = await Promise.race([settled, deadline])
  clearTimeout(timer)
  if (first !== 'late') return
  const stuck = runs.filter((run) => !run.outcome()).map(({ run }) => run.id)
  throw new Error(`runs never settled: ${stuck.join(', ')}`)
}

/**
 * Counts the timers and abort listeners the library creates, by the
 * caller's source file, so that one left behind by an ended run is found.
 */
export function watchLibraryResources() {
  const fromLibrary = () =>
    /\/src\/(core|react)\//.test(new Error().stack ?? '')
  const timers = new Set<unknown>()
  const listeners = new Map<EventListenerOrEventListenerObject, AbortSignal>()
  const original = {
    setTimeout: window.setTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    clearInterval: window.clearInterval.bind(window),
    add: AbortSignal.prototype.addEventListener,
    remove: AbortSignal.prototype.removeEventListener,
  }
  const saved = {
    setTimeout: window.setTimeout,
    setInterval: window.setInterval,
    clearTimeout: window.clearTimeout,
    clearInterval: window.clearInterval,
  }
  window.setTimeout = ((handler: () => void, ms?: number) => {
    if (!fromLibrary()) return original.setTimeout(handler, ms)
    const id = original.setTimeout(() => {
      timers.delete(id)
      handler()
    }, ms)
    timers.add(id)
    return id
  }) as typeof window.setTimeout
  window.setInterval = ((handler: () => void, ms?: number) => {
    const id = original.setInterval(handler, ms)
    if (fromLibrary()) timers.add(id)
    return id
  }) as typeof window.setInterval
  window.clearTimeout = ((id?: number) => {
    timers.delete(id)
    original.clearTimeout(id)
  }) as typeof window.clearTimeout
  window.clearInterval = ((id?: number) => {
    timers.delete(id)
    original.clearInterval(id)
  }) as typeof window.clearInterval
  AbortSignal.prototype.addEventListener = function (
    this: AbortSignal,
    ...args: Parameters<AbortSignal['addEventListener']>
  ) {
    if (fromLibrary() && args[1]) listeners.set(args[1], this)
    original.add.apply(this, args)
  }
  AbortSignal.prototype.removeEventListener = function (
    this: AbortSignal,
    ...args: Parameters<AbortSignal['removeEventListener']>
  ) {
    if (args[1]) listeners.delete(args[1])
    original.remove.apply(this, args)
  }
  return {
    /** Library timers not yet fired or cleared. */
    pendingTimers: () => timers.size,
    /** Library abort listeners on signals that can still fire. */
    liveListeners: () =>
      [...listeners.values()].filter((signal) => !signal.aborted).length,
    restore() {
      Object.assign(window, saved)
      AbortSignal.prototype.addEventListener = original.add
      AbortSignal.prototype.removeEventListener = original.remove
    },
  }
}

/**
 * Fails the file if anything logs a warning or an error (React's warnings
 * among them) or a promise rejection goes unhandled.
 */
export function forbidConsoleNoise(): void {
  const rejections: unknown[] = []
  const onRejection = (event: PromiseRejectionEvent) => {
    rejections.push(event.reason)
  }
  let error: ReturnType<typeof vi.spyOn>
  let warn: ReturnType<typeof vi.spyOn>
  beforeAll(() => {
    window.addEventListener('unhandledrejection', onRejection)
    error = vi.spyOn(console, 'error')
    warn = vi.spyOn(console, 'warn')
  })
  afterAll(async () => {
    // A rejection is reported as unhandled a task after it happens.
    await new Promise((resolve) => setTimeout(resolve, 0))
    window.removeEventListener('unhandledrejection', onRejection)
    expect(rejections).toEqual([])
    expect(error.mock.calls).toEqual([])
    expect(warn.mock.calls).toEqual([])
    error.mockRestore()
    warn.mockRestore()
  })
}

/** Prints one summary line for docs/RELIABILITY.md. */
export function report(name: string, numbers: Record<string, unknown>): void {
  // eslint-disable-next-line no-console
  console.info(`[reliability] ${name}: ${JSON.stringify(numbers)}`)
}
