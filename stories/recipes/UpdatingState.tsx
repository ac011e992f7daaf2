import { useState } from 'react'
import { useLongCallback } from '../../src/index.ts'
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
import type { SampleSummary } from '../workers/stats.worker.ts'
import { summarizeSample } from '../workers/pools.ts'

/**
 * The task's return value lands in the hook's state: `status` turns to
 * `'success'` and `result` holds the summary, typed from the worker
 * module. No effect, no local state for the result: render what is there.
 *
 * The code: `stories/recipes/UpdatingState.tsx`.
 */
export function UpdatingState({ size }: { size: number }) {
  const [seed, setSeed] = useState(1)
  const sample = useLongCallback(summarizeSample)

  const draw = () => {
    const next = seed + 1
    setSeed(next)
    sample.invoke({ size, seed: next })
  }

  return (
    <Page
      title="Updating the state with the result"
      lead={`A worker draws ${formatInt(size)} values from a normal
        distribution and summarizes them; the summary is the task's result.`}
    >
      <div className="lc-grid">
        <Card title="Sample" status={sample.status}>
          <Button variant="primary" onClick={draw} disabled={sample.isRunning}>
            Draw a new sample
          </Button>
          {sample.isRunning && (
            <ProgressBar
              value={sample.progress}
              message={sample.message}
              running
            />
          )}
          <ErrorMessage error={sample.error} />
          <Note>Seed {seed}: the same seed always gives the same sample.</Note>
        </Card>
        <Card title="Summary">
          {sample.result ? (
            <Summary summary={sample.result} />
          ) : (
            <Note>Draw a sample to see its summary.</Note>
          )}
        </Card>
      </div>
    </Page>
  )
}

function Summary({ summary }: { summary: SampleSummary }) {
  const tallest = Math.max(...summary.histogram)
  const fixed = (value: number) => value.toFixed(3)
  return (
    <>
      <Stats>
        <Stat label="Values" value={formatInt(summary.size)} />
        <Stat
          label="Mean"
          value={fixed(summary.mean)}
          raw={summary.mean}
          testId="mean"
        />
        <Stat
          label="Std. dev."
          value={fixed(summary.sd)}
          raw={summary.sd}
          testId="sd"
        />
        <Stat
          label="Median"
          value={fixed(summary.median)}
          raw={summary.median}
          testId="median"
        />
        <Stat label="5th pct." value={fixed(summary.p5)} />
        <Stat label="95th pct." value={fixed(summary.p95)} />
      </Stats>
      <div className="lc-bars" aria-label="Histogram">
        {summary.histogram.map((count, index) => (
          <span
            key={index}
            data-count={count}
            title={`${formatInt(count)} values`}
            style={{ height: `${(100 * count) / tallest}%` }}
          />
        ))}
      </div>
      <Note>
        Histogram over [-4, 4), bins of 0.5. Computed in {formatMs(summary.ms)}.
      </Note>
    </>
  )
}
