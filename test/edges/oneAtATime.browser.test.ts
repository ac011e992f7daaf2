// "Workers ... run one task at a time each", and a task that has not ended
// killAfterMs after its signal was aborted loses its worker. A run can end
// early in three ways: a cancel, a timeout, and a partial result that the
// worker cannot send. Each must leave the worker busy until the task ends.
import { afterEach, describe, expect, it } from 'vitest'
import { invokeLongCallback } from '../../src/index.ts'
import type { WorkerPool } from '../../src/index.ts'
import { createInlinePool } from '../../src/testing.ts'
import { tasks } from './edges.worker.ts'
import type { EdgeTasks } from './edges.worker.ts'
import { countedPool, settleWithin } from './helpers.ts'

const pools: Array<WorkerPool<EdgeTasks>> = []
afterEach(() => {
  for (const pool of pools.splice(0)) pool.terminate()
})

function newPool(options: Parameters<typeof countedPool>[1]) {
  const counted = countedPool<EdgeTasks>('edges', options)
  pools.push(counted.pool)
  return counted
}

describe('a run that fails on an unclonable partial result', () => {
  it('(control) a cancelled task keeps its worker until it ends', async () => {
    const { pool } = newPool({ size: 1, killAfterMs: 5_000 })
    const first = invokeLongCallback(pool.task('linger'), 300)
    await expect.poll(() => pool.stats().running).toBe(1)
    first.cancel()
    const next = await invokeLongCallback(pool.task('othersActive'), undefined)
      .promise
    expect(next).toBe(0)
  })

  it('keeps its worker until the task ends: no second task runs beside it', async () => {
    const { pool } = newPool({ size: 1, killAfterMs: 5_000 })
    const first = invokeLongCallback(pool.task('badPartialThenLinger'), 300)
    await expect(first.promise).rejects.toMatchObject({
      name: 'DataCloneError',
    })
    const others = await invokeLongCallback(
      pool.task('othersActive'),
      undefined,
    ).promise
    expect(others).toBe(0)
  })

  it('has its worker replaced after killAfterMs if the task goes on', async () => {
    const counted = newPool({ size: 1, killAfterMs: 50 })
    const first = invokeLongCallback(
      counted.pool.task('badPartialThenSpin'),
      20_000,
    )
    await expect(first.promise).rejects.toMatchObject({
      name: 'DataCloneError',
    })
    const next = invokeLongCallback(counted.pool.task('echo'), 'next')
    // Only a new worker can answer while the old one spins for 20 s.
    const outcome = await settleWithin(next.promise, 3_000)
    expect(outcome).toEqual({ state: 'resolved', value: 'next' })
    expect(counted.spawned()).toBe(2)
  })
})

describe('the inline pool and a worker pool fail alike', () => {
  it.each(['string', 'object', 'aggregate'])(
    'a thrown %s gives the same error in both',
    async (kind) => {
      const { pool } = newPool({ size: 1 })
      const inline = createInlinePool(tasks)
      const fromWorker = await invokeLongCallback(
        pool.task('throwValue'),
        kind,
      ).promise.catch((e: unknown) => e as Error & { errors?: unknown[] })
      const fromInline = await invokeLongCallback(
        inline.task('throwValue'),
        kind,
      ).promise.catch((e: unknown) => e as Error & { errors?: unknown[] })
      expect(fromWorker.name).toBe(fromInline.name)
      expect(fromWorker.message).toBe(fromInline.message)
      expect(fromWorker.cause).toEqual(fromInline.cause)
      expect(fromWorker.errors?.length).toBe(fromInline.errors?.length)
    },
  )
})
