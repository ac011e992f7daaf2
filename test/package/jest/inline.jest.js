/* global AbortSignal, document */
// A component test as a Jest user writes it, against the installed tarball:
// Jest 29's jsdom environment, which has no structuredClone, no
// AbortSignal.any and no signal.throwIfAborted. Babel turns these imports
// into require calls, which resolve through the package's "default" export.
import { describe, expect, it } from '@jest/globals'
import { act, createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import {
  invokeLongCallback,
  LongCallbackProvider,
  useLongCallback,
} from 'react-long-callback'
import { createInlinePool } from 'react-long-callback/testing'
import { defineTasks } from 'react-long-callback/worker'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

const signals = { started: deferred(), stopped: deferred() }

const tasks = defineTasks({
  async steps(count, ctx) {
    for (let i = 1; i <= count; i++) {
      ctx.progress(i / count, `step ${i}`)
      await ctx.checkpoint()
    }
    return count * 2
  },
  async spin(_input, ctx) {
    signals.started.resolve()
    try {
      for (;;) await ctx.checkpoint()
    } catch (error) {
      signals.stopped.resolve(error)
      throw error
    }
  },
})
const pool = createInlinePool(tasks)

function deferred() {
  let resolve
  const promise = new Promise((done) => {
    resolve = done
  })
  return { promise, resolve }
}

describe('react-long-callback in Jest', () => {
  it('runs where the platform lacks newer features', () => {
    expect(typeof structuredClone).toBe('undefined')
    expect(typeof AbortSignal.any).toBe('undefined')
  })

  it('shows the result of a run in a component', async () => {
    let steps
    function Doubler() {
      steps = useLongCallback(pool.task('steps'))
      const { status, result, progress } = steps
      return h('p', null, `${status} ${result ?? '-'} ${progress ?? '-'}`)
    }
    const container = document.createElement('div')
    const root = createRoot(container)
    await act(async () => {
      root.render(h(LongCallbackProvider, null, h(Doubler)))
    })
    await act(() => steps.invokeAsync(3))
    expect(container.textContent).toBe('success 6 1')
    await act(async () => root.unmount())
  })

  it('stops a task at its checkpoint on cancel', async () => {
    const run = invokeLongCallback(pool.task('spin'), undefined)
    await signals.started.promise
    run.cancel('enough')
    await expect(run.promise).rejects.toMatchObject({
      name: 'AbortError',
      reason: 'enough',
    })
    await expect(signals.stopped.promise).resolves.toMatchObject({
      reason: 'enough',
    })
  })
})
