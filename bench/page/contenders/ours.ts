import {
  createWorkerPool,
  invokeLongCallback,
  transfer,
} from '../../../src/index.ts'
import type { LongTask, WorkerPool } from '../../../src/index.ts'
import type { Contender, Handle } from '../contender.ts'
import type { Tasks } from '../workers/ours.worker.ts'

/**
 * A pool of our workers; `onMessage`, where given, hears every message they
 * send. Without it no listener is added, so that ours handles each message
 * with the one listener the peers have.
 */
export function openPool(
  size: number,
  onMessage?: () => void,
): WorkerPool<Tasks> {
  return createWorkerPool<Tasks>(
    () => {
      const worker = new Worker(
        new URL('../workers/ours.worker.ts', import.meta.url),
        { type: 'module' },
      )
      if (onMessage) worker.addEventListener('message', onMessage)
      return worker
    },
    { size, name: 'bench' },
  )
}

const never = new AbortController().signal

type Call = <I, O>(task: LongTask<I, O>, input: I) => Promise<O>

// The pool alone: `task.run`, the layer comparable to a peer's RPC call,
// with a signal of its own per run as `invokeLongCallback` gives it.
const runTask: Call = (task, input) =>
  task.run(input, { signal: new AbortController().signal })

// The same with one signal shared by every run, as a page that cancels all
// its runs at once would pass it.
const runShared: Call = (task, input) => task.run(input, { signal: never })

// What the hooks go through: `invokeLongCallback`, with run state kept in
// the default store.
const invoke: Call = (task, input) => invokeLongCallback(task, input).promise

function handle(size: number, call: Call): Handle {
  const pool = openPool(size)
  const noop = pool.task('noop')
  const spin = pool.task('spin')
  const echo = pool.task('echo')
  const flood = pool.task('flood')
  return {
    noop: () => call(noop, undefined),
    spin: (ms) => call(spin, ms),
    echo: (buffer, move) =>
      call(
        echo,
        move ? transfer({ buffer, move }, [buffer]) : { buffer, move },
      ),
    flood: (count, onProgress) =>
      flood.run(count, {
        signal: never,
        onProgress: (value) => onProgress(value ?? 0),
      }),
    close: () => pool.terminate(),
  }
}

export const oursPool: Contender = {
  name: 'ours (task.run)',
  open: (size) => handle(size, runTask),
}

export const oursSharedSignal: Contender = {
  name: 'ours (task.run, one shared signal)',
  open: (size) => handle(size, runShared),
}

export const oursInvoke: Contender = {
  name: 'ours (invokeLongCallback)',
  open: (size) => handle(size, invoke),
}
