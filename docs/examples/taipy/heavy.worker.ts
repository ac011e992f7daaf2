// heavy.worker.ts: the heavy function, moved into a worker module
import { defineTasks } from 'react-long-callback/worker'

export const tasks = defineTasks({
  // Estimates π from random points in a square: CPU-bound, like the
  // functions Taipy apps hand to invoke_long_callback.
  async estimatePi(samples: number, ctx) {
    let inside = 0
    for (let i = 1; i <= samples; i++) {
      const x = Math.random()
      const y = Math.random()
      if (x * x + y * y <= 1) inside++
      if (i % 1_000_000 === 0) {
        ctx.progress(i / samples)
        await ctx.checkpoint()
      }
    }
    return (4 * inside) / samples
  },
})
export type Tasks = typeof tasks
