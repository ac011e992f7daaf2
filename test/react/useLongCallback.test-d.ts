import { describe, expectTypeOf, it } from 'vitest'
import {
  createWorkerPool,
  defineLongTask,
  useLongCallback,
  useLongCallbackState,
} from '../../src/index.ts'
import type { RunState, RunStatus } from '../../src/index.ts'
import { defineTasks } from '../../src/worker.ts'

export const tasks = defineTasks({
  countPrimes: async (limit: number) => limit,
  summary: (rows: string[]) => ({ count: rows.length }),
})
const pool = createWorkerPool<typeof tasks>(() => new Worker('x.js'))
const countPrimes = pool.task('countPrimes')

describe('useLongCallback types', () => {
  it('infers the result from a pool task', () => {
    const primes = useLongCallback(countPrimes)
    expectTypeOf(primes.result).toEqualTypeOf<number | undefined>()
    expectTypeOf(primes.invokeAsync(10)).toEqualTypeOf<Promise<number>>()
    expectTypeOf(primes.status).toEqualTypeOf<RunStatus>()
    expectTypeOf(primes.isRunning).toEqualTypeOf<boolean>()
    const summary = useLongCallback(pool.task('summary'))
    expectTypeOf(summary.result).toEqualTypeOf<{ count: number } | undefined>()
  })

  it('infers input and result from a plain function', () => {
    const job = useLongCallback(async (name: string) => name.length)
    expectTypeOf(job.result).toEqualTypeOf<number | undefined>()
    expectTypeOf(job.invoke).parameters.toEqualTypeOf<[input: string]>()
    const local = useLongCallback(defineLongTask((n: number) => `${n}`))
    expectTypeOf(local.result).toEqualTypeOf<string | undefined>()
  })

  it('rejects a wrong input', () => {
    const primes = useLongCallback(countPrimes)
    // @ts-expect-error: the input is a number
    primes.invoke('many')
    // @ts-expect-error: the input is required
    primes.invoke()
  })

  it('lets the input be left out when it can be', () => {
    const refresh = useLongCallback(async () => 'done')
    refresh.invoke()
    expectTypeOf(refresh.invokeAsync()).toEqualTypeOf<Promise<string>>()
  })

  it('types onStatus from the task and checks the options', () => {
    useLongCallback(countPrimes, {
      concurrency: 'keepLatest',
      onStatus(status, result) {
        expectTypeOf(status).toEqualTypeOf<boolean | number>()
        expectTypeOf(result).toEqualTypeOf<number | undefined>()
      },
    })
    // @ts-expect-error: not a concurrency policy
    useLongCallback(countPrimes, { concurrency: 'newest' })
    // @ts-expect-error: the hook owns the signal
    useLongCallback(countPrimes, { signal: new AbortController().signal })
  })

  it('reads keyed state, whole or through a selector', () => {
    expectTypeOf(useLongCallbackState('k')).toEqualTypeOf<RunState>()
    expectTypeOf(useLongCallbackState<number>('k').result).toEqualTypeOf<
      number | undefined
    >()
    expectTypeOf(
      useLongCallbackState('k', (s: RunState<number>) => s.result),
    ).toEqualTypeOf<number | undefined>()
    expectTypeOf(useLongCallbackState('k', (s) => s.progress)).toEqualTypeOf<
      number | null
    >()
  })
})
