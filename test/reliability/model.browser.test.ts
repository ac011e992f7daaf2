// Model-based test: fast-check generates sequences of invokes, cancels,
// timeouts, crashes, unmounts and terminates against a real pool of one to
// three workers; a simple model says how each run may end, and every run's
// status calls, promise, store entry and the pool's workers are checked.
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { createLongCallbackStore } from '../../src/index.ts'
import type { LongCallbackStore, WorkerPool } from '../../src/index.ts'
import type { ReliabilityTasks } from '../fixtures/reliability.worker.ts'
import {
  allSettled,
  brokenPromises,
  countedPool,
  forbidConsoleNoise,
  recordRun,
  report,
  watchLibraryResources,
} from './harness.ts'
import type { Recorded } from './harness.ts'
import {
  runAction,
  type Action,
  type Kind,
  type ModelRun,
  type World,
} from './model.ts'

const SEED = Number(import.meta.env.VITE_RELIABILITY_SEED ?? 20_240_611)
const SEQUENCES = Number(import.meta.env.VITE_RELIABILITY_RUNS ?? 50)

// Mostly well-behaved runs, so that successes, queueing and FIFO hand-over
// are exercised as much as the faults.
const kind: fc.Arbitrary<Kind> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('echo' as const) },
  { weight: 4, arbitrary: fc.constant('nap' as const) },
  { weight: 2, arbitrary: fc.constant('stubborn' as const) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Kind>(
      'crash',
      'closeSelf',
      'never',
      'chatter',
      'unknown',
      'badInput',
      'badResult',
    ),
  },
)

const timeoutMs = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 40 }) },
  { weight: 2, arbitrary: fc.integer({ min: 100, max: 300 }) },
)

const invoke = fc.record({
  type: fc.constant('invoke' as const),
  kind,
  ms: fc.integer({ min: 1, max: 40 }),
  period: fc.constantFrom(0, 0, 16, 20),
  timeoutMs,
  keyed: fc.boolean(),
  owner: fc.constantFrom(0, 1, undefined),
})

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 20, arbitrary: invoke },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('cancel' as const),
      target: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('unmount' as const),
      owner: fc.constantFrom(0, 1),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('wait' as const),
      ms: fc.integer({ min: 0, max: 25 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'terminate' as const }) },
)

const scenario = fc.record({
  size: fc.integer({ min: 1, max: 3 }),
  killAfterMs: fc.integer({ min: 50, max: 100 }),
  idleTimeoutMs: fc.constantFrom(15, 5_000),
  actions: fc.array(action, { minLength: 4, maxLength: 20 }),
})

type Plan = typeof scenario extends fc.Arbitrary<infer T> ? T : never

const totals = {
  sequences: 0,
  runs: 0,
  faults: {} as Record<string, number>,
  outcomes: {} as Record<string, number>,
  workersSpawned: 0,
  leaks: 0,
}

function tally(bucket: Record<string, number>, name: string): void {
  bucket[name] = (bucket[name] ?? 0) + 1
}

forbidConsoleNoise()

afterAll(() => {
  report('model', { seed: SEED, ...totals })
})

describe('a random sequence of faults against the pool', () => {
  it('keeps every promise the library makes', async () => {
    // eslint-disable-next-line no-console
    console.info(
      `[reliability] model seed ${SEED} (override with VITE_RELIABILITY_SEED)`,
    )
    await fc.assert(
      fc.asyncProperty(scenario, async (plan) => {
        await playScenario(plan)
      }),
      { seed: SEED, numRuns: SEQUENCES, endOnFailure: true },
    )
    expect(totals.sequences).toBe(SEQUENCES)
    expect(totals.leaks).toBe(0)
  })
})

async function playScenario(plan: Plan): Promise<void> {
  const resources = watchLibraryResources()
  const counted = countedPool({
    size: plan.size,
    killAfterMs: plan.killAfterMs,
    idleTimeoutMs: plan.idleTimeoutMs,
  })
  const { pool } = counted
  const store = createLongCallbackStore()
  const runs: ModelRun[] = []
  const world: World = {
    pool,
    store,
    runs,
    owners: [new AbortController(), new AbortController()],
    terminated: false,
  }
  try {
    for (const step of plan.actions) {
      await runAction(world, step)
      tallyFault(step)
      expect(counted.alive()).toBeLessThanOrEqual(plan.size)
      expect(pool.stats().workers).toBeLessThanOrEqual(plan.size)
    }
    // The user leaves: what would never end is cancelled.
    for (const run of runs) {
      if (run.kind === 'never' && !run.recorded.ended()) {
        run.recorded.run.cancel('cleanup')
        run.allowed = [{ status: 'cancelled', name: 'AbortError' }]
      }
    }
    await allSettled(runs.map((run) => run.recorded as Recorded<unknown>))
    for (const run of runs) checkRun(run, store)
    if (!world.terminated) await checkPoolRecovers(world.pool, plan)
    pool.terminate()
    expect(counted.alive()).toBe(0)
    expect(resources.pendingTimers()).toBe(0)
    expect(resources.liveListeners()).toBe(0)
  } catch (error) {
    totals.leaks++
    throw error
  } finally {
    pool.terminate()
    resources.restore()
    totals.sequences++
    totals.runs += runs.length
    totals.workersSpawned += counted.spawned()
  }
}

function tallyFault(step: Action): void {
  if (step.type === 'wait') return
  if (step.type !== 'invoke') {
    tally(totals.faults, step.type)
    return
  }
  if (step.timeoutMs !== undefined) tally(totals.faults, 'timeoutMs')
  const faulty = ['echo', 'nap'].includes(step.kind) ? undefined : step.kind
  if (faulty) tally(totals.faults, faulty)
}

function checkRun(run: ModelRun, store: LongCallbackStore): void {
  const { recorded } = run
  const label = `${run.kind}(${run.ms}) ${recorded.run.id}`
  expect(brokenPromises(recorded as Recorded<unknown>), label).toEqual([])
  const final = recorded.final()
  const ending = final?.status === true ? 'success' : final?.reason
  const name = final?.error?.name
  tally(totals.outcomes, `${ending}${name ? `:${name}` : ''}`)
  const fits = run.allowed.some((allowed) => {
    if (allowed.status === 'success') {
      return final?.status === true && final.result === allowed.result
    }
    const status = final?.reason === 'cancelled' ? 'cancelled' : 'error'
    return status === allowed.status && name === allowed.name
  })
  expect(
    fits,
    `${label} ended ${ending} ${name ?? ''}; allowed ${JSON.stringify(run.allowed)}`,
  ).toBe(true)
  const entry = store.getState().runs[run.key ?? recorded.run.id]
  if (run.key === undefined) {
    // Nobody observes an unkeyed run: the store forgets it once it ends.
    expect(entry, `${label} left in the store`).toBeUndefined()
    return
  }
  expect(entry?.status).toBe(
    final?.status === true
      ? 'success'
      : final?.reason === 'cancelled'
        ? 'cancelled'
        : 'error',
  )
  expect(entry?.error).toBe(final?.error)
  expect(entry?.result).toBe(final?.status === true ? final.result : undefined)
}

async function checkPoolRecovers(
  pool: WorkerPool<ReliabilityTasks>,
  plan: Plan,
): Promise<void> {
  // A cancelled stubborn task keeps its worker until it stops or is killed.
  await expect
    .poll(() => pool.stats(), { timeout: 2_000, interval: 5 })
    .toMatchObject({ running: 0, queued: 0 })
  expect(pool.stats().workers).toBeLessThanOrEqual(plan.size)
  const probe = recordRun(pool.task('echo'), 'still usable')
  await allSettled([probe as Recorded<unknown>])
  expect(probe.outcome()).toEqual({ ok: true, value: 'still usable' })
}
