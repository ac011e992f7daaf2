import { afterEach, describe, expect, it, vi } from 'vitest'
import { onAbort } from '../../src/core/onAbort.ts'
import { defineLongTask } from '../../src/index.ts'

function countListeners(signal: AbortSignal) {
  let live = 0
  const add = signal.addEventListener.bind(signal)
  const remove = signal.removeEventListener.bind(signal)
  vi.spyOn(signal, 'addEventListener').mockImplementation((...args) => {
    live++
    add(...args)
  })
  vi.spyOn(signal, 'removeEventListener').mockImplementation((...args) => {
    live--
    remove(...args)
  })
  return () => live
}

describe('onAbort', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('puts one listener on a signal however many callbacks wait on it', () => {
    const controller = new AbortController()
    const live = countListeners(controller.signal)
    const heard: number[] = []
    for (let i = 0; i < 100; i++)
      onAbort(controller.signal, () => heard.push(i))
    expect(live()).toBe(1)

    controller.abort()
    expect(heard).toEqual([...Array(100).keys()])
  })

  it('removes its listener once the last callback is removed', () => {
    // A signal that outlives many runs, one after another.
    const controller = new AbortController()
    const live = countListeners(controller.signal)
    const heard: string[] = []
    const stopA = onAbort(controller.signal, () => heard.push('a'))
    const stopB = onAbort(controller.signal, () => heard.push('b'))
    stopA()
    stopA()
    expect(live()).toBe(1)
    stopB()
    expect(live()).toBe(0)

    onAbort(controller.signal, () => heard.push('c'))
    controller.abort()
    expect(heard).toEqual(['c'])
  })

  it('still calls the other callbacks when one throws, and reports the error', () => {
    const reported: unknown[] = []
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
    const controller = new AbortController()
    const heard: string[] = []
    const boom = new Error('boom')
    onAbort(controller.signal, () => heard.push('first'))
    onAbort(controller.signal, () => {
      throw boom
    })
    onAbort(controller.signal, () => heard.push('last'))

    controller.abort()
    expect(heard).toEqual(['first', 'last'])
    expect(reported).toEqual([boom])
    vi.unstubAllGlobals()
  })

  it('lets one signal cancel a thousand page runs in order, through one listener', async () => {
    const task = defineLongTask(
      (_input: number, ctx) =>
        new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)),
    )
    const controller = new AbortController()
    const live = countListeners(controller.signal)
    const order: number[] = []
    const runs = Array.from({ length: 1000 }, (_, i) =>
      task.run(i, { signal: controller.signal }).catch((error: Error) => {
        order.push(i)
        return error.name
      }),
    )
    expect(live()).toBe(1)

    controller.abort()
    const names = await Promise.all(runs)
    expect(new Set(names)).toEqual(new Set(['AbortError']))
    expect(order).toEqual([...Array(1000).keys()])
  })
})
