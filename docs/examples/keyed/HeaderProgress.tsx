// HeaderProgress.tsx
import { useLongCallbackState } from 'react-long-callback'

export function HeaderProgress() {
  // Re-renders only when the status changes, not on every progress report.
  const status = useLongCallbackState('export', (run) => run.status)
  if (status !== 'queued' && status !== 'running') return null
  return <span role="status">Exporting…</span>
}
