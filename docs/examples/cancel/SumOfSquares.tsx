// SumOfSquares.tsx
import { useLongCallback } from 'react-long-callback'
import { sumOfSquares } from './stoppable'

export function SumOfSquares() {
  const sum = useLongCallback(sumOfSquares, { timeoutMs: 10_000 })
  return (
    <>
      <button onClick={() => sum.invoke(1e10)}>Start</button>
      <button onClick={sum.cancel} disabled={!sum.isRunning}>
        Cancel
      </button>
      <button onClick={sum.reset}>Reset</button>
      <p>
        {sum.status === 'cancelled' && 'Cancelled.'}
        {sum.error?.name === 'TimeoutError' && 'Gave up after 10 s.'}
        {sum.status === 'success' && `Sum: ${sum.result}`}
      </p>
    </>
  )
}
