// Runs the migration guide's examples in jsdom, with fake timers and an
// inline pool whose estimatePi takes 12 simulated seconds.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { LongCallbackProvider } from 'react-long-callback'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Background } from './Background'
import { clearNotifications, Notifications } from './notify'
import { ProgressEveryPeriod } from './ProgressEveryPeriod'
import { PiInHeader, ResultInState } from './ResultInState'
import { StatusNotifications } from './StatusNotifications'

const behaviour = vi.hoisted(() => ({ fail: false }))

vi.mock('./heavy', async () => {
  const { createInlinePool } = await import('react-long-callback/testing')
  const pool = createInlinePool({
    async estimatePi(_samples: number) {
      await new Promise((resolve) => setTimeout(resolve, 12_000))
      if (behaviour.fail) throw new Error('out of random numbers')
      return 3.14
    },
  })
  return { estimatePi: pool.task('estimatePi') }
})

beforeEach(() => {
  vi.useFakeTimers()
  behaviour.fail = false
})
afterEach(() => {
  cleanup()
  clearNotifications()
  vi.useRealTimers()
})

function show(ui: React.ReactNode) {
  render(
    <LongCallbackProvider>
      {ui}
      <Notifications />
    </LongCallbackProvider>,
  )
}

const notices = () =>
  screen.queryAllByRole('listitem').map((item) => item.textContent)

it('1. notifies the start and runs in the background', async () => {
  show(<Background />)
  fireEvent.click(screen.getByText('Estimate π'))
  expect(notices()).toContain('Heavy function started')
})

it('2. notifies success, or failure with the error', async () => {
  show(<StatusNotifications />)
  fireEvent.click(screen.getByText('Estimate π'))
  await act(() => vi.advanceTimersByTimeAsync(12_000))
  expect(notices()).toContain('The heavy function has finished!')

  behaviour.fail = true
  fireEvent.click(screen.getByText('Estimate π'))
  await act(() => vi.advanceTimersByTimeAsync(12_000))
  expect(notices()).toContain('It failed: out of random numbers')
})

it('3. keeps the result in state, readable by key elsewhere', async () => {
  show(
    <>
      <ResultInState />
      <PiInHeader />
    </>,
  )
  expect(screen.getByText('π: not yet')).toBeDefined()
  fireEvent.click(screen.getByText('Estimate π'))
  await act(() => vi.advanceTimersByTimeAsync(12_000))
  expect(screen.getAllByText('π ≈ 3.14')).toHaveLength(2)
})

// #region period
it('4. notifies every period, then the result', async () => {
  show(<ProgressEveryPeriod />)
  fireEvent.click(screen.getByText('Estimate π'))
  await act(() => vi.advanceTimersByTimeAsync(12_000))
  expect(notices()).toEqual([
    'Still running (5 s)',
    'Still running (10 s)',
    'π ≈ 3.14',
  ])
})
// #endregion
