import type { InvokeOptions, TaskContext } from './types.ts'
import { checkOptions, checkRunOptions, describe, fail } from './validate.ts'

/**
 * What a new call does while a run of the same owner is going:
 * - `'replace'`: cancel the run, start the new one.
 * - `'drop'`: ignore the new call; its promise rejects with an `AbortError`.
 * - `'queue'`: start the new call after the others, in order.
 * - `'keepLatest'`: let the run finish, then start only the newest call made
 *   meanwhile; the calls in between reject with an `AbortError`.
 * - `'parallel'`: start it too; the state shows the newest run.
 *
 * A call that never starts (dropped, skipped or still waiting when cancelled)
 * has no status calls: only its promise rejects.
 */
export type Concurrency =
  'replace' | 'drop' | 'queue' | 'keepLatest' | 'parallel'

const POLICIES: readonly Concurrency[] = [
  'replace',
  'drop',
  'queue',
  'keepLatest',
  'parallel',
]

/** A task given as a plain function, run on the page. */
export type PageTaskFn<TInput, TResult> = (
  input: TInput,
  ctx: TaskContext,
) => TResult | PromiseLike<TResult>

/** The arguments of `invoke`: the input may be left out when it can be. */
export type InvokeArgs<TInput> = undefined extends TInput
  ? [input?: TInput]
  : [input: TInput]

/**
 * Options of a run owner (`useLongCallback`): those of `invokeLongCallback`
 * but `signal`, plus what to do with several calls and with an unmount.
 */
export interface ControllerOptions<TResult> extends Omit<
  InvokeOptions<TResult>,
  'signal'
> {
  /**
   * What `invoke` does while a run is going; see {@link Concurrency}.
   * With a `key`, the run going under that key counts, whoever started it
   * (another component, or `invokeLongCallback`); runs under an earlier key
   * do not. Default: `'replace'`.
   */
  concurrency?: Concurrency | undefined
  /**
   * Whether the runs still going (and the calls still waiting) are cancelled
   * when the owner unmounts, or when an `<Activity>` hides it. Default:
   * `true` without a `key`, `false` with one, so that a keyed run left going
   * finishes into the store. Each run keeps the setting it started with.
   */
  cancelOnUnmount?: boolean | undefined
}

/** Checks a task and options eagerly, with one wording for every error. */
export function checkControllerArgs<TResult>(
  where: string,
  task: unknown,
  options: ControllerOptions<TResult>,
): void {
  const run = (task as { run?: unknown } | null)?.run
  if (typeof task !== 'function' && typeof run !== 'function') {
    fail(where, 'task', 'a LongTask or a function', task)
  }
  checkOptions(where, options)
  const { concurrency, cancelOnUnmount } = options
  if (concurrency !== undefined && !POLICIES.includes(concurrency)) {
    fail(
      where,
      'concurrency',
      `one of ${POLICIES.map(describe).join(', ')}`,
      concurrency,
    )
  }
  if (cancelOnUnmount !== undefined && typeof cancelOnUnmount !== 'boolean') {
    fail(where, 'cancelOnUnmount', 'a boolean', cancelOnUnmount)
  }
  checkRunOptions(where, options)
}
