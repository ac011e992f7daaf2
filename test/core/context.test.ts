import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createTaskContext,
  REPORT_INTERVAL_MS,
  type ContextUpdate,
} from '../../src/core/context.ts'

function setup() {
  const sent: ContextUpdate[] = []
  const controller = new AbortController()
  const handle = createTaskContext(controller.signal, (u) => sent.push(u))
  return { sent, controller, handle, ctx: handle.context }
}

describe('task context', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('sends the first report at once and holds later ones for the interval', () => {
    const { sent, ctx } = setup()
    ctx.progress(0.1, 'a')
    ctx.progress(0.2, 'b')
    ctx.progress(0.3, 'c')
    expect(sent).toEqual([{ progress: 0.1, message: 'a' }])

    vi.advanceTimersByTime(REPORT_INTERVAL_MS)
    expect(sent).toEqual([
      { progress: 0.1, message: 'a' },
      { progress: 0.3, message: 'c' },
    ])
  })

  it('coalesces a synchronous flood by the clock alone, with no timer firing', () => {
    let clock = 1_000
    vi.spyOn(performance, 'now').mockImplementation(() => clock)
    const { sent, ctx, handle } = setup()
    // 100,000 calls 1 µs apart: 100 ms in which no timer can run.
    for (let i = 1; i <= 100_000; i++) {
      clock += 0.001
      ctx.progress(i / 100_000)
    }
    expect(sent.length).toBeGreaterThanOrEqual(100 / REPORT_INTERVAL_MS)
    expect(sent.length).toBeLessThanOrEqual(100 / REPORT_INTERVAL_MS + 2)
    handle.flush()
    expect(sent.at(-1)).toEqual({ progress: 1, message: undefined })
  })

  it('merges progress and partial into one report, flushes on demand, then nothing', () => {
    const { sent, ctx, handle } = setup()
    ctx.progress(0.5)
    ctx.partial(['row 1'])
    ctx.progress(0.6, 'more')
    handle.flush()
    expect(sent.at(-1)).toEqual({
      progress: 0.6,
      message: 'more',
      partial: ['row 1'],
    })

    handle.close()
    ctx.progress(0.9)
    vi.advanceTimersByTime(100)
    expect(sent).toHaveLength(2)
  })

  it('rejects a progress value outside [0, 1] with a RangeError naming it', () => {
    const { ctx } = setup()
    expect(() => ctx.progress(1.5)).toThrow(
      'progress: value must be a number in [0, 1] or null, received 1.5.',
    )
    expect(() => ctx.progress(Number.NaN)).toThrow(RangeError)
    expect(() => ctx.progress(null)).not.toThrow()
  })

  it('rejects a progress message that is not a string with a TypeError', () => {
    const { ctx, sent } = setup()
    expect(() => ctx.progress(0.5, { rows: 3 } as never)).toThrow(
      'progress: message must be a string, received object.',
    )
    expect(sent).toEqual([])
  })

  it('lets checkpoint throw the abort reason once the signal is aborted', async () => {
    const { ctx, controller } = setup()
    await expect(ctx.checkpoint()).resolves.toBeUndefined()
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(ctx.checkpoint()).rejects.toBe(reason)
  })
})
