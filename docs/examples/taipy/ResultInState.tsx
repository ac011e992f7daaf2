import { useLongCallback, useLongCallbackState } from 'react-long-callback'
import { estimatePi } from './heavy'

export function ResultInState() {
  // The result is part of the run's state: nothing to copy by hand.
  const pi = useLongCallback(estimatePi, { key: 'pi' })
  return (
    <>
      <button onClick={() => pi.invoke(50_000_000)}>Estimate π</button>
      {pi.status === 'success' && <p>π ≈ {pi.result}</p>}
    </>
  )
}

// Any other component reads the same run by its key.
export function PiInHeader() {
  const result = useLongCallbackState<number, number | undefined>(
    'pi',
    (run) => run.result,
  )
  return <span>{result === undefined ? 'π: not yet' : `π ≈ ${result}`}</span>
}
