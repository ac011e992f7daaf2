// The model of the model-based test: the actions a user (or the world) can
// take, and for each run, the ways it is allowed to end.
import { expect } from 'vitest'
import type {
  LongCallbackStore,
  LongTask,
  WorkerPool,
} from '../../src/index.ts'
import type { ReliabilityTasks } from '../fixtures/reliability.worker.ts'
import { recordRun, type Recorded } from './harness.ts'

export type Kind =
  | 'echo'
  | 'nap'
  | 'stubborn'
  | 'crash'
  | 'closeSelf'
  | 'never'
  | 'chatter'
  | 'unknown'
  | 'badInput'
  | 'badResult'

export type Action =
  | {
      type: 'invoke'
      kind: Kind
      ms: number
      period: number
      timeoutMs: number | undefined
      keyed: boolean
      owner: 0 | 1 | undefined
    }
  | { type: 'cancel'; target: number }
  | { type: 'unmount'; owner: 0 | 1 }
  | { type: 'wait'; ms: number }
  | { type: 'terminate' }

/** One way a run may end. */
export type Ending =
  | { status: 'success'; result: unknown }
  | { status: 'error' | 'cancelled'; name: string }

export interface ModelRun {
  kind: Kind
  ms: number
  key: string | undefined
  owner: 0 | 1 | undefined
  recorded: Recorded<unknown>
  /** How it may still end; empty while only an outside act can end it. */
  allowed: Ending[]
}

export interface World {
  pool: WorkerPool<ReliabilityTasks>
  store: LongCallbackStore
  runs: ModelRun[]
  owners: AbortController[]
  terminated: boolean
}

// A page timer and a worker message due within this many milliseconds of
// each other may be handled in either order.
const RACE_MARGIN_MS = 15

const cancelled = (name: string): Ending => ({ status: 'cancelled', name })
const failed = (name: string): Ending => ({ status: 'error', name })

export async function runAction(world: World, action: Action): Promise<void> {
  switch (action.type) {
    case 'invoke':
      invoke(world, action)
      return
    case 'cancel':
      cancel(world, action.target)
      return
    case 'unmount':
      unmount(world, action.owner)
      return
    case 'wait':
      await new Promise((resolve) => setTimeout(resolve, action.ms))
      return
    case 'terminate':
      await terminate(world)
  }
}

function invoke(world: World, action: Extract<Action, { type: 'invoke' }>) {
  const { kind, ms, period, timeoutMs, owner } = action
  const key = action.keyed ? `run-${world.runs.length}` : undefined
  const signal = owner === undefined ? undefined : world.owners[owner]?.signal
  const [task, input] = taskFor(world.pool, kind, ms)
  const recorded = recordRun(task, input, {
    store: world.store,
    key,
    period,
    timeoutMs,
    signal,
  })
  const allowed = world.terminated
    ? [cancelled('PoolTerminatedError')]
    : endings(kind, ms, timeoutMs)
  world.runs.push({ kind, ms, key, owner, recorded, allowed })
}

function taskFor(
  pool: WorkerPool<ReliabilityTasks>,
  kind: Kind,
  ms: number,
): [LongTask<unknown, unknown>, unknown] {
  const untyped = pool as unknown as WorkerPool<
    Record<string, (input: unknown) => unknown>
  >
  switch (kind) {
    case 'unknown':
      return [untyped.task('noSuchTask'), ms]
    case 'badInput':
      return [untyped.task('echo'), () => ms]
    case 'badResult':
      return [untyped.task('returnsFunction'), ms]
    default:
      return [untyped.task(kind), ms]
  }
}

/** How a run of `kind` may end when nobody cancels it. */
export function endings(
  kind: Kind,
  ms: number,
  timeoutMs: number | undefined,
): Ending[] {
  const natural = naturalEnding(kind, ms)
  if (timeoutMs === undefined) return natural ? [natural] : []
  const timeout = failed('TimeoutError')
  if (!natural || timeoutMs + RACE_MARGIN_MS <= leastDuration(kind, ms)) {
    return [timeout]
  }
  return [natural, timeout]
}

function naturalEnding(kind: Kind, ms: number): Ending | undefined {
  switch (kind) {
    case 'echo':
    case 'nap':
    case 'stubborn':
    case 'chatter':
      return { status: 'success', result: ms }
    case 'crash':
    case 'closeSelf':
      return failed('WorkerCrashError')
    case 'never':
      return undefined
    case 'unknown':
      return failed('UnknownTaskError')
    case 'badInput':
    case 'badResult':
      return failed('DataCloneError')
  }
}

function leastDuration(kind: Kind, ms: number): number {
  return ['nap', 'stubborn', 'crash', 'closeSelf'].includes(kind) ? ms : 0
}

// A cancel ends the run at once: its handler and state settle before
// `cancel` returns.
function cancel(world: World, target: number): void {
  if (world.runs.length === 0) return
  const run = world.runs[target % world.runs.length] as ModelRun
  const { recorded } = run
  const callsBefore = recorded.calls.length
  const wasEnded = recorded.ended()
  const reason = `cancel #${target}`
  recorded.run.cancel(reason)
  if (wasEnded) {
    expect(recorded.calls.length, 'a cancel after the end').toBe(callsBefore)
    return
  }
  expectCancelledNow(run, reason)
}

function unmount(world: World, owner: 0 | 1): void {
  const going = world.runs.filter(
    (run) => run.owner === owner && !run.recorded.ended(),
  )
  world.owners[owner]?.abort('unmounted')
  world.owners[owner] = new AbortController()
  for (const run of going) expectCancelledNow(run, 'unmounted')
}

function expectCancelledNow(run: ModelRun, reason: string): void {
  const final = run.recorded.final()
  expect(final?.reason, `${run.kind} ended by a cancel`).toBe('cancelled')
  expect(final?.error).toMatchObject({ name: 'AbortError', reason })
  run.allowed = [cancelled('AbortError')]
}

// The runs left end as cancelled with a PoolTerminatedError, within the
// microtasks that follow `terminate()`.
async function terminate(world: World): Promise<void> {
  const going = world.runs.filter((run) => !run.recorded.ended())
  world.pool.terminate()
  world.terminated = true
  await new Promise((resolve) => setTimeout(resolve, 0))
  for (const run of going) {
    expect(run.recorded.final()?.error?.name).toBe('PoolTerminatedError')
    run.allowed = [cancelled('PoolTerminatedError')]
  }
  expect(world.pool.stats()).toMatchObject({ workers: 0, terminated: true })
}
