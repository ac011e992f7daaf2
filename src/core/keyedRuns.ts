import type { LongCallbackStore } from './types.ts'

/** The keyed run in flight under a key, as every owner of that key sees it. */
export interface KeyedRun {
  readonly id: string
  cancel(reason?: unknown): void
  /** Settles once the run has ended. */
  readonly done: Promise<void>
}

// Keyed by store, since each store has its own keys. Whoever started the run
// (a component, another component, a plain invokeLongCallback call) records
// it here, so that any owner of the key can apply its concurrency policy to
// it or cancel it.
const inFlight = new WeakMap<LongCallbackStore, Map<string, KeyedRun>>()

/** The run going under `key` in `store`, if any. */
export function keyedRunOf(
  store: LongCallbackStore,
  key: string,
): KeyedRun | undefined {
  return inFlight.get(store)?.get(key)
}

/**
 * Records a run as the one going under `key`, taking over from any earlier
 * one. Returns the function that marks its end, which the run must call
 * before it reports that end to anyone.
 */
export function trackKeyedRun(
  store: LongCallbackStore,
  key: string,
  id: string,
  cancel: (reason?: unknown) => void,
): () => void {
  let runs = inFlight.get(store)
  if (!runs) {
    runs = new Map()
    inFlight.set(store, runs)
  }
  let markDone!: () => void
  const done = new Promise<void>((resolve) => {
    markDone = resolve
  })
  const run: KeyedRun = { id, cancel, done }
  runs.set(key, run)
  return () => {
    if (runs.get(key) === run) runs.delete(key)
    markDone()
  }
}
