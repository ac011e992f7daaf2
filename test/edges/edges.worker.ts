// Tasks for the engine's edge cases: each one probes one corner of the worker
// runtime, the wire protocol or the error serializer.
import { defineTasks, transfer } from '../../src/worker.ts'

function busyFor(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // Holds the thread like CPU-bound work.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

// How many tasks this worker is running right now.
let active = 0

class CodedError extends Error {
  code = 'E_CODED'
}

export const tasks = defineTasks({
  echo: <T>(value: T) => value,
  returnsUndefined: () => undefined,
  never: () => new Promise<never>(() => {}),
  stubborn(ms: number) {
    busyFor(ms)
    return 'finished anyway'
  },
  /**
   * Builds a result and marks it for transfer, shows it once as a partial
   * result, then returns it.
   */
  async previewThenReturn(bytes: number, ctx) {
    const buffer = new ArrayBuffer(bytes)
    new Uint8Array(buffer).fill(7)
    const result = transfer({ buffer }, [buffer])
    ctx.partial(result)
    await ctx.checkpoint()
    return result
  },
  /** Marks its result first, then fills it while showing it as a partial. */
  async fillWhileShowing(bytes: number, ctx) {
    const buffer = new ArrayBuffer(bytes)
    const result = transfer({ buffer }, [buffer])
    const view = new Uint8Array(buffer)
    for (let i = 0; i < bytes; i++) {
      view[i] = 7
      if (i % 256 === 0) ctx.partial(result)
    }
    return result
  },
  /** Same, but the partial is a separate object holding the same buffer. */
  async partialSharesBuffer(bytes: number, ctx) {
    const buffer = new ArrayBuffer(bytes)
    new Uint8Array(buffer).fill(5)
    ctx.partial({ preview: buffer })
    return transfer({ buffer }, [buffer])
  },
  /** A partial marked for transfer on purpose. */
  async transferredPartial(bytes: number, ctx) {
    const buffer = new ArrayBuffer(bytes)
    new Uint8Array(buffer).fill(9)
    ctx.partial(transfer({ buffer }, [buffer]))
    await ctx.checkpoint()
    return buffer.byteLength
  },
  throwNamed({ name, message }: { name: string; message: string }) {
    const error = new Error(message)
    error.name = name
    throw error
  },
  throwAbortNamed() {
    const error = new CodedError('gave up on my own', {
      cause: new Error('the network'),
    })
    error.name = 'AbortError'
    throw error
  },
  throwValue(kind: string) {
    switch (kind) {
      case 'string':
        throw 'just a string'
      case 'null':
        throw null
      case 'bare':
        throw Object.create(null)
      case 'object':
        throw { code: 42, detail: 'plain object' }
      case 'aggregate':
        throw new AggregateError([new Error('one'), new Error('two')], 'many')
      case 'causeChain':
        throw new Error('top', {
          cause: new TypeError('middle', {
            cause: new RangeError('bottom', { cause: { deep: 1 } }),
          }),
        })
      case 'uncloneableField':
        throw Object.assign(new CodedError('with a function'), {
          callback: () => 1,
          status: 503,
        })
      default:
        throw new Error(`unknown kind ${kind}`)
    }
  },
  progressThenThrow(_: undefined, ctx) {
    ctx.progress(0.25, 'quarter')
    ctx.progress(0.5, 'half')
    throw new Error('after progress')
  },
  /** A cooperative loop that reports progress until cancelled. */
  async cooperative(ms: number, ctx) {
    const end = performance.now() + ms
    while (performance.now() < end) {
      ctx.progress(null, 'working')
      busyFor(1)
      await ctx.checkpoint()
    }
    return 'not cancelled'
  },
  /**
   * Reports a partial result that cannot be cloned, then goes on working
   * for `ms` without looking at its signal.
   */
  async badPartialThenLinger(ms: number, ctx) {
    active++
    try {
      ctx.partial(() => 1)
      await sleep(ms)
      return 'lingered'
    } finally {
      active--
    }
  },
  /** Works for `ms` without looking at its signal. */
  async linger(ms: number) {
    active++
    try {
      await sleep(ms)
      return 'lingered'
    } finally {
      active--
    }
  },
  /** The same, but goes on in a synchronous loop. */
  badPartialThenSpin(ms: number, ctx) {
    ctx.partial(() => 1)
    busyFor(ms)
    return 'spun'
  },
  /** How many other tasks this worker is running as this one starts. */
  othersActive: () => active,
  /** Whether its signal was aborted, and with what, once cancelled. */
  async waitForAbort(_: undefined, ctx) {
    await new Promise<void>((resolve) =>
      ctx.signal.addEventListener('abort', () => resolve()),
    )
    const reason = ctx.signal.reason as Error
    throw new Error(`saw ${reason.name}`)
  },
})

export type EdgeTasks = typeof tasks
