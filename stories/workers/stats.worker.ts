import { defineTasks } from '../../src/worker.ts'
import { normalFrom, seededRandom } from './random.ts'

export interface SampleRequest {
  /** How many values to draw. */
  size: number
  /** Seed of the generator: the same seed gives the same sample. */
  seed: number
}

export interface SampleSummary {
  size: number
  mean: number
  sd: number
  min: number
  max: number
  /** The 5th, 50th and 95th percentiles. */
  p5: number
  median: number
  p95: number
  /** Counts per bin of width 0.5 over [-4, 4). */
  histogram: number[]
  ms: number
}

const BINS = 16
const LOW = -4
const WIDTH = 0.5

export const tasks = defineTasks({
  async summarizeSample({ size, seed }: SampleRequest, ctx) {
    const started = performance.now()
    const draw = normalFrom(seededRandom(seed))
    const values = new Float64Array(size)
    const histogram: number[] = new Array<number>(BINS).fill(0)
    let sum = 0
    for (let i = 0; i < size; i++) {
      const x = draw()
      values[i] = x
      sum += x
      const bin = Math.floor((x - LOW) / WIDTH)
      if (bin >= 0 && bin < BINS) histogram[bin] = (histogram[bin] ?? 0) + 1
      if (i % 100_000 === 0) {
        ctx.progress((0.7 * i) / size, 'drawing')
        await ctx.checkpoint()
      }
    }
    const mean = sum / size
    let squares = 0
    for (let i = 0; i < size; i++) squares += ((values[i] ?? 0) - mean) ** 2
    ctx.progress(0.8, 'sorting')
    await ctx.checkpoint()
    values.sort()
    const at = (q: number) =>
      values[Math.min(size - 1, Math.max(0, Math.floor(q * size)))] ?? NaN
    const summary: SampleSummary = {
      size,
      mean,
      sd: Math.sqrt(squares / (size - 1)),
      min: at(0),
      max: at(1),
      p5: at(0.05),
      median: at(0.5),
      p95: at(0.95),
      histogram,
      ms: performance.now() - started,
    }
    return summary
  },
})

export type StatsTasks = typeof tasks
