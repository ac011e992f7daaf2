import { StrictMode, useState, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import {
  createLongCallbackStore,
  createWorkerPool,
  LongCallbackProvider,
  useLongCallback,
  useLongCallbackState,
} from '../../src/index.ts'
import type { ReactTasks } from '../fixtures/react.worker.ts'

const pool = createWorkerPool<ReactTasks>(
  () =>
    new Worker(new URL('../fixtures/react.worker.ts', import.meta.url), {
      type: 'module',
    }),
  { size: 2, name: 'react-tests' },
)
const flood = pool.task('flood')
const slow = pool.task('slow')

let root: Root | undefined
let container: HTMLElement | undefined

function mount(ui: ReactNode): HTMLElement {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  root.render(
    <LongCallbackProvider store={createLongCallbackStore()}>
      {ui}
    </LongCallbackProvider>,
  )
  return container
}

function text(testId: string): string | null | undefined {
  return container?.querySelector(`[data-testid="${testId}"]`)?.textContent
}

function click(name: string): void {
  const button = [...(container?.querySelectorAll('button') ?? [])].find(
    (element) => element.textContent === name,
  )
  if (!button) throw new Error(`No button "${name}"`)
  button.click()
}

function countFrames(): () => number {
  let frames = 0
  let id = requestAnimationFrame(function tick() {
    frames++
    id = requestAnimationFrame(tick)
  })
  return () => {
    cancelAnimationFrame(id)
    return frames
  }
}

afterEach(() => {
  root?.unmount()
  container?.remove()
  root = undefined
  container = undefined
})

afterAll(() => {
  pool.terminate()
})

describe('useLongCallback with real workers', () => {
  it('brings progress to the screen while the worker runs', async () => {
    function Counter() {
      const job = useLongCallback(slow)
      return (
        <>
          <button onClick={() => job.invoke(1500)}>start</button>
          <p data-testid="status">{job.status}</p>
          <p data-testid="progress">{job.progress ?? '-'}</p>
          <p data-testid="result">{job.result}</p>
        </>
      )
    }
    const shown = () => ({
      status: text('status'),
      progress: Number(text('progress')),
    })
    mount(<Counter />)
    await expect.poll(() => text('status')).toBe('idle')
    click('start')
    await expect.poll(() => text('status')).toBe('running')
    await expect.poll(() => shown().progress).toBeGreaterThan(0)
    const first = shown()
    expect(first.status).toBe('running')
    await expect.poll(() => shown().progress).toBeGreaterThan(first.progress)
    expect(shown().status).toBe('running')
    await expect.poll(() => text('status'), { timeout: 5000 }).toBe('success')
    expect(Number(text('result'))).toBeGreaterThanOrEqual(1500)
  })

  it('cancels the worker from a button', async () => {
    function Job() {
      const job = useLongCallback(slow)
      return (
        <>
          <button onClick={() => job.invoke(30_000)}>start</button>
          <button onClick={job.cancel}>cancel</button>
          <p data-testid="status">{job.status}</p>
          <p data-testid="error">{job.error?.name}</p>
          <p data-testid="progress">{job.progress ?? '-'}</p>
        </>
      )
    }
    mount(<Job />)
    await expect.poll(() => text('status')).toBe('idle')
    click('start')
    await expect.poll(() => text('progress')).not.toBe('-')
    expect(pool.stats().running).toBe(1)
    click('cancel')
    await expect.poll(() => text('status')).toBe('cancelled')
    expect(text('error')).toBe('AbortError')
    // The task saw the abort at its next checkpoint and freed its worker.
    await expect.poll(() => pool.stats().running).toBe(0)
  })

  it('shows a keyed run to a sibling component', async () => {
    function Starter() {
      const job = useLongCallback(slow, { key: 'export' })
      return <button onClick={() => job.invoke(200)}>export</button>
    }
    function Header() {
      const status = useLongCallbackState('export', (s) => s.status)
      const result = useLongCallbackState<number, number | undefined>(
        'export',
        (s) => s.result,
      )
      return (
        <p data-testid="header">
          {status}:{result ?? ''}
        </p>
      )
    }
    mount(
      <>
        <Header />
        <Starter />
      </>,
    )
    await expect.poll(() => text('header')).toBe('idle:')
    click('export')
    await expect.poll(() => text('header')).toMatch(/^running/)
    await expect
      .poll(() => text('header'), { timeout: 5000 })
      .toMatch(/^success:\d+$/)
  })

  it('renders about once per frame while a million reports come in', async () => {
    let renders = 0
    let start: (() => Promise<number>) | undefined
    function Watcher() {
      renders++
      const job = useLongCallback(flood)
      start = () => job.invokeAsync({ reports: 1_000_000, spreadMs: 1000 })
      return (
        <>
          <progress value={job.progress ?? 0} />
          <p data-testid="status">{job.status}</p>
        </>
      )
    }
    mount(<Watcher />)
    await expect.poll(() => text('status')).toBe('idle')
    renders = 0
    const frames = countFrames()
    await expect(start?.()).resolves.toBe(1_000_000)
    await expect.poll(() => text('status')).toBe('success')
    const elapsedFrames = frames()
    // One render per frame at most, plus start and end; far from a million.
    expect(renders).toBeLessThanOrEqual(elapsedFrames + 3)
    expect(renders).toBeGreaterThan(5)
    expect(renders).toBeLessThan(1_000)
  })

  it('in StrictMode, unmounting mid-run frees the worker', async () => {
    function Job() {
      const job = useLongCallback(slow)
      const [started, setStarted] = useState(false)
      return (
        <button
          onClick={() => {
            setStarted(true)
            job.invoke(30_000)
          }}
        >
          {started ? job.status : 'start'}
        </button>
      )
    }
    mount(
      <StrictMode>
        <Job />
      </StrictMode>,
    )
    await expect.poll(() => container?.textContent).toBe('start')
    click('start')
    await expect.poll(() => container?.textContent).toBe('running')
    expect(pool.stats().running).toBe(1)
    root?.unmount()
    root = undefined
    await expect.poll(() => pool.stats().running).toBe(0)
  })
})
