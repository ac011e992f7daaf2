import type { LongTask, RunHooks } from '../../src/index.ts'

/** A LongTask that stays queued until `start()`, then ends on `finish()`. */
export function gatedTask() {
  let hooks: RunHooks | undefined
  let resolve!: (value: string) => void
  const task: LongTask<undefined, string> = {
    name: 'gated',
    run(_input, given) {
      hooks = given
      return new Promise<string>((done, fail) => {
        resolve = done
        given.signal.addEventListener('abort', () => fail(given.signal.reason))
      })
    },
  }
  return {
    task,
    start: () => hooks?.onStart?.(),
    finish: (value: string) => resolve(value),
  }
}
