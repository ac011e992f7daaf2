import { useState } from 'react'
import { useLongCallback } from '../../src/index.ts'
import {
  Button,
  Card,
  ErrorMessage,
  Note,
  Page,
  Stat,
  Stats,
  StatusBadge,
  formatInt,
} from '../ui/components.tsx'
import {
  closeWorker,
  countPrimesAfterFault,
  crashLater,
  parseOrders,
} from '../workers/pools.ts'

const SAMPLE_CSV = `id,date,region,product,quantity,unit_price
1,2025-03-02,North,Lamp,2,3900
2,2025-03-02,East,Desk,1,24900
3,2025-03-03,West,Chair,4
4,2025-03-04,South,Rug,1,12900`

/**
 * Two ways a task fails. An error thrown by the task reaches the page with
 * its name and message. A worker that dies (an uncaught error outside the
 * task, or `self.close()`) fails only the run it held, with a
 * `WorkerCrashError`, and the pool replaces it. Either way the error is in
 * the state: nothing is thrown at the page, which keeps working.
 *
 * The code: `stories/recipes/Failures.tsx`.
 */
export function Failures() {
  return (
    <Page
      title="Failures"
      lead="Errors arrive as state. The page, and the pool, carry on."
    >
      <div className="lc-grid">
        <ThrowingTask />
        <CrashingWorker />
        <StillWorking />
      </div>
    </Page>
  )
}

function ThrowingTask() {
  const [text, setText] = useState(SAMPLE_CSV)
  const parse = useLongCallback(parseOrders)
  return (
    <Card title="A task that throws" status={parse.status}>
      <textarea
        aria-label="CSV to import"
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={6}
        style={{ font: '12px ui-monospace, monospace', width: '100%' }}
      />
      <Button variant="primary" onClick={() => parse.invoke(text)}>
        Import in a worker
      </Button>
      <ErrorMessage error={parse.error} />
      {parse.result && <p>Imported {parse.result.length} orders.</p>}
      <Note>Line 4 lacks its price: the parser throws a SyntaxError.</Note>
    </Card>
  )
}

function CrashingWorker() {
  const uncaught = useLongCallback(crashLater)
  const closing = useLongCallback(closeWorker)
  return (
    <Card title="A worker that crashes">
      <div className="lc-row">
        <Button onClick={() => uncaught.invoke('out of cheese')}>
          Uncaught error in the worker
        </Button>
        <StatusBadge status={uncaught.status} />
      </div>
      <ErrorMessage error={uncaught.error} />
      <div className="lc-row">
        <Button onClick={() => closing.invoke(null)}>
          Worker closes itself
        </Button>
        <StatusBadge status={closing.status} />
      </div>
      <ErrorMessage error={closing.error} />
      <Note>
        The first throws from a timer, outside any task; the second calls{' '}
        <code>self.close()</code>, which the browser does not report.
      </Note>
    </Card>
  )
}

function StillWorking() {
  const [clicks, setClicks] = useState(0)
  const primes = useLongCallback(countPrimesAfterFault)
  return (
    <Card title="The page still works" status={primes.status}>
      <div className="lc-row">
        <Button onClick={() => setClicks((n) => n + 1)}>Click me</Button>
        <Button variant="primary" onClick={() => primes.invoke(200_000)}>
          Run a task on the same pool
        </Button>
      </div>
      <Stats>
        <Stat label="Clicks" value={clicks} raw={clicks} testId="clicks" />
        <Stat
          label="Primes below 200,000"
          value={primes.result === undefined ? '–' : formatInt(primes.result)}
          raw={primes.result ?? 0}
          testId="primes"
        />
      </Stats>
    </Card>
  )
}
