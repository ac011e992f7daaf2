// The wire between page and worker: results and partials marked for
// transfer, and thrown values of every shape crossing back as errors.
import { afterEach, describe, expect, it } from 'vitest'
import { invokeLongCallback } from '../../src/index.ts'
import type { WorkerPool } from '../../src/index.ts'
import type { EdgeTasks } from './edges.worker.ts'
import { countedPool, settleWithin } from './helpers.ts'

const pools: Array<WorkerPool<EdgeTasks>> = []
afterEach(() => {
  for (const pool of pools.splice(0)) pool.terminate()
})

function newPool() {
  const counted = countedPool<EdgeTasks>('edges', { size: 1 })
  pools.push(counted.pool)
  return counted
}

// An exception in the pool's message listener surfaces as a page error.
function catchPageErrors() {
  const errors: unknown[] = []
  const onError = (event: ErrorEvent) => {
    errors.push(event.error)
    event.preventDefault()
  }
  window.addEventListener('error', onError)
  return {
    errors,
    stop: () => window.removeEventListener('error', onError),
  }
}

describe('transfer and partial results', () => {
  it('a result marked with transfer() and also shown as a partial arrives whole', async () => {
    const { pool } = newPool()
    const partials: unknown[] = []
    const run = pool.task('previewThenReturn').run(1024, {
      signal: new AbortController().signal,
      onPartial: (data) => partials.push(data),
    })
    const outcome = await settleWithin(run, 5_000)
    expect(partials.length).toBeGreaterThan(0)
    // The message of an unexpected failure, shown first.
    expect(String((outcome as { error?: unknown }).error ?? '')).toBe('')
    expect(outcome).toMatchObject({ state: 'resolved' })
    const { buffer } = (outcome as { value: { buffer: ArrayBuffer } }).value
    expect(buffer.byteLength).toBe(1024)
    expect(new Uint8Array(buffer)[1023]).toBe(7)
  })

  it('a result marked with transfer() keeps its buffer while the task fills it and shows it as a partial', async () => {
    const { pool } = newPool()
    const run = pool.task('fillWhileShowing').run(1024, {
      signal: new AbortController().signal,
    })
    const outcome = await settleWithin(run, 5_000)
    // The message of an unexpected failure, shown first.
    expect(String((outcome as { error?: unknown }).error ?? '')).toBe('')
    expect(outcome).toMatchObject({ state: 'resolved' })
    const { buffer } = (outcome as { value: { buffer: ArrayBuffer } }).value
    expect(new Uint8Array(buffer)).toEqual(new Uint8Array(1024).fill(7))
  })

  it('a partial that shares a buffer with a transferred result gets a copy', async () => {
    const { pool } = newPool()
    const partials: Array<{ preview: ArrayBuffer }> = []
    const result = await pool.task('partialSharesBuffer').run(64, {
      signal: new AbortController().signal,
      onPartial: (data) => partials.push(data as { preview: ArrayBuffer }),
    })
    expect(result.buffer.byteLength).toBe(64)
    expect(new Uint8Array(result.buffer)[63]).toBe(5)
    expect(partials.at(-1)?.preview.byteLength).toBe(64)
  })

  it('a partial marked with transfer() arrives whole', async () => {
    const { pool } = newPool()
    const partials: Array<{ buffer: ArrayBuffer }> = []
    await pool.task('transferredPartial').run(32, {
      signal: new AbortController().signal,
      onPartial: (data) => partials.push(data as { buffer: ArrayBuffer }),
    })
    // Whether a partial's buffer moves or is copied is not in the contract;
    // it must arrive whole either way.
    expect(partials).toHaveLength(1)
    const [first] = partials
    expect(new Uint8Array(first?.buffer ?? new ArrayBuffer(0))[31]).toBe(9)
  })

  it('a task that returns undefined resolves with undefined', async () => {
    const { pool } = newPool()
    const calls: unknown[][] = []
    const run = invokeLongCallback(pool.task('returnsUndefined'), undefined, {
      onStatus: (...args) => calls.push(args.slice(0, 2)),
    })
    await expect(run.promise).resolves.toBeUndefined()
    expect(calls).toEqual([[true, undefined]])
  })
})

describe('errors crossing back to the page', () => {
  it('keeps a cause chain with its classes and a cloneable cause at the bottom', async () => {
    const { pool } = newPool()
    const error = await pool
      .task('throwValue')
      .run('causeChain', { signal: new AbortController().signal })
      .catch((e: unknown) => e as Error)
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe('top')
    const middle = error.cause as Error
    expect(middle).toBeInstanceOf(TypeError)
    expect(middle.message).toBe('middle')
    const bottom = middle.cause as Error
    expect(bottom).toBeInstanceOf(RangeError)
    expect(bottom.cause).toEqual({ deep: 1 })
  })

  it('keeps cloneable custom fields and drops the others', async () => {
    const { pool } = newPool()
    const error = await pool
      .task('throwValue')
      .run('uncloneableField', { signal: new AbortController().signal })
      .catch((e: unknown) => e as Error & Record<string, unknown>)
    expect(error).toMatchObject({
      message: 'with a function',
      code: 'E_CODED',
      status: 503,
    })
    expect(error['callback']).toBeUndefined()
  })

  it.each(['string', 'null', 'bare', 'object', 'aggregate'])(
    'a thrown %s reaches the page as an Error, never hangs',
    async (kind) => {
      const { pool } = newPool()
      const outcome = await settleWithin(
        pool
          .task('throwValue')
          .run(kind, { signal: new AbortController().signal }),
        5_000,
      )
      expect(outcome.state).toBe('rejected')
      expect((outcome as { error: unknown }).error).toBeInstanceOf(Error)
    },
  )

  it('an error named AbortError thrown by the task keeps its cause and fields', async () => {
    const { pool } = newPool()
    const error = await pool
      .task('throwAbortNamed')
      .run(undefined, { signal: new AbortController().signal })
      .catch((e: unknown) => e as Error & Record<string, unknown>)
    expect(error.name).toBe('AbortError')
    expect(error.message).toBe('gave up on my own')
    // "cause where cloneable": an Error cause is.
    expect((error.cause as Error | undefined)?.message).toBe('the network')
    expect(error['code']).toBe('E_CODED')
  })

  it.each([
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__proto__',
    'constructor',
  ])(
    'an error named %s reaches the page with that name, never hangs',
    async (name) => {
      const page = catchPageErrors()
      try {
        const { pool } = newPool()
        const outcome = await settleWithin(
          invokeLongCallback(pool.task('throwNamed'), {
            name,
            message: 'odd name',
          }).promise,
          3_000,
        )
        expect(page.errors).toEqual([])
        expect(outcome.state).toBe('rejected')
        const error = (outcome as { error: Error }).error
        expect(error).toBeInstanceOf(Error)
        expect(error.name).toBe(name)
        expect(error.message).toBe('odd name')
      } finally {
        page.stop()
      }
    },
  )

  it('progress reported before a throw never arrives after the failure', async () => {
    const { pool } = newPool()
    const events: string[] = []
    const run = pool.task('progressThenThrow').run(undefined, {
      signal: new AbortController().signal,
      onProgress: (value) => events.push(`progress ${value}`),
    })
    await run.catch((error: Error) => events.push(`fail ${error.message}`))
    // Let any late report arrive.
    await expect(
      invokeLongCallback(pool.task('echo'), 'flush').promise,
    ).resolves.toBe('flush')
    expect(events.at(-1)).toBe('fail after progress')
  })
})
