import { describe, expectTypeOf, it } from 'vitest'
import { createWorkerPool, invokeLongCallback } from '../../src/index.ts'
import type { LongTask } from '../../src/index.ts'
import { defineTasks } from '../../src/worker.ts'

export const tasks = defineTasks({
  countPrimes: async (limit: number) => limit,
  join: (parts: { a: string; b: string }) => parts.a + parts.b,
})
type Tasks = typeof tasks
const pool = createWorkerPool<Tasks>(() => new Worker('x.js'))

describe('pool types', () => {
  it('infers input and result from the worker module', () => {
    expectTypeOf(pool.task('countPrimes')).toEqualTypeOf<
      LongTask<number, number>
    >()
    expectTypeOf(pool.task('join')).toEqualTypeOf<
      LongTask<{ a: string; b: string }, string>
    >()
  })

  it('rejects an unknown name and a wrong input', () => {
    // @ts-expect-error: no task of that name
    pool.task('countPrimez')
    // @ts-expect-error: the input is a number
    invokeLongCallback(pool.task('countPrimes'), 'many')
  })

  it('types the promise and the status handler from the result', () => {
    const run = invokeLongCallback(
      pool.task('join'),
      { a: 'x', b: 'y' },
      {
        onStatus: (status, result) => {
          expectTypeOf(status).toEqualTypeOf<boolean | number>()
          expectTypeOf(result).toEqualTypeOf<string | undefined>()
        },
      },
    )
    expectTypeOf(run.promise).toEqualTypeOf<Promise<string>>()
  })
})
