import type { TaskMap } from '../core/types.ts'
import { serveTasks, type WorkerScope } from './runtime.ts'

let served = false

// A worker drops the messages that arrive while it has no listener. A module
// that awaits something before defineTasks (a WebAssembly module, a
// top-level await) would lose the runs the page hands it meanwhile, so this
// module, evaluated before the code that imports it, keeps them until then.
const early: unknown[] = []
const keepEarly = (event: Event) => early.push((event as MessageEvent).data)
workerScope()?.addEventListener('message', keepEarly)

/**
 * Declares the tasks a worker module offers, and serves them when the module
 * runs in a worker. Returns `tasks` unchanged, so `typeof tasks` types the
 * page side. Outside a worker (a jsdom test importing the module for
 * `createInlinePool`) it installs nothing. Call it once per worker.
 *
 * It may come after an `await` (a WebAssembly module to load first): runs
 * the page hands over meanwhile wait for it, for as long as the pool's
 * `startTimeoutMs` allows.
 */
export function defineTasks<TTasks extends TaskMap>(tasks: TTasks): TTasks {
  checkTasks(tasks)
  const scope = workerScope()
  if (!scope) return tasks
  if (served) {
    throw new Error(
      'defineTasks: called twice in one worker; a worker serves one task map.',
    )
  }
  served = true
  scope.removeEventListener('message', keepEarly)
  serveTasks(scope, tasks, early.splice(0))
  return tasks
}

function checkTasks(tasks: unknown): void {
  const entries = Object.entries(tasks ?? 0)
  const bad = entries.find(([, fn]) => typeof fn !== 'function')
  if (typeof tasks !== 'object' || !tasks || bad) {
    const what = bad ? `task "${bad[0]}"` : 'tasks'
    throw new TypeError(
      `defineTasks: ${what} must be ${bad ? 'a function' : 'an object of task functions'}, received ${typeof (bad ? bad[1] : tasks)}.`,
    )
  }
}

// A dedicated worker's global scope, or undefined on the page, in Node and
// in jsdom.
function workerScope(): (WorkerScope & EventTarget) | undefined {
  const WorkerGlobal = (globalThis as { WorkerGlobalScope?: unknown })
    .WorkerGlobalScope
  if (typeof WorkerGlobal !== 'function') return undefined
  if (!(globalThis instanceof WorkerGlobal)) return undefined
  return globalThis as unknown as WorkerScope & EventTarget
}
