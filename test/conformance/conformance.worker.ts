// Tasks for the conformance tests: each probes one statement of API.md
// about the worker side.
import { defineTasks } from '../../src/worker.ts'

function busyFor(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // Holds the thread like CPU-bound work.
  }
}

export const CHANNEL = 'rlc-conformance'

export const tasks = defineTasks({
  echo: <T>(value: T) => value,
  /** Ignores its signal and never settles. */
  never: () => new Promise<never>(() => {}),
  stubborn(ms: number) {
    busyFor(ms)
    return 'finished anyway'
  },
  /** Waits for its signal, and tells the page what the abort reason was. */
  tellAbort(_: undefined, ctx) {
    return new Promise<never>((_resolve, reject) => {
      ctx.signal.addEventListener('abort', () => {
        const reason = ctx.signal.reason as Error
        const channel = new BroadcastChannel(CHANNEL)
        channel.postMessage({ name: reason.name, message: reason.message })
        channel.close()
        reject(reason)
      })
    })
  },
  /** Throws from a timer while the run is going. */
  crashLater() {
    setTimeout(() => {
      throw new Error('boom from a timer')
    })
    return new Promise<never>(() => {})
  },
})

export type ConformanceTasks = typeof tasks
