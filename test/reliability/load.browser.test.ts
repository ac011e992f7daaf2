// Load: a thousand runs queued at once on a pool of two, a fifth of them
// cancelled at random moments. All settle, and the runs start in the order
// they were invoked.
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { LongTask } from '../../src/index.ts'
import {
  allSettled,
  brokenPromises,
  countedPool,
  forbidConsoleNoise,
  recordRun,
  report,
} from './harness.ts'
import type { Recorded } from './harness.ts'

const SEED = Number(import.meta.env.VITE_RELIABILITY_SEED ?? 20_240_611)
const RUNS = 1_000
const SIZE = 2

forbidConsoleNoise()

const summary: Record<string, unknown> = { seed: SEED }
afterAll(() => report('load', summary))

// For each run: which task, and whether and when it is cancelled.
const plan = fc.array(
  fc.record({
    nap: fc.constantFrom(false, false, false, false, true),
    period: fc.constantFrom(0, 0, 0, 16),
    cancel: fc.oneof(
      { weight: 8, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant(-1) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) },
    ),
  }),
  { minLength: RUNS, maxLength: RUNS },
)

describe('load', () => {
  it(`settles ${RUNS} runs queued at once on a pool of ${SIZE}, starting them in order`, async () => {
    const [steps] = fc.sample(plan, { seed: SEED, numRuns: 1 })
    if (!steps) throw new Error('no plan')
    const counted = countedPool({ size: SIZE, killAfterMs: 50 })
    const { pool } = counted
    const starts: number[] = []
    // Run `index` is a 2 ms nap or an echo of its index; its start is noted.
    const tracked = (
      index: number,
      nap: boolean,
    ): LongTask<number, number> => ({
      name: nap ? 'nap' : 'echo',
      run: (input, hooks) =>
        pool.task(nap ? 'nap' : 'echo').run(input, {
          ...hooks,
          onStart() {
            starts.push(index)
            hooks.onStart?.()
          },
        }) as Promise<number>,
    })
    const expected = (index: number) => (steps[index]?.nap ? 2 : index)

    const runs: Array<Recorded<unknown>> = steps.map((step, index) =>
      recordRun(tracked(index, step.nap), expected(index), {
        period: step.period,
      }),
    )
    expect(pool.stats()).toMatchObject({ running: SIZE, queued: RUNS - SIZE })

    const cancelled = new Set<number>()
    const cancel = (index: number) => {
      const run = runs[index] as Recorded<unknown>
      if (!run.ended()) cancelled.add(index)
      run.run.cancel('load')
    }
    let mostWorkers = 0
    const timers = steps.map((step, index) => {
      if (step.cancel === undefined) return undefined
      if (step.cancel < 0) {
        cancel(index)
        return undefined
      }
      return setTimeout(() => {
        mostWorkers = Math.max(mostWorkers, counted.alive())
        cancel(index)
      }, step.cancel)
    })

    const started = performance.now()
    await allSettled(runs, 20_000)
    const elapsedMs = Math.round(performance.now() - started)
    for (const timer of timers) clearTimeout(timer)

    const problems = runs.flatMap(brokenPromises)
    expect(problems).toEqual([])
    runs.forEach((run, index) => {
      const final = run.final()
      if (cancelled.has(index)) {
        expect(final, `run ${index}`).toMatchObject({ reason: 'cancelled' })
        return
      }
      expect(final, `run ${index}`).toMatchObject({
        status: true,
        result: expected(index),
      })
    })
    // FIFO: runs start in the order they were invoked, skipping only
    // those cancelled while they waited.
    const notStarted = runs
      .map((_, index) => index)
      .filter((index) => !starts.includes(index))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(notStarted.every((index) => cancelled.has(index))).toBe(true)
    await expect
      .poll(() => pool.stats(), { interval: 5 })
      .toMatchObject({ running: 0, queued: 0 })
    expect(counted.alive()).toBeLessThanOrEqual(SIZE)
    expect(mostWorkers).toBeLessThanOrEqual(SIZE)

    Object.assign(summary, {
      runs: RUNS,
      cancelled: cancelled.size,
      cancelledWhileQueued: notStarted.length,
      started: starts.length,
      elapsedMs,
      workersSpawned: counted.spawned(),
      problems: problems.length,
    })
    pool.terminate()
  })
})
