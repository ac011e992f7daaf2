import { useLongCallback } from 'react-long-callback'
import { estimatePi } from './heavy'
import { notify } from './notify'

export function Background() {
  const pi = useLongCallback(estimatePi)
  const onAction = () => {
    notify('info', 'Heavy function started')
    pi.invoke(50_000_000)
  }
  return <button onClick={onAction}>Estimate π</button>
}
