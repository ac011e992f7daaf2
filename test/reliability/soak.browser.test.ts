// Soak: ten thousand runs one after another, with cancels, timeouts, crashes
// and keyed runs mixed in. What a long-lived tab must not do is grow: the
// heap after garbage collection, the store, the workers.
import { afterAll, describe, expect, it } from 'vitest'
import { createLongCallbackStore } from '../../src/index.ts'
import type { InvokeOptions, LongCallbackStore } from '../../src/index.ts'
import {
  brokenPromises,
  countedPool,
  forbidConsoleNoise,
  heapCensus,
  recordRun,
  report,
} from './harness.ts'
import type { Recorded } from './harness.ts'

const RUNS = 10_000
const WARM_UP = 500
const KEYS = 7
const MAX_HEAP_GROWTH = 5 * 1024 * 1024
// Run ids are strings like `lcr_42`: one kept per run is the leak to find.
const RUN_IDS = { strings: '^lcr_\\d+$', objects: ['PoolWorker'] }

forbidConsoleNoise()

const summary: Record<string, unknown> = {}
afterAll(() => report('soak', summary))

type Counted = ReturnType<typeof countedPool>

/** Run `index` of the soak: mostly quick echoes, with faults mixed in. */
async function soakRun(
  { pool }: Counted,
  store: LongCallbackStore,
  index: number,
): Promise<{ problems: string[]; fault: string | undefined }> {
  const options: InvokeOptions<unknown> = { store }
  let recorded: Recorded<unknown>
  let fault: string | undefined
  if (index % 500 === 17) {
    fault = 'crash'
    recorded = recordRun(pool.task('crash'), 1, options)
  } else if (index % 250 === 13) {
    fault = 'timeout'
    recorded = recordRun(pool.task('never'), undefined, {
      ...options,
      timeoutMs: 5,
    })
  } else {
    const keyed = index % 10 === 3
    recorded = recordRun(pool.task('echo'), index, {
      ...options,
      key: keyed ? `soak-${index % KEYS}` : undefined,
      period: keyed ? 16 : undefined,
    })
    if (index % 100 === 7) {
      fault = 'cancel'
      recorded.run.cancel('soak')
    }
  }
  await recorded.run.promise.catch(() => {})
  return { problems: brokenPromises(recorded), fault }
}

describe('soak', () => {
  it(`makes ${RUNS} runs one after another with flat memory`, async () => {
    const counted = countedPool({ size: 2, killAfterMs: 50 })
    const store = createLongCallbackStore()
    const faults: Record<string, number> = {}
    let problems: string[] = []
    let mostWorkers = 0
    const soak = async (from: number, to: number) => {
      for (let index = from; index < to; index++) {
        const outcome = await soakRun(counted, store, index)
        problems = problems.concat(outcome.problems)
        if (outcome.fault)
          faults[outcome.fault] = (faults[outcome.fault] ?? 0) + 1
        mostWorkers = Math.max(mostWorkers, counted.alive())
      }
    }

    await soak(0, WARM_UP)
    const before = await heapCensus(RUN_IDS)
    const started = performance.now()
    await soak(WARM_UP, WARM_UP + RUNS)
    const elapsedMs = Math.round(performance.now() - started)
    const after = await heapCensus(RUN_IDS)
    const storeSize = Object.keys(store.getState().runs).length

    Object.assign(summary, {
      runs: RUNS,
      elapsedMs,
      faults,
      heapBeforeBytes: before.usedBytes,
      heapAfterBytes: after.usedBytes,
      heapGrowthBytes: after.usedBytes - before.usedBytes,
      runIdsKeptBefore: before.strings,
      runIdsKeptAfter: after.strings,
      poolWorkerObjects: after.objects['PoolWorker'],
      storeSize,
      mostWorkers,
      workersSpawned: counted.spawned(),
      problems: problems.length,
    })
    expect(problems).toEqual([])
    expect(after.usedBytes - before.usedBytes).toBeLessThan(MAX_HEAP_GROWTH)
    // Ids of ended runs that nobody observes must not be kept anywhere. A
    // few hundred linger in V8's string table until it is swept.
    expect(after.strings, after.samples.join()).toBeLessThan(RUNS / 5)
    expect(after.objects['PoolWorker']).toBeLessThanOrEqual(2)
    expect(storeSize).toBeLessThanOrEqual(KEYS)
    expect(mostWorkers).toBeLessThanOrEqual(2)
    counted.pool.terminate()
    expect(counted.alive()).toBe(0)
  }, 120_000)
})
