import { createContext, useContext, useState } from 'react'
import type { ReactNode } from 'react'
import { createLongCallbackStore, getDefaultStore } from '../core/store.ts'
import type { LongCallbackStore } from '../core/types.ts'
import { checkStore } from '../core/validate.ts'

const StoreContext = createContext<LongCallbackStore | null>(null)

/** Props of {@link LongCallbackProvider}. */
export interface LongCallbackProviderProps {
  /**
   * The store the hooks below use. Default: a new store made once for this
   * provider, which suits a test or a server request that must not share
   * state with others.
   */
  store?: LongCallbackStore | undefined
  children?: ReactNode
}

/**
 * Gives the hooks below it a store of their own instead of the default one:
 * for tests, for several apps on one page, and for server rendering, where
 * each request needs its own.
 */
export function LongCallbackProvider({
  store,
  children,
}: LongCallbackProviderProps) {
  checkStore('LongCallbackProvider', store)
  // Made once; a store given later in props takes precedence.
  const [ownStore] = useState(() => store ?? createLongCallbackStore())
  return (
    <StoreContext.Provider value={store ?? ownStore}>
      {children}
    </StoreContext.Provider>
  )
}

/**
 * The store for a hook: the one given in its options, else the nearest
 * provider's, else the default store.
 */
export function useContextStore(
  store?: LongCallbackStore | undefined,
): LongCallbackStore {
  const fromContext = useContext(StoreContext)
  return store ?? fromContext ?? getDefaultStore()
}
