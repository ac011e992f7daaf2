// Scenario 5: a task that reports progress a million times, watched by a
// React component that shows it. Peers have no state layer: their watcher
// does what a user would write, a `useState` set on every report.
import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { useLongCallback } from '../../src/index.ts'
import type { LongTask } from '../../src/index.ts'
import type { Handle } from './contender.ts'
import { nextFrame, recordFrames } from './frames.ts'

export interface FloodOutcome {
  /** Whether the run ended before the time cap. */
  finished: boolean
  /** Renders of the watching component from invoke until it shows the end. */
  renders: number
  /** Animation frames that passed meanwhile. */
  frames: number
  /** Progress messages that reached the page. */
  messages: number
  /** From invoke to the watcher showing the end (or the cap), in ms. */
  ms: number
}

type Start = () => Promise<unknown>

/** How a watcher reports to the scenario: each render, and its start. */
interface Probe {
  onRender(): void
  onReady(start: Start): void
}

function PeerWatcher(props: { probe: Probe; handle: Handle; count: number }) {
  const { probe, handle, count } = props
  const [progress, setProgress] = useState(0)
  probe.onRender()
  useEffect(() => {
    probe.onReady(() => handle.flood(count, setProgress))
  }, [probe, handle, count])
  return <progress value={progress} />
}

function OursWatcher(props: {
  probe: Probe
  task: LongTask<number, number>
  count: number
}) {
  const { probe, task, count } = props
  const run = useLongCallback(task)
  probe.onRender()
  const { invokeAsync } = run
  useEffect(() => {
    probe.onReady(() => invokeAsync(count))
  }, [probe, invokeAsync, count])
  return <progress value={run.progress ?? 0} />
}

/**
 * Counts a flood's messages and stops it at its deadline. The page is too
 * busy to run a timer during a peer's flood, so the check runs on every
 * message; the timer in `watch` covers a flood with few messages.
 */
export class Meter {
  messages = 0
  deadline = Infinity
  onCap: () => void = () => {}

  count(): void {
    this.messages++
    if (performance.now() > this.deadline) this.onCap()
  }
}

// Watches one flood until it ends or `capMs` passes. At the cap it calls
// `stopWork`, which ends the workers and drops the messages still queued,
// then waits until the page draws frames again.
async function watch(
  render: (probe: Probe) => ReactNode,
  meter: Meter,
  capMs: number,
  stopWork: () => unknown,
): Promise<FloodOutcome> {
  const element = document.createElement('div')
  document.body.append(element)
  const root = createRoot(element)
  let renders = 0
  const ready = new Promise<Start>((resolve) => {
    root.render(render({ onRender: () => renders++, onReady: resolve }))
  })
  const start = await ready
  renders = 0
  const before = meter.messages
  const frames = recordFrames()
  const begin = performance.now()
  const capped = new Promise<false>((resolve) => {
    meter.deadline = begin + capMs
    meter.onCap = () => resolve(false)
    setTimeout(meter.onCap, capMs)
  })
  const ended = start().then(
    () => true,
    () => false,
  )
  const finished = await Promise.race([ended, capped])
  const messages = meter.messages - before
  if (!finished) await stopWork()
  // Let the last state reach the screen before counting.
  await nextFrame()
  await nextFrame()
  const outcome = {
    finished,
    renders,
    frames: frames.stop().length,
    messages,
    ms: performance.now() - begin,
  }
  root.unmount()
  element.remove()
  return outcome
}

/** Floods a peer's watcher; each report is one message and one setState. */
export function floodPeer(handle: Handle, count: number, capMs: number) {
  const meter = new Meter()
  const counted: Handle = {
    ...handle,
    flood: (n, onProgress) =>
      handle.flood(n, (value) => {
        meter.count()
        onProgress(value)
      }),
  }
  return watch(
    (probe) => <PeerWatcher probe={probe} handle={counted} count={count} />,
    meter,
    capMs,
    handle.close,
  )
}

/** Floods our watcher, which uses `useLongCallback`. */
export function floodOurs(
  task: LongTask<number, number>,
  count: number,
  meter: Meter,
  capMs: number,
  stopWork: () => unknown,
) {
  return watch(
    (probe) => <OursWatcher probe={probe} task={task} count={count} />,
    meter,
    capMs,
    stopWork,
  )
}
