// PrimeCounter.test.tsx: runs in jsdom, without workers
import { fireEvent, render, screen } from '@testing-library/react'
import { LongCallbackProvider } from 'react-long-callback'
import { expect, it, vi } from 'vitest'
import { PrimeCounter } from './PrimeCounter'

// The same tasks, on the test's thread: defineTasks installs nothing outside
// a worker, so the worker module can be imported here.
vi.mock('./primes', async () => {
  const { createInlinePool } = await import('react-long-callback/testing')
  const { tasks } = await import('./primes.worker')
  const pool = createInlinePool(tasks)
  return { pool, countPrimes: pool.task('countPrimes') }
})

it('counts the primes below the limit', async () => {
  render(
    <LongCallbackProvider>
      <PrimeCounter limit={30_000} />
    </LongCallbackProvider>,
  )
  fireEvent.click(screen.getByText('Count primes'))

  expect(await screen.findByText('3245 primes below 30000')).toBeDefined()
})
