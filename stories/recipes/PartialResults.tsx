import { useEffect, useRef } from 'react'
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
} from '../ui/components.tsx'
import type { ExportProgress } from '../workers/csv.worker.ts'
import type { Order } from '../workers/orders.ts'
import { exportOrders } from '../workers/pools.ts'

/**
 * While it writes a CSV of a million orders, the worker hands over what it
 * has found so far with `ctx.partial(data)`: the count of rows written and
 * the latest big orders. The hook keeps the latest partial in `partial`,
 * so the table fills in before the task ends. The final result is the
 * file itself, as a Blob that crosses the thread without a copy.
 *
 * The code: `stories/recipes/PartialResults.tsx`.
 */
export function PartialResults(props: {
  rows: number
  bigOrderDollars: number
}) {
  const exporter = useLongCallback(exportOrders)
  const partial = exporter.partial as ExportProgress | undefined
  const latest = exporter.result?.bigOrders.slice(-8) ?? partial?.latest ?? []
  const found = exporter.result?.bigOrders.length ?? partial?.found ?? 0

  const start = () =>
    exporter.invoke({
      rows: props.rows,
      seed: 42,
      bigOrderCents: props.bigOrderDollars * 100,
    })

  return (
    <Page
      title="Partial results"
      lead={`Export ${formatInt(props.rows)} orders as CSV, listing the orders
        over $${formatInt(props.bigOrderDollars)} as the worker finds them.`}
    >
      <div className="lc-grid">
        <Card title="Export" status={exporter.status}>
          <div className="lc-row">
            <Button
              variant="primary"
              onClick={start}
              disabled={exporter.isRunning}
            >
              Export the orders
            </Button>
            <Button onClick={exporter.cancel} disabled={!exporter.isRunning}>
              Cancel
            </Button>
          </div>
          <ProgressBar
            label="Export progress"
            value={exporter.progress}
            message={exporter.message}
            running={exporter.isRunning}
          />
          <Stats>
            <Stat
              label="Big orders found"
              value={formatInt(found)}
              raw={found}
              testId="found"
            />
            <Stat
              label="CSV size"
              value={
                exporter.result
                  ? `${(exporter.result.csv.size / 1e6).toFixed(1)} MB`
                  : '–'
              }
            />
          </Stats>
          {exporter.result && (
            <DownloadLink blob={exporter.result.csv} name="orders.csv" />
          )}
          <ErrorMessage error={exporter.error} />
        </Card>
        <Card title="Latest big orders">
          {latest.length === 0 ? (
            <Note>None found yet.</Note>
          ) : (
            <OrderTable orders={latest} />
          )}
        </Card>
      </div>
    </Page>
  )
}

function OrderTable({ orders }: { orders: Order[] }) {
  return (
    <table className="lc-table" aria-label="Big orders">
      <thead>
        <tr>
          <th>Order</th>
          <th>Date</th>
          <th>Product</th>
          <th>Qty</th>
          <th>Amount</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <td>{formatInt(order.id)}</td>
            <td>{order.date}</td>
            <td>{order.product}</td>
            <td data-num>{order.quantity}</td>
            <td data-num>
              ${formatInt(Math.round((order.quantity * order.unitPrice) / 100))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * A link that downloads `blob`. Its object URL is made in an effect and
 * revoked when the Blob changes or the link unmounts, so none leaks.
 */
function DownloadLink(props: { blob: Blob; name: string }) {
  const link = useRef<HTMLAnchorElement>(null)
  useEffect(() => {
    const url = URL.createObjectURL(props.blob)
    if (link.current) link.current.href = url
    return () => URL.revokeObjectURL(url)
  }, [props.blob])
  return (
    <a ref={link} download={props.name} data-testid="download">
      Download {props.name}
    </a>
  )
}
