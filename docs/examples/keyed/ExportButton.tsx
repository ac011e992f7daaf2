// ExportButton.tsx
import { useLongCallback } from 'react-long-callback'
import { exportReport } from './exportTask'

export function ExportButton({ month }: { month: string }) {
  // Keyed: the run outlives this component (a dialog that closes) and any
  // component can read it under 'export'.
  const run = useLongCallback(exportReport, { key: 'export' })
  return (
    <button onClick={() => run.invoke(month)} disabled={run.isRunning}>
      Export {month}
    </button>
  )
}
