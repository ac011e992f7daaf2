// The worker runtime against a scope that records what it posts: the
// page's half of each exchange is played by hand. The real thread is tested
// in test/engine; these are the replies the page relies on to never wait
// forever.
import { describe, expect, it } from 'vitest'
import type { WorkerMessage } from '../../src/core/protocol.ts'
import { serveTasks, type WorkerScope } from '../../src/worker/runtime.ts'

function serve(tasks: Record<string, (input: unknown) => unknown>) {
  const posted: WorkerMessage[] = []
  const listeners = new Map<string, (event: Event) => void>()
  const scope: WorkerScope = {
    postMessage: (message) => posted.push(message as WorkerMessage),
    addEventListener: (type, listener) => listeners.set(type, listener),
    close() {},
  }
  serveTasks(scope, tasks)
  const send = (data: unknown) =>
    listeners.get('message')?.(new MessageEvent('message', { data }))
  const fire = (type: string) => listeners.get(type)?.(new Event(type))
  const ended = () =>
    new Promise<WorkerMessage>((resolve) => {
      const look = () => {
        const end = posted.find((m) => m.rlc === 'done' || m.rlc === 'fail')
        if (end) resolve(end)
        else setTimeout(look, 0)
      }
      look()
    })
  return { posted, send, fire, ended }
}

const reason = { name: 'AbortError', message: 'stop', stack: undefined }

describe('worker runtime', () => {
  it('serves only the own tasks of the module', async () => {
    const worker = serve({ echo: (input) => input })
    worker.send({ rlc: 'run', id: 1, task: 'toString', input: null })
    expect(await worker.ended()).toMatchObject({
      rlc: 'fail',
      id: 1,
      error: { name: 'UnknownTaskError' },
    })
  })

  it('reports the end of a task that throws a value with no string form', async () => {
    const worker = serve({
      fail() {
        throw Object.create(null)
      },
    })
    worker.send({ rlc: 'run', id: 2, task: 'fail', input: null })
    expect(await worker.ended()).toMatchObject({
      rlc: 'fail',
      id: 2,
      error: { message: 'Task failed with a non-Error value: [object Object]' },
    })
  })

  it('answers a cancel for a run that has already ended', () => {
    const worker = serve({})
    worker.send({ rlc: 'cancel', id: 7, reason })
    expect(worker.posted.at(-1)).toEqual({ rlc: 'fail', id: 7, error: reason })
  })

  it('reports a message it cannot read as a crash, so its run fails', () => {
    const worker = serve({})
    worker.fire('messageerror')
    expect(worker.posted.at(-1)).toMatchObject({
      rlc: 'crash',
      error: { message: 'The worker could not read a message from the page.' },
    })
  })
})
