import { act, cleanup } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  invokeLongCallback,
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
  type LongCallbackStore,
} from '../../src/index.ts'
import { sleepy } from './helpers.tsx'

function Page({ store }: { store: LongCallbackStore }) {
  return (
    <LongCallbackProvider store={store}>
      <Job />
      <Reader />
    </LongCallbackProvider>
  )
}

function Job() {
  const job = useLongCallback(sleepy, { key: 'shared' })
  return <p id="job">{job.status}</p>
}

function Reader() {
  return <p id="reader">{useLongCallbackState('shared', (s) => s.status)}</p>
}

describe('hydration', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('hydrates from idle, then shows a run the client store holds', async () => {
    const html = renderToString(<Page store={createLongCallbackStore()} />)
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)

    const clientStore = createLongCallbackStore()
    const errors = vi.spyOn(console, 'error')
    const recoverable = vi.fn()
    const run = invokeLongCallback(sleepy, 100, {
      key: 'shared',
      store: clientStore,
    })
    let root!: ReturnType<typeof hydrateRoot>
    await act(async () => {
      root = hydrateRoot(container, <Page store={clientStore} />, {
        onRecoverableError: recoverable,
      })
    })
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    expect(container.querySelector('#job')?.textContent).toBe('running')
    expect(container.querySelector('#reader')?.textContent).toBe('running')

    await act(() => vi.advanceTimersByTimeAsync(100))
    await run.promise
    expect(container.querySelector('#reader')?.textContent).toBe('success')
    act(() => root.unmount())
    container.remove()
  })
})
