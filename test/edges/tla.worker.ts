// Calls defineTasks after a top-level await.
import { defineTasks } from '../../src/worker.ts'

const factor = await new Promise<number>((resolve) =>
  setTimeout(() => resolve(3), 50),
)

export const tasks = defineTasks({ triple: (n: number) => n * factor })

export type TlaTasks = typeof tasks
