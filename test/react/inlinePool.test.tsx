import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createLongCallbackStore,
  LongCallbackProvider,
  useLongCallback,
} from '../../src/index.ts'
import type { LongTask } from '../../src/index.ts'
import { createInlinePool } from '../../src/testing.ts'
import { tasks } from '../fixtures/react.worker.ts'

// The component under test, written against a worker pool's task.
function Export({ task }: { task: LongTask<number, number> }) {
  const job = useLongCallback(task)
  return (
    <>
      <button onClick={() => job.invoke(60)}>start</button>
      <button onClick={job.cancel}>cancel</button>
      <p data-testid="status">{job.status}</p>
      <p data-testid="result">{job.result ?? ''}</p>
    </>
  )
}

const pool = createInlinePool(tasks)

function renderExport() {
  return render(
    <LongCallbackProvider store={createLongCallbackStore()}>
      <Export task={pool.task('slow')} />
    </LongCallbackProvider>,
  )
}

describe('a component tested with createInlinePool', () => {
  afterEach(cleanup)

  it('runs the worker module on this thread, with the same states', async () => {
    renderExport()
    fireEvent.click(screen.getByText('start'))
    expect(screen.getByTestId('status').textContent).toBe('running')
    await waitFor(() =>
      expect(screen.getByTestId('status').textContent).toBe('success'),
    )
    expect(Number(screen.getByTestId('result').textContent)).toBeGreaterThan(59)
  })

  it('cancels from the button', async () => {
    renderExport()
    fireEvent.click(screen.getByText('start'))
    fireEvent.click(screen.getByText('cancel'))
    await waitFor(() =>
      expect(screen.getByTestId('status').textContent).toBe('cancelled'),
    )
    expect(pool.stats().running).toBe(0)
  })
})
