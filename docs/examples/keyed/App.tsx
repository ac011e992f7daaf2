// App.tsx
import { LongCallbackProvider } from 'react-long-callback'
import { ExportButton } from './ExportButton'
import { HeaderProgress } from './HeaderProgress'
import { store } from './outsideReact'

export function App() {
  return (
    <LongCallbackProvider store={store}>
      <header>
        <HeaderProgress />
      </header>
      <ExportButton month="2026-11" />
    </LongCallbackProvider>
  )
}
