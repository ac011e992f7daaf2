import { defineTasks, transfer } from '../../../src/worker.ts'
import { flood, spin } from '../work.ts'

export const tasks = defineTasks({
  noop(): void {},
  spin(ms: number): number {
    return spin(ms)
  },
  echo(input: { buffer: ArrayBuffer; move: boolean }): ArrayBuffer {
    const { buffer, move } = input
    return move ? transfer(buffer, [buffer]) : buffer
  },
  flood(count: number, ctx): number {
    return flood(count, (value) => ctx.progress(value))
  },
})

export type Tasks = typeof tasks
