import { useState } from 'react'
import {
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
} from '../../src/index.ts'
import {
  Button,
  Card,
  ErrorMessage,
  Note,
  Page,
  ProgressBar,
  StatusBadge,
  formatInt,
} from '../ui/components.tsx'
import type { RegionTotal } from '../workers/csv.worker.ts'
import { regionTotals } from '../workers/pools.ts'

/** The key that ties the components together. */
const REPORT = 'sales-report'

/**
 * A run started with a `key` lives in the store under that key, where any
 * component reads it with `useLongCallbackState(key, selector)`: here the
 * header's progress bar and the results panel. A keyed run is not cancelled
 * when the component that started it unmounts: close the controls while
 * the report runs, and it still finishes.
 *
 * The code: `stories/recipes/SharedRun.tsx`.
 */
export function SharedRun({ rows }: { rows: number }) {
  const [controlsOpen, setControlsOpen] = useState(true)
  return (
    <LongCallbackProvider>
      <Page
        title="One task seen from several places"
        lead="The controls start the report; the header and the results panel
          only read it, by its key."
      >
        <div className="lc-stack">
          <HeaderProgress />
          <div className="lc-grid">
            {controlsOpen ? (
              <ReportControls
                rows={rows}
                onClose={() => setControlsOpen(false)}
              />
            ) : (
              <Card title="Controls closed">
                <Note>The report keeps running without them.</Note>
                <Button onClick={() => setControlsOpen(true)}>
                  Open the controls
                </Button>
              </Card>
            )}
            <ResultsPanel />
          </div>
        </div>
      </Page>
    </LongCallbackProvider>
  )
}

function ReportControls(props: { rows: number; onClose: () => void }) {
  const report = useLongCallback(regionTotals, { key: REPORT })
  return (
    <Card title="Report controls" status={report.status}>
      <div className="lc-row">
        <Button
          variant="primary"
          onClick={() => report.invoke({ rows: props.rows, seed: 7 })}
          disabled={report.isRunning}
        >
          Build the report
        </Button>
        <Button onClick={report.cancel} disabled={!report.isRunning}>
          Cancel
        </Button>
        <Button onClick={props.onClose}>Close the controls</Button>
      </div>
      <Note>Revenue per region over {formatInt(props.rows)} orders.</Note>
    </Card>
  )
}

function HeaderProgress() {
  const status = useLongCallbackState(REPORT, (run) => run.status)
  const progress = useLongCallbackState(REPORT, (run) => run.progress)
  const message = useLongCallbackState(REPORT, (run) => run.message)
  return (
    <section className="lc-card" aria-label="App header">
      <div className="lc-row" style={{ justifyContent: 'space-between' }}>
        <strong>Acme Furniture · Sales</strong>
        <StatusBadge status={status} />
      </div>
      <ProgressBar
        label="Report progress"
        value={status === 'idle' ? 0 : progress}
        message={message}
        running={status === 'running'}
      />
    </section>
  )
}

function ResultsPanel() {
  const run = useLongCallbackState<RegionTotal[]>(REPORT)
  const dollars = (cents: number) => `$${formatInt(Math.round(cents / 100))}`
  return (
    <Card title="Results">
      <ErrorMessage error={run.error} />
      {!run.result && <Note>No report yet.</Note>}
      {run.result && (
        <table className="lc-table" aria-label="Revenue per region">
          <thead>
            <tr>
              <th>Region</th>
              <th>Orders</th>
              <th>Revenue</th>
            </tr>
          </thead>
          <tbody>
            {run.result.map((total) => (
              <tr key={total.region}>
                <td>{total.region}</td>
                <td data-num data-value={total.orders}>
                  {formatInt(total.orders)}
                </td>
                <td data-num>{dollars(total.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
