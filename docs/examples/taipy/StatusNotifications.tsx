import { useLongCallback, type StatusHandler } from 'react-long-callback'
import { estimatePi } from './heavy'
import { notify } from './notify'

const heavyFunctionStatus: StatusHandler<number> = (status, _result, info) => {
  if (status === true) notify('success', 'The heavy function has finished!')
  if (status === false) notify('error', `It failed: ${info.error?.message}`)
}

export function StatusNotifications() {
  const pi = useLongCallback(estimatePi, { onStatus: heavyFunctionStatus })
  return <button onClick={() => pi.invoke(50_000_000)}>Estimate π</button>
}
