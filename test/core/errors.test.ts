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

  it('turns a thrown non-Error into an Error with its text', () => {
    expect(roundTrip('plain string')).toMatchObject({
      name: 'Error',
      message: 'plain string',
    })
  })

  it('describes a thrown value that has no string form', () => {
    const throwing = {
      toString() {
        throw new Error('no text')
      },
    }
    expect(roundTrip(Object.create(null))).toMatchObject({
      message: '[object Object]',
    })
    expect(roundTrip(throwing).message).toBe('[object Object]')
  })

  it('keeps the reason of an AbortError across the thread', () => {
    const copy = roundTrip(new AbortError('user left'))
    expect(copy).toBeInstanceOf(AbortError)
    expect((copy as AbortError).reason).toBe('user left')
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
