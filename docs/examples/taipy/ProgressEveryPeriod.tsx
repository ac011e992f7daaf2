import { useLongCallback } from 'react-long-callback'
import { estimatePi } from './heavy'
import { notify } from './notify'

export function ProgressEveryPeriod() {
  const pi = useLongCallback(estimatePi, {
    period: 5000,
    onStatus(status, result) {
      if (status === true) notify('success', `π ≈ ${result}`)
      else if (status === false) notify('error', 'The estimate failed')
      else if (status > 0) notify('info', `Still running (${status * 5} s)`)
    },
  })
  return (
    <>
      <button onClick={() => pi.invoke(500_000_000)}>Estimate π</button>
      {pi.isRunning && <progress value={pi.progress ?? undefined} />}
    </>
  )
}
