import { useWorker } from '@koale/useworker'
import { useEffect } from 'react'
import { createRoot } from 'react-dom/client'

// useWorker turns one function into a worker made from a blob URL, a new
// worker for every call (its default `autoTerminate`), one call at a time.
// It fits the scenarios that make one call: the cold start and the
// responsiveness run.

// Stringified into the worker, so it must not refer to anything outside.
function spinInWorker(ms: number): number {
  const end = performance.now() + ms
  let turns = 0
  while (performance.now() < end) turns++
  return turns
}

function nothing(): number {
  return 0
}

export interface UseWorkerHandle {
  noop(): Promise<unknown>
  spin(ms: number): Promise<unknown>
  close(): void
}

type Run = (ms: number) => Promise<number>

function Host(props: { onReady: (noop: Run, spin: Run) => void }) {
  const [noop] = useWorker(nothing)
  const [spin] = useWorker(spinInWorker)
  const { onReady } = props
  useEffect(() => onReady(noop, spin), [onReady, noop, spin])
  return null
}

/** Mounts a component that holds two useWorker hooks and hands them out. */
export function openUseWorker(): Promise<UseWorkerHandle> {
  const element = document.createElement('div')
  document.body.append(element)
  const root = createRoot(element)
  const close = () => {
    root.unmount()
    element.remove()
  }
  return new Promise((resolve) => {
    const onReady = (noop: Run, spin: Run) =>
      resolve({ noop: () => noop(0), spin, close })
    root.render(<Host onReady={onReady} />)
  })
}
