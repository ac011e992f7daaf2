// @vitest-environment node
import { useEffect } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import {
  createLongCallbackStore,
  defineLongTask,
  invokeLongCallback,
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
} from '../../src/index.ts'

describe('server rendering', () => {
  it('renders idle states and starts nothing', () => {
    const work = vi.fn(async (n: number) => n)
    const task = defineLongTask(work, 'work')
    const store = createLongCallbackStore()
    // A keyed run already going in the store: the server still shows idle.
    const going = invokeLongCallback(
      defineLongTask(() => new Promise<never>(() => {})),
      undefined,
      { key: 'shared', store },
    )
    function Page() {
      const job = useLongCallback(task, { key: 'shared', period: 10 })
      const shared = useLongCallbackState('shared', (s) => s.status)
      const { invoke } = job
      useEffect(() => invoke(1), [invoke])
      return (
        <p>
          {job.status}/{String(job.isRunning)}/{shared}
        </p>
      )
    }
    const errors = vi.spyOn(console, 'error')
    const html = renderToString(
      <LongCallbackProvider store={store}>
        <Page />
      </LongCallbackProvider>,
    )
    expect(html).toBe('<p>idle<!-- -->/<!-- -->false<!-- -->/<!-- -->idle</p>')
    expect(work).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    going.cancel()
  })

  it('gives each provider without a store a store of its own', () => {
    function Reader() {
      return <i>{useLongCallbackState('k', (s) => s.status)}</i>
    }
    const html = renderToString(
      <LongCallbackProvider>
        <Reader />
      </LongCallbackProvider>,
    )
    expect(html).toBe('<i>idle</i>')
  })
})
