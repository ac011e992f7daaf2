// The React binding under stress, with real workers: a component unmounted
// during a progress flood, StrictMode's double effects, and bad arguments.
// React's own warnings fail the file (forbidConsoleNoise).
import { StrictMode, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createLongCallbackStore,
  invokeLongCallback,
  useLongCallback,
  useLongCallbackState,
} from '../../src/index.ts'
import type {
  LongTask,
  UseLongCallbackOptions,
  UseLongCallbackResult,
  WorkerPool,
} from '../../src/index.ts'
import type { ReliabilityTasks } from '../fixtures/reliability.worker.ts'
import {
  allSettled,
  countedPool,
  forbidConsoleNoise,
  recordRun,
  watchLibraryResources,
  type StatusCall,
} from './harness.ts'

forbidConsoleNoise()

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

/** Mounts `element` in a root of its own; errors are collected, not logged. */
function mount(element: ReactNode, strict = false) {
  const container = document.createElement('div')
  document.body.append(container)
  const errors: unknown[] = []
  const root = createRoot(container, {
    onUncaughtError: (error) => errors.push(error),
    onCaughtError: (error) => errors.push(error),
  })
  root.render(strict ? <StrictMode>{element}</StrictMode> : element)
  let mounted = true
  const unmount = () => {
    if (!mounted) return
    mounted = false
    root.unmount()
    container.remove()
  }
  cleanups.push(unmount)
  return { errors, unmount }
}

type Shown = UseLongCallbackResult<number, unknown>

/** A component that shows one hook and hands its result to the test. */
function Probe(props: {
  task: LongTask<number, unknown>
  options: UseLongCallbackOptions<unknown>
  expose: (shown: Shown) => void
}) {
  const shown = useLongCallback(props.task, props.options)
  props.expose(shown)
  return <p>{shown.status}</p>
}

function newPool(options: Parameters<typeof countedPool>[0]) {
  const counted = countedPool(options)
  cleanups.push(() => counted.pool.terminate())
  return counted
}

/** The task, with each start counted. */
function countStarts(task: LongTask<number, unknown>) {
  let starts = 0
  const counted: LongTask<number, unknown> = {
    name: task.name,
    run: (input, hooks) =>
      task.run(input, {
        ...hooks,
        onStart() {
          starts++
          hooks.onStart?.()
        },
      }),
  }
  return { task: counted, starts: () => starts }
}

/** The pool frees its worker soon, without a kill, only if the task stopped. */
async function expectWorkerFreed(
  counted: ReturnType<typeof countedPool>,
): Promise<void> {
  const probe = recordRun(
    (counted.pool as WorkerPool<ReliabilityTasks>).task('echo'),
    'free',
  )
  await allSettled([probe], 3_000)
  expect(probe.outcome()).toEqual({ ok: true, value: 'free' })
  expect(counted.spawned()).toBe(1)
}

function countFrames() {
  let frames = 0
  let running = true
  const tick = () => {
    if (!running) return
    frames++
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  return { frames: () => frames, stop: () => (running = false) }
}

describe('unmount during a progress flood', () => {
  it('renders at most once a frame, cancels the run, calls no handler after', async () => {
    const resources = watchLibraryResources()
    cleanups.push(() => resources.restore())
    const counted = newPool({ size: 1, killAfterMs: 10_000 })
    const calls: StatusCall[] = []
    let shown: Shown | undefined
    let renders = 0
    const view = mount(
      <Probe
        task={counted.pool.task('flood')}
        options={{
          period: 50,
          onStatus: (status, result, info) =>
            calls.push({
              status,
              result,
              reason: info.reason,
              error: info.error,
            }),
        }}
        expose={(latest) => {
          renders++
          shown = latest
        }}
      />,
    )
    await expect.poll(() => shown).toBeDefined()
    const rendersBefore = renders
    const frames = countFrames()
    shown?.invoke(20_000)
    await expect.poll(() => shown?.progress ?? 0).toBeGreaterThan(0)
    await expect.poll(frames.frames).toBeGreaterThan(30)

    view.unmount()
    frames.stop()
    const callsAtUnmount = calls.length
    // One render per frame for the flood and the period counts, which join
    // the same per-frame batch, plus the queued and running steps.
    expect(renders - rendersBefore).toBeLessThanOrEqual(frames.frames() + 2)
    await expect.poll(() => counted.pool.stats().running).toBe(0)
    await expectWorkerFreed(counted)
    expect(calls.length).toBe(callsAtUnmount)
    expect(calls.some((call) => typeof call.status === 'boolean')).toBe(false)
    expect(calls.map((call) => call.status)).toEqual(
      calls.map((_, index) => index),
    )
    counted.pool.terminate()
    expect(resources.pendingTimers()).toBe(0)
    expect(resources.liveListeners()).toBe(0)
    expect(view.errors).toEqual([])
  })
})

describe('React StrictMode', () => {
  it('starts no worker in render, and one run per invoke, cancelling none', async () => {
    const counted = newPool({ size: 1 })
    const { task, starts } = countStarts(counted.pool.task('nap'))
    const calls: Array<boolean | number> = []
    let shown: Shown | undefined
    const view = mount(
      <Probe
        task={task}
        options={{ period: 16, onStatus: (status) => calls.push(status) }}
        expose={(latest) => (shown = latest)}
      />,
      true,
    )
    await expect.poll(() => shown).toBeDefined()
    expect(counted.spawned()).toBe(0)
    shown?.invoke(40)
    await expect.poll(() => shown?.status).toBe('success')
    expect(shown?.result).toBe(40)
    expect(starts()).toBe(1)
    expect(calls.filter((status) => typeof status === 'boolean')).toEqual([
      true,
    ])
    expect(calls.at(-1)).toBe(true)
    expect(view.errors).toEqual([])
  })

  it('an unmount cancels the run once and frees the worker', async () => {
    const resources = watchLibraryResources()
    cleanups.push(() => resources.restore())
    const counted = newPool({ size: 1, killAfterMs: 10_000 })
    const calls: Array<boolean | number> = []
    let shown: Shown | undefined
    const view = mount(
      <Probe
        task={counted.pool.task('nap')}
        options={{ onStatus: (status) => calls.push(status) }}
        expose={(latest) => (shown = latest)}
      />,
      true,
    )
    await expect.poll(() => shown).toBeDefined()
    shown?.invoke(20_000)
    await expect.poll(() => shown?.status).toBe('running')
    view.unmount()
    await expect.poll(() => counted.pool.stats().running).toBe(0)
    await expectWorkerFreed(counted)
    expect(calls).toEqual([])
    // What is left belongs to the pool (an idle worker's timer) until it ends.
    counted.pool.terminate()
    expect(resources.pendingTimers()).toBe(0)
    expect(resources.liveListeners()).toBe(0)
  })

  it('a keyed run outlives its component and finishes into the store', async () => {
    const counted = newPool({ size: 1 })
    const store = createLongCallbackStore()
    let shown: Shown | undefined
    const view = mount(
      <Probe
        task={counted.pool.task('nap')}
        options={{ key: 'report', store }}
        expose={(latest) => (shown = latest)}
      />,
      true,
    )
    await expect.poll(() => shown).toBeDefined()
    shown?.invoke(60)
    view.unmount()
    await expect
      .poll(() => store.getState().runs['report']?.status)
      .toBe('success')
    expect(store.getState().runs['report']?.result).toBe(60)
  })
})

describe('bad arguments to the hooks', () => {
  const loose = (value: unknown) => value as never

  function Reader({ readKey }: { readKey: unknown }) {
    const state = useLongCallbackState(loose(readKey))
    return <p>{state.status}</p>
  }

  it.each([
    [42, {}, /useLongCallback: task must be a LongTask or a function/],
    [
      () => 1,
      { concurrency: 'sometimes' },
      /concurrency must be one of .*received "sometimes"/,
    ],
    [() => 1, { period: '1s' }, /period must be a number >= 0/],
  ])(
    'useLongCallback(%s, %j) throws a clear TypeError',
    async (task, options, message) => {
      const view = mount(
        <Probe task={loose(task)} options={loose(options)} expose={() => {}} />,
      )
      await expect.poll(() => view.errors.length).toBeGreaterThan(0)
      expect(view.errors[0]).toBeInstanceOf(TypeError)
      expect(String(view.errors[0])).toMatch(message)
    },
  )

  it('useLongCallbackState with a key that is not a string throws a clear TypeError', async () => {
    const view = mount(<Reader readKey={42} />)
    await expect.poll(() => view.errors.length).toBeGreaterThan(0)
    expect(String(view.errors[0])).toMatch(
      /useLongCallbackState: key must be a non-empty string, received 42/,
    )
  })

  it('the pool is still usable after a component failed', async () => {
    const { pool } = newPool({ size: 1 })
    mount(<Probe task={loose(42)} options={{}} expose={() => {}} />)
    const run = invokeLongCallback(pool.task('echo'), 'fine')
    await expect(run.promise).resolves.toBe('fine')
  })
})
