import { invokeLongCallback } from 'react-long-callback'
import { estimatePi } from './heavy'
import { notify } from './notify'

// The same call without React: one run, one status handler.
export function onAction(): () => void {
  const run = invokeLongCallback(estimatePi, 50_000_000, {
    period: 5000,
    onStatus(status, result, info) {
      if (status === true) notify('success', `π ≈ ${result}`)
      else if (status === false) notify('error', String(info.error))
      else notify('info', `${status} periods, ${info.elapsedMs} ms`)
    },
  })
  return () => run.cancel()
}
