// outsideReact.ts
import {
  createLongCallbackStore,
  invokeLongCallback,
} from 'react-long-callback'
import { exportReport } from './exportTask'

export const store = createLongCallbackStore()

// A plain zustand store: subscribe, getState, devtools all work.
store.subscribe((state, previous) => {
  const run = state.runs['export']
  if (run !== previous.runs['export'] && run?.status === 'success') {
    window.open(run.result as string)
  }
})

export function exportFromMenu(month: string) {
  invokeLongCallback(exportReport, month, { key: 'export', store })
}
