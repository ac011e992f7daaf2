// app/Providers.tsx
'use client'

import { LongCallbackProvider } from 'react-long-callback'
import type { ReactNode } from 'react'

// The provider holds React state, so it lives in a client module. Each
// render of the app on the server gets a store of its own.
export function Providers({ children }: { children: ReactNode }) {
  return <LongCallbackProvider>{children}</LongCallbackProvider>
}
