// Type-checked against the packed package in a clean folder (not by the
// repo's tsconfig, where the package name does not resolve): what a user
// writes must compile under `bundler` and `nodenext` resolution with
// `skipLibCheck: false`.
import { createElement } from 'react'
import {
  createLongCallbackStore,
  createWorkerPool,
  invokeLongCallback,
  useLongCallback,
  useLongCallbackState,
  WorkerCrashError,
  type LongTask,
  type RunState,
  type StatusInfo,
} from 'react-long-callback'
import { createInlinePool } from 'react-long-callback/testing'
import { defineTasks } from 'react-long-callback/worker'

export const tasks = defineTasks({
  double: (n: number) => n * 2,
  async sum(input: { values: number[] }, ctx) {
    ctx.progress(null, 'adding')
    await ctx.checkpoint()
    return input.values.reduce((total, value) => total + value, 0)
  },
})
type Tasks = typeof tasks

const pool = createWorkerPool<Tasks>(
  () => new Worker(new URL('./w.js', import.meta.url), { type: 'module' }),
  { size: 2 },
)
export const double: LongTask<number, number> = pool.task('double')
export const sum: LongTask<{ values: number[] }, number> = pool.task('sum')
// @ts-expect-error the worker module has no task by that name
pool.task('triple')

export const inline: LongTask<number, number> =
  createInlinePool(tasks).task('double')

const run = invokeLongCallback(double, 21, {
  period: 1000,
  store: createLongCallbackStore(),
  onStatus(status, result, info: StatusInfo) {
    if (status === true) return result satisfies number | undefined
    if (status === false) return info.error instanceof WorkerCrashError
    return status satisfies number
  },
})
export const promise: Promise<number> = run.promise

export function Sum() {
  const state = useLongCallback(sum, { concurrency: 'queue', key: 'sum' })
  const header: RunState = useLongCallbackState('sum')
  const result: number | undefined = state.result
  return createElement(
    'button',
    { onClick: () => state.invoke({ values: [1, 2] }) },
    `${header.status} ${String(result)}`,
  )
}
