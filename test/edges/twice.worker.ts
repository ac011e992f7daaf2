// Calls defineTasks twice: a mistake that must fail clearly.
import { defineTasks } from '../../src/worker.ts'

export const tasks = defineTasks({ one: () => 1 })
export const again = defineTasks({ two: () => 2 })

export type TwiceTasks = typeof tasks
