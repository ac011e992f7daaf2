import { describe, expect, it } from 'vitest'
import { deserializeError, serializeError } from '../../src/core/errorWire.ts'
import {
  AbortError,
  TimeoutError,
  toAbortError,
  WorkerCrashError,
} from '../../src/core/errors.ts'

const roundTrip = (thrown: unknown) =>
  deserializeError(structuredClone(serializeError(thrown)))

describe('error serialization', () => {
  it('rebuilds built-in and library classes so instanceof works', () => {
    expect(roundTrip(new RangeError('out'))).toBeInstanceOf(RangeError)
    expect(roundTrip(new TimeoutError('late'))).toBeInstanceOf(TimeoutError)
    expect(roundTrip(new WorkerCrashError('dead'))).toBeInstanceOf(
      WorkerCrashError,
    )
  })

  it('keeps name, message, stack, cause chains and cloneable fields', () => {
    class QuotaError extends Error {
      override name = 'QuotaError'
      limit = 5
      callback = () => 1
    }
    const inner = new TypeError('inner')
    const error = new QuotaError('over quota', { cause: inner })
    const copy = roundTrip(error)

    expect(copy).toMatchObject({ name: 'QuotaError', message: 'over quota' })
    expect(copy.stack).toBe(error.stack)
    expect(copy.cause).toBeInstanceOf(TypeError)
    expect((copy as unknown as { limit: number }).limit).toBe(5)
    expect(copy).not.toHaveProperty('callback')
  })

  it('keeps a plain cloneable cause and drops one that cannot be cloned', () => {
    expect(roundTrip(new Error('a', { cause: { id: 7 } })).cause).toEqual({
      id: 7,
    })
    expect(roundTrip(new Error('b', { cause: () => 1 })).cause).toBeUndefined()
  })

  it('turns a thrown non-Error into an Error with its text, and the value as cause', () => {
    expect(roundTrip('plain string')).toMatchObject({
      name: 'Error',
      message: 'Task failed with a non-Error value: plain string',
      cause: 'plain string',
    })
    expect(roundTrip({ code: 42 }).cause).toEqual({ code: 42 })
  })

  it('describes a thrown value that has no string form', () => {
    const throwing = {
      toString() {
        throw new Error('no text')
      },
    }
    const text = 'Task failed with a non-Error value: [object Object]'
    expect(roundTrip(Object.create(null))).toMatchObject({ message: text })
    expect(roundTrip(throwing).message).toBe(text)
  })

  it('keeps the reason of an AbortError across the thread', () => {
    const copy = roundTrip(new AbortError('user left'))
    expect(copy).toBeInstanceOf(AbortError)
    expect((copy as AbortError).reason).toBe('user left')
  })

  it('keeps the cause and fields of an error a task names AbortError', () => {
    const thrown = Object.assign(new Error('stopped', { cause: { at: 3 } }), {
      name: 'AbortError',
      code: 'E_STOP',
    })
    expect(roundTrip(thrown)).toMatchObject({
      name: 'AbortError',
      message: 'stopped',
      cause: { at: 3 },
      code: 'E_STOP',
    })
  })

  it.each(['toString', 'valueOf', 'constructor', '__proto__'])(
    'rebuilds an error named %s as a plain Error with that name',
    (name) => {
      const copy = roundTrip(Object.assign(new Error('odd'), { name }))
      expect(copy).toBeInstanceOf(Error)
      expect(copy).toMatchObject({ name, message: 'odd' })
    },
  )

  it('turns an error record it cannot read into an Error that says so', () => {
    const bad = { name: 'Error', message: 'x', stack: undefined, cause: 5 }
    expect(deserializeError(bad as never).message).toMatch(
      /^The worker reported an error the page could not read/,
    )
  })
})

describe('toAbortError', () => {
  it('wraps a reason, and passes timeouts and abort errors through', () => {
    expect(toAbortError('why')).toMatchObject({
      name: 'AbortError',
      reason: 'why',
    })
    const timeout = new TimeoutError('t')
    expect(toAbortError(timeout)).toBe(timeout)
    const controller = new AbortController()
    controller.abort()
    expect(toAbortError(controller.signal.reason)).toBeInstanceOf(AbortError)
  })
})
