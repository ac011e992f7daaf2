import { runOnThisThread } from './localRun.ts'
import type { LongTask, TaskContext } from './types.ts'
import { fail } from './validate.ts'

/**
 * Makes a {@link LongTask} that runs `fn(input, ctx)` on the page itself, for
 * work that waits rather than computes: a fetch, a stream, a sequence of
 * requests. It gets the same context, states and status calls as a worker
 * task. CPU-bound work belongs in a worker: on the page it freezes the UI.
 */
export function defineLongTask<TInput, TResult>(
  fn: (input: TInput, ctx: TaskContext) => TResult | PromiseLike<TResult>,
  name: string = fn.name || 'longTask',
): LongTask<TInput, Awaited<TResult>> {
  if (typeof fn !== 'function') fail('defineLongTask', 'fn', 'a function', fn)
  return {
    name,
    run: (input, hooks) =>
      runOnThisThread(fn, input, hooks) as Promise<Awaited<TResult>>,
  }
}
