import { useState } from 'react'
import { useLongCallback } from '../../src/index.ts'
import {
  Button,
  Card,
  Note,
  Page,
  Stat,
  Stats,
  formatInt,
  formatMs,
} from '../ui/components.tsx'
import {
  FrameTicker,
  measureFrames,
  useFrameClock,
  type FrameMeasure,
} from '../ui/FrameTicker.tsx'
import { countPrimesBlocking } from '../workers/primes.ts'
import { countPrimes } from '../workers/pools.ts'

interface Outcome extends FrameMeasure {
  found: number
  ms: number
}

/**
 * The same prime count twice: once in a worker through `useLongCallback`,
 * once on the main thread. Watch the square and the frame counter while
 * each runs: the worker leaves the page free, the main thread freezes it.
 *
 * The code: `stories/recipes/HeavyWork.tsx`.
 */
export function HeavyWork({ limit }: { limit: number }) {
  const clock = useFrameClock()
  const [inWorker, setInWorker] = useState<Outcome>()
  const [onMain, setOnMain] = useState<Outcome>()
  const [mainBusy, setMainBusy] = useState(false)
  const primes = useLongCallback(countPrimes)

  const runInWorker = async () => {
    setInWorker(undefined)
    const stop = measureFrames(clock)
    const started = performance.now()
    const found = await primes.invokeAsync(limit).catch(() => undefined)
    const ms = performance.now() - started
    const frames = await stop()
    if (found !== undefined) setInWorker({ ...frames, found, ms })
  }

  const runOnMain = () => {
    setOnMain(undefined)
    setMainBusy(true)
    const stop = measureFrames(clock)
    // Let the browser paint "running" first; then the thread is held.
    requestAnimationFrame(() =>
      setTimeout(async () => {
        const started = performance.now()
        const found = countPrimesBlocking(limit)
        const ms = performance.now() - started
        const frames = await stop()
        setMainBusy(false)
        setOnMain({ ...frames, found, ms })
      }),
    )
  }

  const busy = primes.isRunning || mainBusy
  return (
    <Page
      title="Heavy work in the background"
      lead={`Count the primes below ${formatInt(limit)}. In a worker the page
        keeps drawing; on the main thread it freezes until the count is done.`}
    >
      <div className="lc-stack">
        <Card title="The page">
          <FrameTicker clock={clock} />
        </Card>
        <div className="lc-grid">
          <Card title="In a worker" status={primes.status}>
            <Button variant="primary" onClick={runInWorker} disabled={busy}>
              Count in a worker
            </Button>
            <OutcomeStats outcome={inWorker} prefix="worker" />
          </Card>
          <Card
            title="On the main thread"
            status={mainBusy ? 'running' : undefined}
          >
            <Button onClick={runOnMain} disabled={busy}>
              Count on the main thread
            </Button>
            <OutcomeStats outcome={onMain} prefix="main" />
          </Card>
        </div>
        <Note>
          The square is turned by JavaScript on every frame, as any React update
          would be: when the main thread is busy, it stops.
        </Note>
      </div>
    </Page>
  )
}

function OutcomeStats(props: { outcome: Outcome | undefined; prefix: string }) {
  const { outcome, prefix } = props
  if (!outcome) {
    return (
      <Note>Not run yet: click, and watch the square while it counts.</Note>
    )
  }
  return (
    <Stats>
      <Stat
        label="Primes"
        value={formatInt(outcome.found)}
        raw={outcome.found}
        testId={`${prefix}-found`}
      />
      <Stat
        label="Time"
        value={formatMs(outcome.ms)}
        raw={outcome.ms}
        testId={`${prefix}-ms`}
      />
      <Stat
        label="Frames drawn"
        value={formatInt(outcome.frames)}
        raw={outcome.frames}
        testId={`${prefix}-frames`}
      />
      <Stat
        label="Longest frame"
        value={formatMs(outcome.longestGapMs)}
        raw={outcome.longestGapMs}
        testId={`${prefix}-gap`}
      />
    </Stats>
  )
}
