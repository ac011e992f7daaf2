import { useEffect, useState } from 'react'
import { useLongCallback, type PoolStats } from '../../src/index.ts'
import {
  Button,
  Card,
  ErrorMessage,
  Note,
  Page,
  ProgressBar,
  Stat,
  Stats,
  formatInt,
  formatMs,
} from '../ui/components.tsx'
import {
  countPrimes,
  countPrimesAfterFault,
  faultsPool,
  ignoreSignal,
} from '../workers/pools.ts'

export interface CancelAndTimeoutProps {
  /** The limit of the cancellable prime count. */
  limit: number
  /** The timeout of the second card, in milliseconds. */
  timeoutMs: number
  /** How long the stubborn task would run if nothing stopped it. */
  stubbornMs: number
}

/**
 * Three ways a run ends early. `cancel()` ends the run at once and aborts
 * `ctx.signal`, which the task notices at its next `checkpoint()`.
 * `timeoutMs` does the same when time is up. A task that never looks at its
 * signal still ends at once for the page; its worker is terminated after
 * the pool's `killAfterMs` and replaced.
 *
 * The code: `stories/recipes/CancelAndTimeout.tsx`.
 */
export function CancelAndTimeout(props: CancelAndTimeoutProps) {
  return (
    <Page
      title="Cancel and timeout"
      lead="Each run ends the moment it is cancelled or times out, whether or
        not its task cooperates."
    >
      <div className="lc-grid">
        <Cancellable limit={props.limit} />
        <TimedOut limit={props.limit} timeoutMs={props.timeoutMs} />
        <Stubborn stubbornMs={props.stubbornMs} />
      </div>
    </Page>
  )
}

function Cancellable({ limit }: { limit: number }) {
  const primes = useLongCallback(countPrimes)
  return (
    <Card title="Cancel" status={primes.status}>
      <div className="lc-row">
        <Button
          variant="primary"
          onClick={() => primes.invoke(limit)}
          disabled={primes.isRunning}
        >
          Start counting
        </Button>
        <Button
          variant="danger"
          onClick={primes.cancel}
          disabled={!primes.isRunning}
        >
          Cancel
        </Button>
      </div>
      <ProgressBar
        label="Count progress"
        value={primes.progress}
        message={primes.message}
        running={primes.isRunning}
      />
      <ErrorMessage error={primes.error} />
      <Note>
        Primes below {formatInt(limit)}, with a checkpoint every 5,000.
      </Note>
    </Card>
  )
}

function TimedOut(props: { limit: number; timeoutMs: number }) {
  const primes = useLongCallback(countPrimes, { timeoutMs: props.timeoutMs })
  return (
    <Card title="Timeout" status={primes.status}>
      <Button
        onClick={() => primes.invoke(props.limit)}
        disabled={primes.isRunning}
      >
        Start with a {formatMs(props.timeoutMs)} timeout
      </Button>
      <ProgressBar value={primes.progress} running={primes.isRunning} />
      <ErrorMessage error={primes.error} />
    </Card>
  )
}

function Stubborn({ stubbornMs }: { stubbornMs: number }) {
  const stubborn = useLongCallback(ignoreSignal)
  const followUp = useLongCallback(countPrimesAfterFault)
  const stats = usePoolStats()
  const [waitedMs, setWaitedMs] = useState<number>()

  const runFollowUp = async () => {
    const started = performance.now()
    setWaitedMs(undefined)
    await followUp.invokeAsync(100_000).catch(() => undefined)
    setWaitedMs(performance.now() - started)
  }

  return (
    <Card title="A task that ignores its signal" status={stubborn.status}>
      <div className="lc-row">
        <Button
          onClick={() => stubborn.invoke(stubbornMs)}
          disabled={stubborn.isRunning}
        >
          Start the stubborn task
        </Button>
        <Button
          variant="danger"
          onClick={stubborn.cancel}
          disabled={!stubborn.isRunning}
        >
          Cancel it
        </Button>
      </div>
      <ErrorMessage error={stubborn.error} />
      <Note>
        It would spin for {formatMs(stubbornMs)} without a checkpoint. Once
        cancelled, its worker gets 500 ms (<code>killAfterMs</code>) to stop,
        then it is terminated.
      </Note>
      <Button onClick={runFollowUp} disabled={followUp.isRunning}>
        Run a small task on the same pool
      </Button>
      <Stats>
        <Stat label="Follow-up" value={followUp.status} testId="follow-up" />
        <Stat
          label="Waited"
          value={waitedMs === undefined ? '–' : formatMs(waitedMs)}
          raw={waitedMs ?? 0}
          testId="follow-up-ms"
        />
        <Stat
          label="Pool workers"
          value={`${stats.workers} (${stats.running} busy)`}
        />
      </Stats>
    </Card>
  )
}

// Polled rather than subscribed: a pool offers a snapshot, not events.
function usePoolStats(): PoolStats {
  const [stats, setStats] = useState(() => faultsPool.stats())
  useEffect(() => {
    const timer = setInterval(() => setStats(faultsPool.stats()), 100)
    return () => clearInterval(timer)
  }, [])
  return stats
}
