// stoppable.worker.ts
import { defineTasks } from 'react-long-callback/worker'

export const tasks = defineTasks({
  // A synchronous loop hears a cancel only when it yields: checkpoint()
  // yields, then throws if the run was cancelled.
  async sumOfSquares(n: number, ctx) {
    let sum = 0
    for (let i = 0; i < n; i++) {
      sum += i * i
      if (i % 100_000 === 0) await ctx.checkpoint()
    }
    return sum
  },

  // Whatever takes a signal stops with the run.
  async download(url: string, ctx) {
    const response = await fetch(url, { signal: ctx.signal })
    return response.arrayBuffer()
  },

  // Never yields: a cancel cannot reach it, so its worker is terminated
  // killAfterMs after the cancel, and the pool starts a fresh one.
  spin(ms: number) {
    const end = Date.now() + ms
    let turns = 0
    while (Date.now() < end) turns++
    return turns
  },
})
export type Tasks = typeof tasks
