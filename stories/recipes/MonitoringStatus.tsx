import { useEffect, useRef, useState } from 'react'
import { useLongCallback, type StatusInfo } from '../../src/index.ts'
import {
  Button,
  Card,
  Note,
  Page,
  formatInt,
  formatMs,
} from '../ui/components.tsx'
import { ToastArea, useToasts } from '../ui/toasts.tsx'
import { countPrimes } from '../workers/pools.ts'

/**
 * A status handler in the shape of Taipy's `invoke_long_callback`: it hears
 * `0` as the task starts, `1`, `2`, ... every `period` milliseconds while it
 * runs, then `true` with the result or `false` with the reason. Here each
 * call raises a notification and writes a line in the log.
 *
 * The code: `stories/recipes/MonitoringStatus.tsx`.
 */
export function MonitoringStatus(props: { limit: number; period: number }) {
  const { toasts, toast } = useToasts()
  const [log, setLog] = useState<string[]>([])
  const logList = useRef<HTMLOListElement>(null)

  // Keep the newest call in view.
  useEffect(() => {
    const list = logList.current
    if (list) list.scrollTop = list.scrollHeight
  }, [log])

  const primes = useLongCallback(countPrimes, {
    period: props.period,
    onStatus(status, result, info) {
      setLog((lines) => [...lines, describeCall(status, result, info)])
      if (status === 0) toast('Counting started.')
      else if (typeof status === 'number') {
        toast(`Still counting: ${percent(info)} done after ${status} periods.`)
      } else if (status) {
        toast(`Found ${formatInt(result ?? 0)} primes.`, 'success')
      } else toast(`Failed: ${info.error?.message ?? info.reason}`, 'error')
    },
  })

  const start = (limit: number) => {
    setLog([])
    primes.invoke(limit)
  }

  return (
    <Page
      title="Monitoring the status"
      lead={`The handler is called as the task starts, every ${props.period} ms
        while it runs, and once when it ends.`}
    >
      <div className="lc-grid">
        <Card title="Prime count" status={primes.status}>
          <div className="lc-row">
            <Button
              variant="primary"
              onClick={() => start(props.limit)}
              disabled={primes.isRunning}
            >
              Count primes
            </Button>
            <Button onClick={() => start(-1)} disabled={primes.isRunning}>
              Count with a bad limit
            </Button>
          </div>
          <Note>
            Below {formatInt(props.limit)}. The bad limit makes the worker
            throw, so the handler hears <code>false</code>.
          </Note>
        </Card>
        <Card title="Handler calls">
          {log.length === 0 && <Note>No call yet.</Note>}
          <ol ref={logList} className="lc-log" aria-label="Handler calls">
            {log.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ol>
        </Card>
      </div>
      <ToastArea toasts={toasts} />
    </Page>
  )
}

function describeCall(
  status: boolean | number,
  result: number | undefined,
  info: StatusInfo,
): string {
  const when = formatMs(info.elapsedMs)
  if (status === true) return `onStatus(true, ${result}) at ${when}`
  if (status === false) {
    const error = info.error ? ` ${info.error.name}` : ''
    return `onStatus(false) at ${when}: ${info.reason}${error}`
  }
  return `onStatus(${status}) at ${when}, ${percent(info)} done`
}

function percent(info: StatusInfo): string {
  return `${Math.round((info.progress ?? 0) * 100)}%`
}
