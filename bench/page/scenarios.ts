// One round of one scenario for one contender. The Node side (run.mjs)
// calls these in turn for every contender, round after round, so that a
// slow moment of the machine falls on all contenders alike.
import type { Contender, Handle } from './contender.ts'
import { gaps, nextFrame, recordFrames } from './frames.ts'
import { spin } from './work.ts'

const now = () => performance.now()

async function warm(handle: Handle, trips: number): Promise<void> {
  for (let i = 0; i < trips; i++) await handle.noop()
}

/** Scenario 1: sequential round trips of a task that does nothing. */
export async function roundTrip(
  contender: Contender,
  trips: number,
): Promise<number[]> {
  const handle = contender.open(1)
  await warm(handle, 200)
  const micros: number[] = []
  for (let i = 0; i < trips; i++) {
    const start = now()
    await handle.noop()
    micros.push((now() - start) * 1000)
  }
  await handle.close()
  return micros
}

/** Scenario 2: `tasks` no-op tasks at once through two workers; tasks/s. */
export async function throughput(
  contender: Contender,
  tasks: number,
): Promise<number> {
  const handle = contender.open(2)
  await Promise.all([warm(handle, 100), warm(handle, 100)])
  const start = now()
  await Promise.all(Array.from({ length: tasks }, () => handle.noop()))
  const seconds = (now() - start) / 1000
  await handle.close()
  return tasks / seconds
}

/** Scenario 3: from creating the pool to the first result, in ms. */
export async function coldStart(
  open: () => Promise<Pick<Handle, 'noop' | 'close'>>,
): Promise<number> {
  const start = now()
  const handle = await open()
  await handle.noop()
  const ms = now() - start
  await handle.close()
  return ms
}

/** Frame gaps while a CPU task of `ms` runs, in ms: p95 and max. */
export interface FrameGaps {
  gaps: number[]
  taskMs: number
}

/** Scenario 4: frame gaps while a warm worker (or the page) spins. */
export async function responsiveness(
  run: (ms: number) => Promise<unknown>,
  ms: number,
): Promise<FrameGaps> {
  const frames = recordFrames()
  await nextFrame()
  await nextFrame()
  const start = now()
  await run(ms)
  const taskMs = now() - start
  await nextFrame()
  await nextFrame()
  return { gaps: gaps(frames.stop()), taskMs }
}

/** The same work on the page's own thread, for scenario 4. */
export async function spinInline(ms: number): Promise<number> {
  return spin(ms)
}

/** Scenario 6: a buffer of `bytes` to a warm worker and back, in ms. */
export async function moveData(
  contender: Contender,
  bytes: number,
  move: boolean,
): Promise<number> {
  const handle = contender.open(1)
  await warm(handle, 20)
  const buffer = new Uint8Array(bytes).fill(7).buffer
  const start = now()
  const back = await handle.echo(buffer, move)
  const ms = now() - start
  await handle.close()
  if (back.byteLength !== bytes) throw new Error(`echo lost bytes: ${ms}`)
  return ms
}
