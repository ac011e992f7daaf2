// The bench page: exposes `window.bench`, which run.mjs drives through
// Playwright, one call per scenario round and contender.
import type { Contender } from './contender.ts'
import { comlink } from './contenders/comlink.ts'
import {
  oursInvoke,
  oursPool,
  oursSharedSignal,
  openPool,
} from './contenders/ours.ts'
import { raw } from './contenders/raw.ts'
import { openUseWorker } from './contenders/useworker.tsx'
import { workerpoolContender } from './contenders/workerpool.ts'
import { floodOurs, floodPeer, Meter } from './flood.tsx'
import * as scenario from './scenarios.ts'

const pools: Record<string, Contender> = {
  raw,
  comlink,
  workerpool: workerpoolContender,
  ours: oursPool,
  'ours-invoke': oursInvoke,
  'ours-shared-signal': oursSharedSignal,
}

function pool(name: string): Contender {
  const contender = pools[name]
  if (!contender) throw new Error(`no contender called ${name}`)
  return contender
}

async function coldStart(name: string): Promise<number> {
  if (name === 'useworker') return scenario.coldStart(openUseWorker)
  return scenario.coldStart(async () => pool(name).open(1))
}

async function responsiveness(name: string, ms: number) {
  if (name === 'inline') return scenario.responsiveness(scenario.spinInline, ms)
  const handle =
    name === 'useworker' ? await openUseWorker() : pool(name).open(1)
  await handle.noop()
  const outcome = await scenario.responsiveness(handle.spin, ms)
  await handle.close()
  return outcome
}

async function flood(name: string, count: number, capMs: number) {
  if (name !== 'ours') {
    const handle = pool(name).open(1)
    await handle.noop()
    const outcome = await floodPeer(handle, count, capMs)
    // A capped flood has closed its handle already.
    if (outcome.finished) await handle.close()
    return outcome
  }
  const meter = new Meter()
  const ours = openPool(1, () => meter.count())
  await ours.task('noop').run(undefined, {
    signal: new AbortController().signal,
  })
  const stop = () => ours.terminate()
  const outcome = await floodOurs(ours.task('flood'), count, meter, capMs, stop)
  ours.terminate()
  return outcome
}

const bench = {
  crossOriginIsolated,
  roundTrip: (name: string, trips: number) =>
    scenario.roundTrip(pool(name), trips),
  throughput: (name: string, tasks: number) =>
    scenario.throughput(pool(name), tasks),
  coldStart,
  responsiveness,
  flood,
  moveData: (name: string, bytes: number, move: boolean) =>
    scenario.moveData(pool(name), bytes, move),
}

export type Bench = typeof bench

declare global {
  interface Window {
    bench: Bench
  }
}

window.bench = bench
