/* global window */
// The scenarios as run.mjs drives them: which contenders take part, how many
// rounds, and what one round of one contender measures in the page.
import { quantile } from './stats.mjs'

const MIB = 1024 * 1024
const POOLS = ['raw', 'comlink', 'workerpool', 'ours', 'ours-invoke']
const PEERS_AND_OURS = ['raw', 'comlink', 'workerpool', 'ours']
// A million messages take a peer tens of seconds; the flood stops there.
export const FLOOD_CAP_MS = 6000

/** Main-thread task time of the page so far, in ms, from the DevTools protocol. */
async function busyMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((metric) => metric.name === 'TaskDuration').value * 1000
}

export const scenarios = [
  {
    id: 'roundTrip',
    title: '1. Round trip of a no-op task on a warm worker',
    contenders: POOLS,
    rounds: 11,
    async measure({ page }, name) {
      const micros = await page.evaluate(
        ([n, trips]) => window.bench.roundTrip(n, trips),
        [name, 2000],
      )
      return { median: quantile(micros, 0.5), p99: quantile(micros, 0.99) }
    },
  },
  {
    id: 'throughput',
    title: '2. Throughput: 10,000 no-op tasks through two workers',
    contenders: [...POOLS, 'ours-shared-signal'],
    rounds: 7,
    async measure({ page }, name) {
      const perSecond = await page.evaluate(
        ([n, tasks]) => window.bench.throughput(n, tasks),
        [name, 10_000],
      )
      return { perSecond }
    },
  },
  {
    id: 'coldStart',
    title: '3. First run on a cold pool',
    contenders: [...POOLS, 'useworker'],
    rounds: 20,
    async measure({ page }, name) {
      const ms = await page.evaluate((n) => window.bench.coldStart(n), name)
      return { ms }
    },
  },
  {
    id: 'responsiveness',
    title: '4. Frame gaps while a 2-second CPU task runs',
    contenders: ['inline', 'raw', 'comlink', 'workerpool', 'useworker', 'ours'],
    rounds: 5,
    warmUp: false,
    async measure({ page }, name) {
      const { gaps, taskMs } = await page.evaluate(
        ([n, ms]) => window.bench.responsiveness(n, ms),
        [name, 2000],
      )
      return {
        p95: quantile(gaps, 0.95),
        max: Math.max(...gaps),
        frames: gaps.length + 1,
        taskMs,
      }
    },
  },
  {
    id: 'flood',
    title: '5. Progress flood: one million reports',
    contenders: PEERS_AND_OURS,
    names: { ours: 'ours, `useLongCallback`' },
    rounds: 2,
    warmUpArgs: 20_000,
    async measure({ page, cdp }, name, count = 1_000_000) {
      const before = await busyMs(cdp)
      const outcome = await page.evaluate(
        ([n, c, cap]) => window.bench.flood(n, c, cap),
        [name, count, FLOOD_CAP_MS],
      )
      const busy = (await busyMs(cdp)) - before
      return {
        ...outcome,
        finished: outcome.finished ? 1 : 0,
        busyMs: busy,
        fps: outcome.frames / (outcome.ms / 1000),
      }
    },
  },
  {
    id: 'moveData',
    title: '6. A 64 MiB ArrayBuffer to a worker and back',
    contenders: PEERS_AND_OURS.flatMap((n) => [`${n}/transfer`, `${n}/copy`]),
    rounds: 5,
    async measure({ page }, entry) {
      const [name, how] = entry.split('/')
      const ms = await page.evaluate(
        ([n, bytes, move]) => window.bench.moveData(n, bytes, move),
        [name, 64 * MIB, how === 'transfer'],
      )
      return { ms }
    },
  },
]
