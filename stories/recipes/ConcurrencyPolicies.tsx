import { useRef, useState } from 'react'
import { AbortError, useLongCallback } from '../../src/index.ts'
import { Button, Card, Note, Page, formatInt } from '../ui/components.tsx'
import { countLabelled } from '../workers/pools.ts'

type Policy = 'replace' | 'drop' | 'queue' | 'keepLatest'

const POLICIES: Array<{ policy: Policy; says: string }> = [
  { policy: 'replace', says: 'A new call cancels the run going.' },
  { policy: 'drop', says: 'A new call is ignored while a run goes.' },
  { policy: 'queue', says: 'Every call runs, one after the other.' },
  {
    policy: 'keepLatest',
    says: 'The run going finishes, then only the newest call runs.',
  },
]

interface Call {
  label: string
  outcome: 'waiting' | 'done' | 'cancelled' | 'error'
  text: string
}

/**
 * `concurrency` says what `invoke` does while a run is going. Click a
 * panel's button several times quickly: each call is logged with what
 * became of it. (`'parallel'`, the fifth policy, runs them all at once.)
 *
 * The code: `stories/recipes/ConcurrencyPolicies.tsx`.
 */
export function ConcurrencyPolicies({ limit }: { limit: number }) {
  return (
    <Page
      title="Concurrency policies"
      lead={`Each click counts the primes below ${formatInt(limit)} in a
        worker. Click a button three times quickly.`}
    >
      <div className="lc-grid">
        {POLICIES.map(({ policy, says }) => (
          <PolicyPanel key={policy} policy={policy} says={says} limit={limit} />
        ))}
      </div>
    </Page>
  )
}

function PolicyPanel(props: { policy: Policy; says: string; limit: number }) {
  const primes = useLongCallback(countLabelled, { concurrency: props.policy })
  const [calls, setCalls] = useState<Call[]>([])
  const count = useRef(0)

  const click = () => {
    const label = `#${++count.current}`
    const settle = (outcome: Call['outcome'], text: string) =>
      setCalls((all) =>
        all.map((c) => (c.label === label ? { label, outcome, text } : c)),
      )
    setCalls((all) => [...all, { label, outcome: 'waiting', text: '…' }])
    primes.invokeAsync({ label, limit: props.limit }).then(
      (result) => settle('done', `${formatInt(result.found)} primes`),
      (error: Error) =>
        error instanceof AbortError
          ? settle('cancelled', `cancelled (${shortReason(error.reason)})`)
          : settle('error', `${error.name}: ${error.message}`),
    )
  }

  return (
    <Card
      title={props.policy}
      status={primes.status}
      label={`Policy ${props.policy}`}
    >
      <Note>{props.says}</Note>
      <Button variant="primary" onClick={click}>
        Run ({props.policy})
      </Button>
      <p>
        Shown:{' '}
        <strong data-testid="shown">{primes.result?.label ?? '–'}</strong>
      </p>
      <ol className="lc-log" aria-label={`Calls with ${props.policy}`}>
        {calls.map((call) => (
          <li key={call.label} data-outcome={call.outcome}>
            {call.label} {call.text}
          </li>
        ))}
      </ol>
    </Card>
  )
}

// "dropped, a run is going (concurrency "drop")" reads "dropped" in a log.
function shortReason(reason: unknown): string {
  return String(reason).split(/[,(]/)[0]?.trim() ?? ''
}
