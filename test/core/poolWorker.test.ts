// The page's side of one worker when a message from it cannot be read: the
// task may still be running, so the worker must not be handed another run
// until the task has stopped or been killed. A browser gives no way to make
// a dedicated worker's message unreadable on purpose, so the worker here is
// an event target that records what the page posts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DataCloneError } from '../../src/core/errors.ts'
import { PoolWorker, type Job } from '../../src/core/poolWorker.ts'

class FakeWorker extends EventTarget {
  posted: unknown[] = []
  terminated = false
  postMessage(message: unknown) {
    this.posted.push(message)
  }
  terminate() {
    this.terminated = true
  }
  reply(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }))
  }
}

function setup() {
  const fake = new FakeWorker()
  const events = { onFree: vi.fn(), onExit: vi.fn() }
  const worker = new PoolWorker(fake as unknown as Worker, events, 'test', {
    startTimeoutMs: 10_000,
    killAfterMs: 50,
  })
  fake.reply({ rlc: 'ready' })
  const reject = vi.fn()
  const job: Job = {
    task: 'scan',
    input: 1,
    hooks: { signal: new AbortController().signal },
    worker: undefined,
    wireId: 1,
    settled: false,
    resolve: vi.fn(),
    reject,
  }
  worker.start(job)
  fake.dispatchEvent(new Event('messageerror'))
  return { fake, events, worker, reject }
}

describe('PoolWorker after a message it cannot read', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('fails the run and stays busy until the task says it has stopped', () => {
    const { fake, events, worker, reject } = setup()
    expect(reject).toHaveBeenCalledWith(expect.any(DataCloneError))
    expect(reject.mock.calls[0]?.[0].message).toBe(
      'Task "scan" sent a message that could not be read on the page.',
    )
    expect(fake.posted.at(-1)).toMatchObject({ rlc: 'cancel', id: 1 })
    expect(worker.busy).toBe(true)
    expect(events.onFree).not.toHaveBeenCalled()

    fake.reply({ rlc: 'fail', id: 1, error: { name: 'AbortError' } })
    expect(worker.busy).toBe(false)
    expect(events.onFree).toHaveBeenCalledTimes(1)
    expect(fake.terminated).toBe(false)
  })

  it('terminates the worker after killAfterMs if the task does not stop', () => {
    const { fake, events } = setup()
    vi.advanceTimersByTime(49)
    expect(fake.terminated).toBe(false)
    vi.advanceTimersByTime(1)
    expect(fake.terminated).toBe(true)
    expect(events.onExit).toHaveBeenCalledTimes(1)
  })
})
