// Calls defineTasks after an asynchronous setup step, as a worker that must
// first load a WebAssembly module does when its bundle is an IIFE (no
// top-level await).
import { defineTasks } from '../../src/worker.ts'

function setup(): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(2), 50))
}

export const ready = setup().then((factor) =>
  defineTasks({ double: (n: number) => n * factor }),
)

export type DeferredTasks = Awaited<typeof ready>
